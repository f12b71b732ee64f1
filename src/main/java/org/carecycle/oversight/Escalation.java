package org.carecycle.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One provider's or one service's place on the escalation ladder, with the timers the
 * policy sets: after a suspension of new placements, the letter and remedial action plan
 * within 7 working days, a review at week 4, and the provider's right to appeal within 5
 * working days unless the suspension follows serious safeguarding concerns.
 */
@Table("escalation")
public class Escalation {

	/** Working days to send the suspension letter and remedial action plan. */
	public static final int LETTER_WORKING_DAYS = 7;

	/** Working days the provider has to appeal a suspension. */
	public static final int APPEAL_WORKING_DAYS = 5;

	/** Days after a suspension that it is reviewed (week 4). */
	public static final int SUSPENSION_REVIEW_DAYS = 28;

	/** What the ladder is about. */
	public enum Subject {

		PROVIDER, SERVICE

	}

	@Id
	private UUID id;

	@Version
	private Integer version;

	private String reference;

	private Subject subjectKind;

	private UUID providerId;

	private UUID careServiceId;

	private EscalationStage stage;

	private LocalDate stageSince;

	private LocalDate nextReviewOn;

	private UUID leadOfficerId;

	private boolean afterSafeguarding;

	private LocalDate letterDueOn;

	private LocalDate letterSentOn;

	private LocalDate planDueOn;

	private LocalDate planReceivedOn;

	private LocalDate appealBy;

	private LocalDate appealReceivedOn;

	private String appealOutcome;

	private Instant createdAt;

	private Instant updatedAt;

	Escalation() {
	}

	static Escalation start(String reference, Subject subject, UUID providerId, UUID careServiceId, LocalDate today,
			Instant now) {
		Escalation escalation = new Escalation();
		escalation.id = UUID.randomUUID();
		escalation.reference = Objects.requireNonNull(reference);
		escalation.subjectKind = Objects.requireNonNull(subject);
		escalation.providerId = Objects.requireNonNull(providerId);
		if ((subject == Subject.SERVICE) != (careServiceId != null)) {
			throw new IllegalArgumentException("A service's ladder names the service, a provider's does not");
		}
		escalation.careServiceId = careServiceId;
		escalation.stage = EscalationStage.ROUTINE;
		escalation.stageSince = today;
		escalation.createdAt = now;
		escalation.updatedAt = now;
		return escalation;
	}

	/**
	 * Moves to another stage.
	 * @param addWorkingDays counts working days from a date, for the suspension's timers
	 */
	void move(EscalationStage to, LocalDate today, LocalDate nextReviewOn, UUID leadOfficerId,
			boolean afterSafeguarding, BiFunction<LocalDate, Integer, LocalDate> addWorkingDays, Instant now) {
		if (to == this.stage) {
			throw new IllegalStateException("It is already at this stage");
		}
		if (to != EscalationStage.ROUTINE) {
			if (nextReviewOn == null) {
				throw new IllegalArgumentException("Enter the date of the next review");
			}
			if (!nextReviewOn.isAfter(today)) {
				throw new IllegalArgumentException("The date of the next review must be in the future");
			}
			if (leadOfficerId == null) {
				throw new IllegalArgumentException("Choose the lead officer");
			}
		}
		this.stage = to;
		this.stageSince = today;
		this.leadOfficerId = (to == EscalationStage.ROUTINE) ? null : leadOfficerId;
		this.nextReviewOn = (to == EscalationStage.ROUTINE) ? null : nextReviewOn;
		if (to == EscalationStage.SUSPENSION) {
			this.afterSafeguarding = afterSafeguarding;
			this.letterDueOn = addWorkingDays.apply(today, LETTER_WORKING_DAYS);
			this.planDueOn = this.letterDueOn;
			this.letterSentOn = null;
			this.planReceivedOn = null;
			LocalDate weekFour = today.plusDays(SUSPENSION_REVIEW_DAYS);
			if (this.nextReviewOn.isAfter(weekFour)) {
				this.nextReviewOn = weekFour;
			}
			this.appealBy = afterSafeguarding ? null : addWorkingDays.apply(today, APPEAL_WORKING_DAYS);
			this.appealReceivedOn = null;
			this.appealOutcome = null;
		}
		else if (to != EscalationStage.CONTRACT_ACTION) {
			this.afterSafeguarding = false;
			this.letterDueOn = null;
			this.planDueOn = null;
			this.appealBy = null;
		}
		this.updatedAt = now;
	}

	void recordLetterSent(LocalDate on, Instant now) {
		requireSuspension();
		this.letterSentOn = Objects.requireNonNull(on);
		this.updatedAt = now;
	}

	void recordPlanReceived(LocalDate on, Instant now) {
		requireSuspension();
		this.planReceivedOn = Objects.requireNonNull(on);
		this.updatedAt = now;
	}

	void recordAppeal(LocalDate receivedOn, String outcome, Instant now) {
		requireSuspension();
		if (this.afterSafeguarding) {
			throw new IllegalStateException(
					"There is no appeal against a suspension that follows serious safeguarding concerns");
		}
		if (receivedOn.isAfter(this.appealBy)) {
			throw new IllegalStateException("The appeal arrived after the 5 working days for appeals ended");
		}
		this.appealReceivedOn = receivedOn;
		this.appealOutcome = outcome;
		this.updatedAt = now;
	}

	private void requireSuspension() {
		if (this.stage != EscalationStage.SUSPENSION) {
			throw new IllegalStateException("Only a suspension of new placements has a letter, a plan and an appeal");
		}
	}

	void rescheduleReview(LocalDate on, LocalDate today, Instant now) {
		if (this.stage == EscalationStage.ROUTINE) {
			throw new IllegalStateException("Routine monitoring has no review date");
		}
		if (!on.isAfter(today)) {
			throw new IllegalArgumentException("The date of the next review must be in the future");
		}
		this.nextReviewOn = on;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public int version() {
		return (this.version != null) ? this.version : 0;
	}

	public String reference() {
		return this.reference;
	}

	public Subject subjectKind() {
		return this.subjectKind;
	}

	public UUID providerId() {
		return this.providerId;
	}

	public UUID careServiceId() {
		return this.careServiceId;
	}

	public EscalationStage stage() {
		return this.stage;
	}

	public LocalDate stageSince() {
		return this.stageSince;
	}

	public LocalDate nextReviewOn() {
		return this.nextReviewOn;
	}

	public UUID leadOfficerId() {
		return this.leadOfficerId;
	}

	public boolean afterSafeguarding() {
		return this.afterSafeguarding;
	}

	public LocalDate letterDueOn() {
		return this.letterDueOn;
	}

	public LocalDate letterSentOn() {
		return this.letterSentOn;
	}

	public LocalDate planDueOn() {
		return this.planDueOn;
	}

	public LocalDate planReceivedOn() {
		return this.planReceivedOn;
	}

	public LocalDate appealBy() {
		return this.appealBy;
	}

	public LocalDate appealReceivedOn() {
		return this.appealReceivedOn;
	}

	public String appealOutcome() {
		return this.appealOutcome;
	}

	/** Whether the provider may still appeal today. */
	public boolean isOpenForAppeal(LocalDate today) {
		return this.stage == EscalationStage.SUSPENSION && this.appealBy != null && this.appealReceivedOn == null
				&& !today.isAfter(this.appealBy);
	}

}
