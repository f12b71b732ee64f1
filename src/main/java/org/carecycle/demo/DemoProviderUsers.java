package org.carecycle.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.UserAdministration.KnownPasswordAccount;
import org.carecycle.providers.RegisterLoader.NewContact;
import org.carecycle.providers.RegisterLoader.NewProvider;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

/**
 * Provider users beyond the demo provider's, so that what the council asks providers
 * reaches someone in the demo as it would in a council where providers have taken up
 * CareCycle: every provider with an open concern or review, and a third of the rest. Each
 * provider's user is its first contact (its nominated individual), who signs in with
 * their email on the register and the demo password. The rest have nobody, as some
 * providers will, and what the council asks them goes to their registered email.
 */
final class DemoProviderUsers {

	/** One provider in this many has a user whatever it has open. */
	static final int ONE_IN = 3;

	private DemoProviderUsers() {
	}

	static List<KnownPasswordAccount> accounts(List<NewProvider> providers, List<NewContact> contacts,
			UUID demoProvider, Set<UUID> withOpenWork, Set<String> takenEmails) {
		java.util.Map<UUID, NewContact> first = new java.util.HashMap<>();
		for (NewContact contact : contacts) {
			if (contact.position() == 0) {
				first.put(contact.providerId(), contact);
			}
		}
		Set<String> taken = new HashSet<>();
		takenEmails.forEach(email -> taken.add(email.toLowerCase(Locale.ROOT)));
		List<KnownPasswordAccount> accounts = new ArrayList<>();
		for (int i = 0; i < providers.size(); i++) {
			NewProvider provider = providers.get(i);
			NewContact contact = first.get(provider.id());
			if (provider.id().equals(demoProvider) || contact == null || contact.email() == null
					|| (i % ONE_IN != 1 && !withOpenWork.contains(provider.id()))
					|| !taken.add(contact.email().toLowerCase(Locale.ROOT))) {
				continue;
			}
			accounts.add(new KnownPasswordAccount(contact.email(), contact.name(), Role.PROVIDER,
					new ProviderId(provider.id())));
		}
		return accounts;
	}

}
