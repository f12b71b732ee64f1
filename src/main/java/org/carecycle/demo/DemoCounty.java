package org.carecycle.demo;

import java.util.List;

import org.carecycle.providers.RegisterLoader.NewContact;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewGroup;
import org.carecycle.providers.RegisterLoader.NewProvider;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.shared.Role;

/**
 * A generated county: everything the loader writes.
 *
 * @param geography its localities and districts
 * @param groups corporate groups
 * @param providers provider organisations
 * @param contacts contacts at providers
 * @param services their services
 * @param ratings CQC ratings, with history
 * @param contracts the council's contracts
 * @param users the demo sign-ins
 */
record DemoCounty(DemoGeography geography, List<NewGroup> groups, List<NewProvider> providers,
		List<NewContact> contacts, List<NewService> services, List<NewRating> ratings, List<NewContract> contracts,
		List<DemoUser> users) {

	/**
	 * A demo sign-in.
	 *
	 * @param email the address to sign in with
	 * @param name the person's name
	 * @param role their role
	 * @param provider for a provider user, the provider they work for
	 */
	record DemoUser(String email, String name, Role role, NewProvider provider) {
	}

}
