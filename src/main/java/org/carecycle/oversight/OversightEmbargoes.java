package org.carecycle.oversight;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.carecycle.providers.PlacementEmbargoes;

import org.springframework.stereotype.Component;

/** The escalation ladder's suspensions, for every page that lists or shows services. */
@Component
class OversightEmbargoes implements PlacementEmbargoes {

	private final Escalations escalations;

	OversightEmbargoes(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public Set<UUID> embargoed(Collection<UUID> serviceIds) {
		return this.escalations.embargoes(serviceIds).keySet();
	}

}
