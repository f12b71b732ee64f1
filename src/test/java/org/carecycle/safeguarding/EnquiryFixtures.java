package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Safeguarding concerns with an enquiry in planning, written straight to the tables (the
 * decision page that makes them belongs to another part of the module), about a service
 * of a given provider, optionally with a member of staff named on the case.
 */
final class EnquiryFixtures {

	/** What the person who raised the concern said: never shown to a provider. */
	static final String ORIGINAL_WORDS = "Mrs Pemberton-Quayle saw bruises on the arms of Mr A";

	static final String SCREEN_REASONS = "Words about physical harm: bruises";

	record Case(UUID concernId, UUID enquiryId, String reference) {

		String page() {
			return "/safeguarding/concerns/" + this.concernId + "/enquiry";
		}

	}

	private final JdbcClient jdbc;

	EnquiryFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID userId(String email) {
		return this.jdbc.sql("select id from app_user where email = :e").param("e", email).query(UUID.class).single();
	}

	UUID demoProvider() {
		return this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
	}

	UUID otherProvider() {
		return this.jdbc.sql("select id from provider where id <> :p order by name limit 1")
			.param("p", demoProvider())
			.query(UUID.class)
			.single();
	}

	/**
	 * A case in planning about a service of the provider, the user (if any) named on it.
	 */
	Case create(UUID providerId, UUID namedUser) {
		UUID concern = UUID.randomUUID();
		UUID enquiry = UUID.randomUUID();
		String reference = "SG-T-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		UUID service = this.jdbc.sql("select id from care_service where provider_id = :p order by name limit 1")
			.param("p", providerId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into safeguarding_concern (id, reference, source, received_at, summary, screen_reasons,
				    adult_initials, care_service_id, provider_id, service_name, provider_name, status, decision_due_at,
				    decided_at, decision_reasons)
				values (:id, :ref, 'STAFF', :now, :summary, :reasons, 'A.B.', :service, :provider,
				    'Test Home', (select name from provider where id = :provider), 'S42_ENQUIRY', :now, :now,
				    'Care needs, abuse suspected, unable to protect themselves')""")
			.param("id", concern)
			.param("ref", reference)
			.param("now", now)
			.param("summary", ORIGINAL_WORDS)
			.param("reasons", SCREEN_REASONS)
			.param("service", service)
			.param("provider", providerId)
			.update();
		this.jdbc.sql("""
				insert into safeguarding_enquiry (id, concern_id, kind, status, opened_at)
				values (:id, :concern, 'SECTION_42', 'PLANNING', :now)""")
			.param("id", enquiry)
			.param("concern", concern)
			.param("now", now)
			.update();
		if (namedUser != null) {
			this.jdbc.sql("""
					insert into safeguarding_case_officer (concern_id, user_id, user_name, role, named_at)
					values (:c, :u, 'Named officer', 'QA_OFFICER', :now)""")
				.param("c", concern)
				.param("u", namedUser)
				.param("now", now)
				.update();
		}
		return new Case(concern, enquiry, reference);
	}

	String status(Case c) {
		return this.jdbc.sql("select status from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(String.class)
			.single();
	}

	int version(Case c) {
		return this.jdbc.sql("select version from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(Integer.class)
			.single();
	}

}
