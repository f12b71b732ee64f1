package org.carecycle.oversight;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Where escalation ladders are kept. */
interface EscalationRepository extends CrudRepository<Escalation, UUID> {

	@Query("select * from escalation where care_service_id = :serviceId and subject_kind = 'SERVICE'")
	Optional<Escalation> findByService(UUID serviceId);

	@Query("select * from escalation where provider_id = :providerId and subject_kind = 'PROVIDER'")
	Optional<Escalation> findByProvider(UUID providerId);

}
