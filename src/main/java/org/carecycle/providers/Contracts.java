package org.carecycle.providers;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Contracts, as stored. */
interface Contracts extends ListCrudRepository<Contract, UUID> {

	Optional<Contract> findByReference(String reference);

}
