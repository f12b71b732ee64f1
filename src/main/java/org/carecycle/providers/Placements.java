package org.carecycle.providers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.providers.RegisterViews.ServiceRow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the council places anyone new with a service, for code and for templates
 * ({@code ${@placements.among(services.items())}}): one question for a whole page of
 * services, answered by the {@link PlacementEmbargoes} in force.
 */
@Component("placements")
public class Placements {

	private final ObjectProvider<PlacementEmbargoes> embargoes;

	Placements(ObjectProvider<PlacementEmbargoes> embargoes) {
		this.embargoes = embargoes;
	}

	/** The embargoed services among these rows or ids. */
	public Set<UUID> among(Collection<?> services) {
		PlacementEmbargoes embargoes = this.embargoes.getIfAvailable();
		if (embargoes == null || services == null || services.isEmpty()) {
			return Set.of();
		}
		List<UUID> ids = new ArrayList<>(services.size());
		for (Object service : services) {
			if (service instanceof ServiceRow row) {
				ids.add(row.id());
			}
			else if (service instanceof UUID id) {
				ids.add(id);
			}
		}
		return embargoes.embargoed(ids);
	}

	public boolean isEmbargoed(UUID serviceId) {
		return among(List.of(serviceId)).contains(serviceId);
	}

}
