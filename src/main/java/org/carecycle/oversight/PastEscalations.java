package org.carecycle.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a service's escalation ladder as it was decided in the past, for loaders of
 * earlier records (the demo county): each decision is replayed on its own date through
 * the same guarded moves as a live one, so the suspension's timers fall where the policy
 * puts them. Nobody is emailed: the people concerned were told at the time.
 */
@Service
public class PastEscalations {

	private final EscalationRepository escalations;

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final AuditLog audit;

	private final Clock clock;

	PastEscalations(EscalationRepository escalations, JdbcClient jdbc, WorkingDays workingDays, AuditLog audit,
			Clock clock) {
		this.escalations = escalations;
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.audit = audit;
		this.clock = clock;
	}

	/** A decision taken on a past date, by a named member of staff. */
	public record PastDecision(LocalDate on, EscalationStage to, String evidence, String rationale,
			LocalDate nextReviewOn, UUID decidedBy, String decidedByName, Role decidedByRole,
			boolean afterSafeguarding) {

		public PastDecision {
			Objects.requireNonNull(on, "on");
			Objects.requireNonNull(to, "to");
			Objects.requireNonNull(decidedByRole, "decidedByRole");
		}

	}

	/**
	 * A service's ladder: its decisions, oldest first, the lead officer, and when the
	 * suspension letter was sent and the remedial action plan received (null when not
	 * yet).
	 */
	public record PastLadder(UUID providerId, UUID serviceId, UUID leadOfficerId, List<PastDecision> decisions,
			LocalDate letterSentOn, LocalDate planReceivedOn) {

		public PastLadder {
			Objects.requireNonNull(providerId, "providerId");
			Objects.requireNonNull(serviceId, "serviceId");
			decisions = List.copyOf(decisions);
			if (decisions.isEmpty()) {
				throw new IllegalArgumentException("A ladder needs at least one decision");
			}
		}

	}

	/** Records the ladder, unless the service has one already. */
	@Transactional
	public Escalation record(PastLadder ladder) {
		var existing = this.escalations.findByService(ladder.serviceId());
		if (existing.isPresent()) {
			return existing.get();
		}
		LocalDate first = ladder.decisions().get(0).on();
		long number = this.jdbc.sql("select nextval('escalation_number')").query(Long.class).single();
		Escalation escalation = Escalation.start("ESC-%d-%05d".formatted(first.getYear(), number),
				Escalation.Subject.SERVICE, ladder.providerId(), ladder.serviceId(), first, at(first));
		List<EscalationStage> froms = new java.util.ArrayList<>();
		List<PastDecision> decisions = ladder.decisions();
		for (int i = 0; i < decisions.size(); i++) {
			PastDecision decision = decisions.get(i);
			froms.add(escalation.stage());
			escalation.move(decision.to(), decision.on(), decision.nextReviewOn(), ladder.leadOfficerId(),
					decision.afterSafeguarding(), this.workingDays::addWorkingDays, at(decision.on()));
			if (decision.to() == EscalationStage.SUSPENSION) {
				// the letter and plan belong to the suspension, before any later move
				LocalDate before = (i + 1 < decisions.size()) ? decisions.get(i + 1).on() : null;
				if (isBefore(ladder.letterSentOn(), before)) {
					escalation.recordLetterSent(ladder.letterSentOn(), at(ladder.letterSentOn()));
				}
				if (isBefore(ladder.planReceivedOn(), before)) {
					escalation.recordPlanReceived(ladder.planReceivedOn(), at(ladder.planReceivedOn()));
				}
			}
		}
		escalation = this.escalations.save(escalation);
		for (int i = 0; i < froms.size(); i++) {
			insertDecision(escalation.id(), froms.get(i), ladder.decisions().get(i));
		}
		this.audit.record(org.carecycle.identity.AuditAction.CREATED, "Escalation", escalation.id(),
				"Escalation recorded from earlier decisions, now " + escalation.stage().name());
		return escalation;
	}

	private void insertDecision(UUID escalationId, EscalationStage from, PastDecision decision) {
		this.jdbc
			.sql("""
					insert into escalation_decision (id, escalation_id, decided_at, decided_on, decided_by, decided_by_name,
					                                 decided_by_role, from_stage, to_stage, evidence, rationale, next_review_on)
					values (:id, :escalation, :at, :on, :by, :name, :role, :from, :to, :evidence, :rationale, :next)""")
			.param("id", UUID.randomUUID())
			.param("escalation", escalationId)
			.param("at", Timestamp.from(at(decision.on())))
			.param("on", Date.valueOf(decision.on()))
			.param("by", decision.decidedBy())
			.param("name", decision.decidedByName())
			.param("role", decision.decidedByRole().name())
			.param("from", from.name())
			.param("to", decision.to().name())
			.param("evidence", decision.evidence())
			.param("rationale", decision.rationale())
			.param("next", (decision.nextReviewOn() != null) ? Date.valueOf(decision.nextReviewOn()) : null)
			.update();
	}

	private static boolean isBefore(LocalDate day, LocalDate limit) {
		return day != null && (limit == null || !day.isAfter(limit));
	}

	/** Mid-morning on the day, UK time, when the decision was taken. */
	private java.time.Instant at(LocalDate day) {
		java.time.Instant instant = day.atTime(LocalTime.of(10, 30)).atZone(UkTime.ZONE).toInstant();
		java.time.Instant now = this.clock.instant();
		return instant.isAfter(now) ? now : instant;
	}

}
