package org.carecycle.database;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Work that one module's change asks of another goes through Spring Modulith's event
 * publication registry: a risk recompute that fails after a concern is saved is kept,
 * shown to administrators, and done when it is tried again, instead of waiting for the
 * nightly run; finished work is not kept.
 */
@ApplicationTest
class EventRegistryTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	EventRetries retries;

	@AfterEach
	void letTheDatabaseWorkAgain() {
		this.jdbc.sql("drop trigger if exists refuse_risk_profile on risk_profile").update();
		this.jdbc.sql("drop function if exists refuse_risk_profile()").update();
	}

	@Test
	void aConcernsRiskRecomputeIsDoneAndNotKept() {
		UUID service = quietService();
		Instant before = computedAt(service);
		raiseConcern(service);
		await().atMost(WAIT).until(() -> computedAt(service).isAfter(before));
		await().atMost(WAIT).until(() -> unfinished(service) == 0);
	}

	@Test
	void aRiskRecomputeThatFailsIsKeptShownToAdministratorsAndDoneWhenTriedAgain() throws Exception {
		UUID service = quietService();
		Instant before = computedAt(service);
		refuseRiskProfileOf(service);

		raiseConcern(service);
		await().atMost(WAIT).until(() -> failed(service) >= 1);
		assertThat(computedAt(service)).isEqualTo(before);

		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String page = this.mvc.perform(get("/admin/events").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Unfinished work", "ConcernRaised", "RiskRecalculation.on", "Failed",
				"Try the failed work again now");
		assertThat(this.mvc.perform(get("/").session(admin)).andReturn().getResponse().getContentAsString())
			.contains("that followed a change", "href=\"/admin/events\"");

		// tried again while the database still refuses: still kept
		this.mvc.perform(post("/admin/events/retry").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/events"));
		await().atMost(WAIT).until(() -> failedAgain(service) >= 1);
		assertThat(computedAt(service)).isEqualTo(before);

		letTheDatabaseWorkAgain();
		this.mvc.perform(post("/admin/events/retry").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/events"));
		await().atMost(WAIT).until(() -> computedAt(service).isAfter(before));
		await().atMost(WAIT).until(() -> unfinished(service) == 0);
		assertThat(this.mvc.perform(get("/admin/events").session(admin)).andReturn().getResponse().getContentAsString())
			.doesNotContain(service.toString());
	}

	@Test
	void theScheduledRetryTriesFailedWorkAgain() {
		UUID service = quietService();
		Instant before = computedAt(service);
		refuseRiskProfileOf(service);
		raiseConcern(service);
		await().atMost(WAIT).until(() -> failed(service) >= 1);
		letTheDatabaseWorkAgain();
		// the schedule leaves work that has just failed for a minute: make it older
		this.jdbc.sql("update event_publication set publication_date = publication_date - interval '2 minutes'")
			.update();

		this.retries.retry();
		await().atMost(WAIT).until(() -> computedAt(service).isAfter(before));
		await().atMost(WAIT).until(() -> unfinished(service) == 0);
	}

	@Test
	void onlyAdministratorsSeeUnfinishedWork() throws Exception {
		for (Role role : Role.values()) {
			if (role != Role.ADMIN) {
				this.mvc.perform(get("/admin/events").session(SignIn.as(this.mvc, role)))
					.andExpect(status().isForbidden());
			}
		}
	}

	/**
	 * The database refuses this service's risk profile, as a busy or failing one would.
	 */
	private void refuseRiskProfileOf(UUID service) {
		this.jdbc.sql("""
				create function refuse_risk_profile() returns trigger language plpgsql as $$
				begin raise exception 'risk profiles are not being written'; end $$""").update();
		this.jdbc.sql("""
				create trigger refuse_risk_profile before insert or update on risk_profile for each row
				when (new.care_service_id = '%s') execute function refuse_risk_profile()""".formatted(service))
			.update();
	}

	private UUID quietService() {
		return this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE'
				and exists (select 1 from risk_profile r where r.care_service_id = s.id)
				and not exists (select 1 from concern c where c.care_service_id = s.id)
				order by random() limit 1""").query(UUID.class).single();
	}

	private void raiseConcern(UUID service) {
		raiseConcern(this.concerns, service);
	}

	/**
	 * A relative's concern about a service, received yesterday through the public form.
	 */
	static void raiseConcern(Concerns concerns, UUID service) {
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"Nobody came when my father rang his bell at night, three nights running.", null, "Last week", null,
				AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, true, null, null, null, false);
		AuditLog.asSystem("test", () -> concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(),
				Instant.now().minus(1, ChronoUnit.DAYS)));
	}

	private Instant computedAt(UUID service) {
		return this.jdbc.sql("select computed_at from risk_profile where care_service_id = :id")
			.param("id", service)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private long unfinished(UUID service) {
		return publications(service, "");
	}

	private long failed(UUID service) {
		return publications(service, "and status = 'FAILED'");
	}

	/** Failed again after it was handed back to its listener. */
	private long failedAgain(UUID service) {
		return publications(service, "and status = 'FAILED' and last_resubmission_date is not null");
	}

	private long publications(UUID service, String condition) {
		return this.jdbc.sql(
				"select count(*) from event_publication where completion_date is null and serialized_event like :service "
						+ condition)
			.param("service", "%" + service + "%")
			.query(Long.class)
			.single();
	}

}
