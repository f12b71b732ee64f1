package org.carecycle.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carecycle.shared.ProviderId;

/**
 * Where identity finds the provider organisations that provider users belong to. The
 * providers module implements it; identity, which sits below providers, only knows this
 * interface.
 */
public interface OrganisationDirectory {

	Optional<Organisation> find(ProviderId id);

	/** The names of several organisations at once, for a list of users. */
	Map<ProviderId, String> names(Set<ProviderId> ids);

	/**
	 * Organisations whose name contains the text, for choosing one; at most
	 * {@code limit}.
	 */
	List<Organisation> search(String text, int limit);

}
