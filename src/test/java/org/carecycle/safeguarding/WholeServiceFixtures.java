package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Safeguarding concerns written straight into the table, for the whole-service tests (the
 * concern pages are another part's), and a service of the demo county with no
 * safeguarding history of its own.
 */
final class WholeServiceFixtures {

	private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 50_000));

	private final JdbcClient jdbc;

	WholeServiceFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active service of the demo county that no safeguarding record names yet. */
	UUID freshService() {
		return this.jdbc
			.sql("""
					select s.id from care_service s
					where not exists (select 1 from safeguarding_concern c where c.care_service_id = s.id)
					  and not exists (select 1 from safeguarding_whole_service_enquiry w where w.care_service_id = s.id)
					  and not exists (select 1 from escalation e where e.care_service_id = s.id or e.provider_id = s.provider_id)
					  and not exists (select 1 from early_warning w where w.care_service_id = s.id)
					order by random() limit 1""")
			.query(UUID.class)
			.single();
	}

	/** A safeguarding concern about the service, received some days ago. */
	UUID concern(UUID service, int daysAgo, String status, boolean serious, String initials) {
		UUID id = UUID.randomUUID();
		Instant received = Instant.now().minus(Duration.ofDays(daysAgo));
		this.jdbc.sql("""
				insert into safeguarding_concern (id, reference, source, received_at, summary, serious_incident,
				    adult_initials, care_service_id, provider_id, service_name, provider_name, status, decision_due_at)
				select :id, :reference, 'STAFF', :received, 'What is said to have happened', :serious, :initials, s.id,
				       s.provider_id, s.name, p.name, :status, :received
				from care_service s join provider p on p.id = s.provider_id where s.id = :service""")
			.param("id", id)
			.param("reference", "SG-T-%06d".formatted(NUMBER.incrementAndGet()))
			.param("received", Timestamp.from(received))
			.param("serious", serious)
			.param("initials", initials)
			.param("status", status)
			.param("service", service)
			.update();
		return id;
	}

	String reference(UUID concern) {
		return this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", concern)
			.query(String.class)
			.single();
	}

	/** The live (suggested or open) enquiry about a service, if any. */
	UUID live(UUID service) {
		return this.jdbc.sql("""
				select id from safeguarding_whole_service_enquiry
				where care_service_id = :s and status in ('SUGGESTED', 'OPEN')""")
			.param("s", service)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	long enquiries(UUID service) {
		return this.jdbc.sql("select count(*) from safeguarding_whole_service_enquiry where care_service_id = :s")
			.param("s", service)
			.query(Long.class)
			.single();
	}

	String column(UUID enquiry, String column) {
		return this.jdbc
			.sql("select cast(" + column + " as varchar) from safeguarding_whole_service_enquiry where id = :id")
			.param("id", enquiry)
			.query(String.class)
			.single();
	}

	int version(UUID enquiry) {
		return Integer.parseInt(column(enquiry, "version"));
	}

}
