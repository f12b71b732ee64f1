package org.carecycle.concerns;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface ConcernRepository extends CrudRepository<Concern, UUID> {

	Optional<Concern> findByReference(String reference);

	Optional<Concern> findBySubmissionKey(UUID submissionKey);

}
