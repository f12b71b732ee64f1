package org.carecycle.oversight;

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

/**
 * Risk profiles computed from what the other modules hold, kept current when a concern
 * arrives, explained on the register and the service's page, and the early warning that
 * asks an officer to decide.
 */
@ApplicationTest
class RiskProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskProfiles profiles;

	@Autowired
	EarlyWarnings warnings;

	@Autowired
	Concerns concerns;

	@Test
	void everyActiveServiceIsScoredAndAnInadequateCqcRatingCountsFortyPoints() {
		RiskProfiles.Recomputed done = AuditLog.asSystem("test", () -> this.profiles.recomputeAll());
		long active = this.jdbc.sql("select count(*) from care_service where status = 'ACTIVE'")
			.query(Long.class)
			.single();
		assertThat(done.services()).isEqualTo((int) active);
		UUID inadequate = this.jdbc
			.sql("""
					select id from care_service where status = 'ACTIVE' and cqc_overall = 'INADEQUATE' order by name limit 1""")
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (inadequate != null) {
			RiskProfiles.Profile profile = this.profiles.profile(inadequate).orElseThrow();
			assertThat(profile.contributions()).anySatisfy(c -> {
				assertThat(c.signal()).isEqualTo("risk.cqc.overall");
				assertThat(c.points()).isEqualTo(RiskModel.CQC_INADEQUATE);
			});
			assertThat(profile.score()).isGreaterThanOrEqualTo(RiskModel.CQC_INADEQUATE);
		}
		assertThat(this.profiles.bands().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(active);
	}

	@Test
	void aSurgeOfConcernsRaisesTheScoreAtOnceAndAnEarlyWarningAnOfficerAcknowledges() throws Exception {
		AuditLog.asSystem("test", () -> this.profiles.recomputeAll());
		UUID service = this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE'
				and not exists (select 1 from concern c where c.care_service_id = s.id
				                and c.received_at >= now() - interval '15 months')
				and not exists (select 1 from early_warning w where w.care_service_id = s.id)
				order by s.name limit 1""").query(UUID.class).single();
		int before = this.profiles.profile(service).orElseThrow().score();
		Instant computedBefore = this.profiles.profile(service).orElseThrow().computedAt();
		for (int i = 0; i < 5; i++) {
			Report report = new Report(ConcernKind.CONCERN, service, null,
					"Staff did not come to help my mother for an hour after she rang her bell.", null, "Last week",
					null, AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, true, null, null, null, false);
			AuditLog.asSystem("test", () -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(),
					Instant.now().minus(1, ChronoUnit.DAYS)));
		}
		// each concern recomputed the service's profile once it was saved, in the
		// background
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			RiskProfiles.Profile after = this.profiles.profile(service).orElseThrow();
			assertThat(after.computedAt()).isAfter(computedBefore);
			assertThat(after.score()).isGreaterThanOrEqualTo(before);
		});

		int raised = AuditLog.asSystem("test", () -> this.warnings.scan());
		assertThat(raised).isPositive();
		EarlyWarnings.Warning warning = this.warnings.ofService(service).get(0);
		assertThat(warning.kind()).isEqualTo("CONCERN_RATE");
		assertThat(warning.explanation()).startsWith("5 concerns in the last 3 months, against 0.3 expected");
		// scanning again does not raise it twice
		AuditLog.asSystem("test", () -> this.warnings.scan());
		assertThat(this.warnings.ofService(service)).hasSize(1);

		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		// the warnings come a page at a time: the new one is on one of them
		boolean shown = false;
		for (int n = 1; n <= 50 && !shown; n++) {
			String page = this.mvc.perform(get("/oversight/warnings?page=" + n).session(officer))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as("page " + n).contains("govuk-summary-card");
			shown = page.contains("5 concerns in the last 3 months");
		}
		assertThat(shown).as("the new warning is listed").isTrue();
		var refused = this.mvc
			.perform(post("/oversight/warnings/" + warning.id() + "/acknowledge").session(officer)
				.with(csrf())
				.param("decision", "  "))
			.andReturn();
		assertThat(refused.getFlashMap().get("problemKey")).isEqualTo("warning.decision.blank");
		this.mvc
			.perform(post("/oversight/warnings/" + warning.id() + "/acknowledge").session(officer)
				.with(csrf())
				.param("decision", "Unannounced visit booked for Thursday."))
			.andReturn();
		assertThat(this.warnings.ofService(service).get(0).decision())
			.isEqualTo("Unannounced visit booked for Thursday.");
		assertThat(this.warnings.open()).noneMatch(w -> w.id().equals(warning.id()));

		String riskPage = this.mvc.perform(get("/oversight/risk/" + service).session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(riskPage).contains("Why: the signals and their points", "Concerns rising against its own history");
		String register = this.mvc.perform(get("/oversight/risk").session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(register).contains("Risk register");
	}

	@Test
	void thePoissonTailIsRight() {
		// P(X >= 1 | 1) = 1 - e^-1
		assertThat(EarlyWarnings.upperTail(1, 1.0)).isCloseTo(1 - Math.exp(-1),
				org.assertj.core.data.Offset.offset(1e-9));
		// P(X >= 5 | 0.3) is tiny
		assertThat(EarlyWarnings.upperTail(5, 0.3)).isLessThan(0.001);
		assertThat(EarlyWarnings.upperTail(0, 2.0)).isEqualTo(1.0);
	}

	@Test
	void contractActionOnTheLadderCountsAsADefaultNoticeForTheService() {
		UUID service = this.jdbc
			.sql("""
					select s.id from care_service s where s.status = 'ACTIVE'
					  and exists (select 1 from contract c where c.care_service_id = s.id and c.starts_on <= current_date
					              and c.ends_on >= current_date)
					  and not exists (select 1 from escalation e where e.care_service_id = s.id or e.provider_id = s.provider_id)
					order by s.id desc limit 1""")
			.query(UUID.class)
			.single();
		this.profiles.recompute(service);
		assertThat(points(service, "risk.contract.defaultNotices")).isZero();
		this.jdbc.sql("""
				insert into escalation (id, version, reference, subject_kind, provider_id, care_service_id, stage,
				                        stage_since, created_at, updated_at)
				select gen_random_uuid(), 0, 'TEST-CONTRACT-1', 'SERVICE', provider_id, id, 'CONTRACT_ACTION',
				       current_date, now(), now()
				from care_service where id = :id""").param("id", service).update();
		try {
			this.profiles.recompute(service);
			assertThat(points(service, "risk.contract.defaultNotices"))
				.isEqualTo(RiskModel.DEFAULT_NOTICE_POINTS.get(0));
		}
		finally {
			this.jdbc.sql("delete from escalation where reference = 'TEST-CONTRACT-1'").update();
			this.profiles.recompute(service);
		}
	}

	private int points(UUID service, String signal) {
		return this.profiles.profile(service)
			.orElseThrow()
			.contributions()
			.stream()
			.filter(c -> c.signal().equals(signal))
			.mapToInt(RiskAssessment.Contribution::points)
			.sum();
	}

}
