package org.carecycle.providers;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Services, as stored. */
interface CareServices extends ListCrudRepository<CareService, UUID> {

	boolean existsByCqcLocationId(String cqcLocationId);

}
