package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The register on the demo county: approval keeps the evidence's figures, a figure that
 * moves far enough is reported (and one that does not is not), the owner is reminded once
 * before a review falls due, and the Market Position Statement is published to anyone,
 * also as a PDF.
 */
@ApplicationTest
class StrategyRegisterTests {

	@Autowired
	Strategies strategies;

	@Autowired
	EvidenceChanges changes;

	@Autowired
	StrategyReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private UUID approvedWithQualityEvidence() {
		LocalDate today = LocalDate.now(UkTime.ZONE);
		UUID owner = this.strategies.owners().get(0).id();
		return AuditLog.asSystem("test", () -> {
			UUID id = this.strategies
				.create(new Strategies.Details("Test strategy " + UUID.randomUUID(), CareGroup.PHYSICAL_DISABILITY,
						owner, null, today.minusDays(1), today.plusYears(3), today.plusYears(1)));
			this.strategies.addPriority(id, new Strategies.NewPriority("Priority", "Lead", "2026", null, null));
			this.strategies.addEvidence(id, new Strategies.NewEvidence(EvidenceKind.SERVICE_QUALITY,
					"Care homes rated Good or better", "/market", "CARE_HOME", null));
			this.strategies.addEvidence(id, new Strategies.NewEvidence(EvidenceKind.OUTCOME_MEASURE, "ASCOF 1A", null,
					"1A", new BigDecimal("19.2")));
			this.strategies.recordCareActReview(id, this.strategies.require(id).version(), today, "Lead", "Fine");
			this.strategies.move(id, this.strategies.require(id).version(), StrategyStatus.CONSULTATION);
			this.strategies.move(id, this.strategies.require(id).version(), StrategyStatus.APPROVED);
			return id;
		});
	}

	@Test
	void approvalKeepsTheFiguresAndOnlyAMoveThatMattersIsReported() {
		UUID id = approvedWithQualityEvidence();
		Strategy strategy = this.strategies.require(id);
		assertThat(strategy.approvedOn()).isEqualTo(LocalDate.now(UkTime.ZONE));
		List<EvidenceChanges.Change> now = this.changes.changes(strategy, this.strategies.evidence(id));
		EvidenceChanges.Change quality = now.stream()
			.filter(c -> c.evidence().kind() == EvidenceKind.SERVICE_QUALITY)
			.findFirst()
			.orElseThrow();
		assertThat(quality.evidence().figureAtApproval()).isNotNull().isEqualByComparingTo(quality.now());
		assertThat(quality.needsAttention()).isFalse();
		assertThat(
				now.stream().filter(c -> c.evidence().kind() == EvidenceKind.OUTCOME_MEASURE).findFirst().orElseThrow())
			.satisfies(c -> assertThat(c.messageKey()).isEqualTo("strategy.change.notLive"));
		// as if the share of good care homes had been 4 points higher at approval: not
		// enough to matter; 6 points: reported
		this.jdbc.sql("update commissioning_strategy_evidence set figure_at_approval = :f where id = :id")
			.param("f", quality.now().add(new BigDecimal("4")))
			.param("id", quality.evidence().id())
			.update();
		assertThat(change(strategy, id).needsAttention()).isFalse();
		this.jdbc.sql("update commissioning_strategy_evidence set figure_at_approval = :f where id = :id")
			.param("f", quality.now().add(new BigDecimal("6")))
			.param("id", quality.evidence().id())
			.update();
		assertThat(change(strategy, id).needsAttention()).isTrue();
		assertThat(change(strategy, id).messageKey()).isEqualTo("strategy.change.SERVICE_QUALITY.fell");
	}

	private EvidenceChanges.Change change(Strategy strategy, UUID id) {
		return this.changes.changes(strategy, this.strategies.evidence(id))
			.stream()
			.filter(c -> c.evidence().kind() == EvidenceKind.SERVICE_QUALITY)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theDemoStrategyOverdueForReviewRemindsItsOwnerOnce() {
		UUID overdue = this.jdbc.sql("""
				select id from commissioning_strategy where status = 'APPROVED' and review_due_on < current_date
				order by reference limit 1""").query(UUID.class).single();
		this.jdbc.sql("update commissioning_strategy set reminded_for = null where id = :id")
			.param("id", overdue)
			.update();
		AuditLog.asSystem("test", this.reminders::run);
		long queued = this.jdbc.sql("""
				select count(*) from mail_outbox where dedupe_key like :key and subject like 'Review overdue:%'
				  and recipient = 'commissioner@carecycle.example'""")
			.param("key", "strategy-review:" + overdue + ":%")
			.query(Long.class)
			.single();
		assertThat(queued).isEqualTo(1);
		assertThat(AuditLog.asSystem("test", this.reminders::run)).isZero();
	}

	@Test
	void theDemoOlderPeoplesStrategySaysWhatHasChangedSinceApproval() throws Exception {
		UUID older = this.jdbc.sql("""
				select id from commissioning_strategy where care_group = 'OLDER_PEOPLE' and status = 'APPROVED'
				order by reference limit 1""").query(UUID.class).single();
		String page = this.mvc
			.perform(get("/commissioning/strategies/" + older)
				.session(org.carecycle.SignIn.as(this.mvc, org.carecycle.shared.Role.QA_OFFICER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Concerns about this have doubled since approval",
				"Fewer of these services are rated Good or Outstanding");
	}

	@Test
	void thePublishedStatementIsReadWithoutSigningInAndAsAPdf() throws Exception {
		String page = this.mvc.perform(get("/market-position-statement"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Opportunities for providers", "People who pay for their own care",
				"Supply against demand", "Published versions");
		MvcResult pdf = this.mvc.perform(get("/market-position-statement/versions/1/pdf")).andReturn();
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
	}

}
