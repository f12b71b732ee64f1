package org.carecycle.providers;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Provider organisations, as stored. */
interface Providers extends ListCrudRepository<Provider, UUID> {

	boolean existsByCqcProviderId(String cqcProviderId);

}
