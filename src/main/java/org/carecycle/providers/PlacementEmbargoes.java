package org.carecycle.providers;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Services the council has suspended new placements with (an embargo), which every list,
 * profile and directory page must show and any placement must refuse. The oversight
 * module implements it; until it does, no service is embargoed.
 */
public interface PlacementEmbargoes {

	/** The services among these that are embargoed. */
	Set<UUID> embargoed(Collection<UUID> serviceIds);

}
