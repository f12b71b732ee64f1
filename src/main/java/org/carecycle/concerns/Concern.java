package org.carecycle.concerns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.AuditRedacted;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A compliment or concern about a care service, from receipt to closure. Its methods are
 * the only way it changes, and each refuses a step that does not follow from where it is.
 */
@Table("concern")
public class Concern {

	@Id
	private UUID id;

	@Version
	private Integer version;

	private String reference;

	private UUID submissionKey;

	private ConcernKind kind;

	private Channel channel;

	private UUID careServiceId;

	private UUID providerId;

	private String serviceDescription;

	private String whatHappened;

	private LocalDate happenedOn;

	private String happenedWhenText;

	private String peopleAffected;

	private AtRisk atRiskNow;

	private boolean urgent;

	private ReporterRole reporterRole;

	private boolean anonymous;

	@AuditRedacted
	private String reporterName;

	@AuditRedacted
	private String reporterEmail;

	@AuditRedacted
	private String reporterPhone;

	private boolean consentToContact;

	private Instant receivedAt;

	private ConcernStatus status;

	private LocalDate acknowledgeBy;

	private LocalDate assessBy;

	private Instant acknowledgedAt;

	private Instant assessedAt;

	private Instant closedAt;

	private UUID assignedTo;

	private boolean safeguardingFlag;

	private String safeguardingReasons;

	private String[] themes = new String[0];

	private Integer likelihood;

	private Integer impact;

	private ConcernAction action;

	private String actionRationale;

	private String outcome;

	private String lessons;

	private UUID duplicateOf;

	private UUID recordedBy;

	private Instant createdAt;

	private Instant updatedAt;

	/** When the retention rule took its personal details out (see ConcernRetention). */
	private LocalDate anonymisedOn;

	/**
	 * Why the concern is kept out of the retention rule (a police investigation, an
	 * inquest, a claim); null when it is not on legal hold.
	 */
	private String legalHoldReason;

	/** Who placed the legal hold. */
	private UUID legalHoldBy;

	/** Since when the concern has been on legal hold. */
	private Instant legalHoldSince;

	Concern() {
	}

	static Concern receive(String reference, UUID submissionKey, Report report, Channel channel, Instant receivedAt,
			LocalDate acknowledgeBy, LocalDate assessBy, UUID providerId, UUID recordedBy, Instant now) {
		Concern concern = new Concern();
		concern.id = UUID.randomUUID();
		concern.reference = Objects.requireNonNull(reference);
		concern.submissionKey = submissionKey;
		concern.kind = Objects.requireNonNull(report.kind());
		concern.channel = Objects.requireNonNull(channel);
		concern.careServiceId = report.careServiceId();
		concern.providerId = providerId;
		concern.serviceDescription = report.serviceDescription();
		concern.whatHappened = Objects.requireNonNull(report.whatHappened());
		concern.happenedOn = report.happenedOn();
		concern.happenedWhenText = report.happenedWhenText();
		concern.peopleAffected = report.peopleAffected();
		concern.atRiskNow = report.atRiskNow();
		concern.urgent = report.atRiskNow() == AtRisk.YES;
		concern.reporterRole = Objects.requireNonNull(report.reporterRole());
		concern.anonymous = report.anonymous();
		concern.reporterName = report.anonymous() ? null : report.reporterName();
		concern.reporterEmail = report.anonymous() ? null : report.reporterEmail();
		concern.reporterPhone = report.anonymous() ? null : report.reporterPhone();
		concern.consentToContact = !report.anonymous() && report.consentToContact();
		concern.receivedAt = receivedAt;
		concern.status = ConcernStatus.NEW;
		concern.acknowledgeBy = acknowledgeBy;
		concern.assessBy = assessBy;
		concern.recordedBy = recordedBy;
		concern.createdAt = now;
		concern.updatedAt = now;
		return concern;
	}

	void flagForSafeguarding(String reasons) {
		this.safeguardingFlag = true;
		this.safeguardingReasons = reasons;
		this.urgent = true;
	}

	/** Brings the assessment target forward for urgent and flagged concerns. */
	void dueBy(LocalDate acknowledge, LocalDate assess) {
		this.acknowledgeBy = acknowledge;
		this.assessBy = assess;
	}

	void acknowledge(UUID officer, Instant now) {
		requireStatus(ConcernStatus.NEW);
		this.status = ConcernStatus.ACKNOWLEDGED;
		this.acknowledgedAt = now;
		if (this.assignedTo == null) {
			this.assignedTo = officer;
		}
		this.updatedAt = now;
	}

	void assign(UUID officer, Instant now) {
		requireOpen();
		this.assignedTo = officer;
		this.updatedAt = now;
	}

	void assess(Set<Theme> themes, RiskRating risk, ConcernAction action, String rationale, Instant now) {
		requireOpen();
		if (this.kind == ConcernKind.COMPLIMENT) {
			throw new IllegalStateException("A compliment is recorded, not assessed");
		}
		if (this.acknowledgedAt == null) {
			this.acknowledgedAt = now;
		}
		this.themes = themes.stream().map(Theme::name).sorted().toArray(String[]::new);
		this.likelihood = risk.likelihood();
		this.impact = risk.impact();
		this.action = Objects.requireNonNull(action);
		this.actionRationale = Objects.requireNonNull(rationale);
		if (this.assessedAt == null) {
			this.assessedAt = now;
		}
		this.status = (action == ConcernAction.ASK_PROVIDER) ? ConcernStatus.AWAITING_PROVIDER : ConcernStatus.ASSESSED;
		this.updatedAt = now;
	}

	void providerResponded(Instant now) {
		requireStatus(ConcernStatus.AWAITING_PROVIDER);
		this.status = ConcernStatus.PROVIDER_RESPONDED;
		this.updatedAt = now;
	}

	/** The officer accepts the provider's response: the action goes on. */
	void responseAccepted(Instant now) {
		requireStatus(ConcernStatus.PROVIDER_RESPONDED);
		this.status = ConcernStatus.ASSESSED;
		this.updatedAt = now;
	}

	/** The officer challenges the provider's response: the provider is asked again. */
	void responseChallenged(Instant now) {
		requireStatus(ConcernStatus.PROVIDER_RESPONDED);
		this.status = ConcernStatus.AWAITING_PROVIDER;
		this.updatedAt = now;
	}

	void close(String outcome, String lessons, Instant now) {
		requireOpen();
		if (this.kind == ConcernKind.CONCERN && this.assessedAt == null) {
			throw new IllegalStateException("A concern is assessed before it is closed");
		}
		if (this.acknowledgedAt == null) {
			this.acknowledgedAt = now;
		}
		this.outcome = Objects.requireNonNull(outcome);
		this.lessons = lessons;
		this.status = ConcernStatus.CLOSED;
		this.closedAt = now;
		this.updatedAt = now;
	}

	/** Closes this one as a repeat of another concern about the same thing. */
	void markDuplicateOf(Concern original, String note, Instant now) {
		requireOpen();
		if (original.id.equals(this.id)) {
			throw new IllegalStateException("A concern cannot repeat itself");
		}
		this.duplicateOf = original.id;
		this.outcome = note;
		this.status = ConcernStatus.CLOSED;
		if (this.acknowledgedAt == null) {
			this.acknowledgedAt = now;
		}
		this.closedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Keeps the concern out of the retention rule until the hold is lifted. An anonymised
	 * concern has nothing left to keep, and a hold is lifted before it is placed again.
	 */
	void placeOnLegalHold(String reason, UUID by, Instant now) {
		if (this.anonymisedOn != null) {
			throw new IllegalStateException("This concern has already been anonymised");
		}
		if (isOnLegalHold()) {
			throw new IllegalStateException("This concern is already on legal hold");
		}
		this.legalHoldReason = Objects.requireNonNull(reason);
		this.legalHoldBy = Objects.requireNonNull(by);
		this.legalHoldSince = now;
		this.updatedAt = now;
	}

	/** Lets the retention rule take the concern's personal details out when it is due. */
	void liftLegalHold(Instant now) {
		if (!isOnLegalHold()) {
			throw new IllegalStateException("This concern is not on legal hold");
		}
		this.legalHoldReason = null;
		this.legalHoldBy = null;
		this.legalHoldSince = null;
		this.updatedAt = now;
	}

	private void requireOpen() {
		if (this.status == ConcernStatus.CLOSED) {
			throw new IllegalStateException("This concern is closed");
		}
	}

	private void requireStatus(ConcernStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("This concern is " + this.status + ", not " + expected);
		}
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

	public ConcernKind kind() {
		return this.kind;
	}

	public Channel channel() {
		return this.channel;
	}

	public UUID careServiceId() {
		return this.careServiceId;
	}

	public UUID providerId() {
		return this.providerId;
	}

	public String serviceDescription() {
		return this.serviceDescription;
	}

	public String whatHappened() {
		return this.whatHappened;
	}

	public LocalDate happenedOn() {
		return this.happenedOn;
	}

	public String happenedWhenText() {
		return this.happenedWhenText;
	}

	public String peopleAffected() {
		return this.peopleAffected;
	}

	public AtRisk atRiskNow() {
		return this.atRiskNow;
	}

	public boolean urgent() {
		return this.urgent;
	}

	public ReporterRole reporterRole() {
		return this.reporterRole;
	}

	public boolean anonymous() {
		return this.anonymous;
	}

	public String reporterName() {
		return this.reporterName;
	}

	public String reporterEmail() {
		return this.reporterEmail;
	}

	public String reporterPhone() {
		return this.reporterPhone;
	}

	public boolean consentToContact() {
		return this.consentToContact;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public ConcernStatus status() {
		return this.status;
	}

	public LocalDate acknowledgeBy() {
		return this.acknowledgeBy;
	}

	public LocalDate assessBy() {
		return this.assessBy;
	}

	public Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	public Instant assessedAt() {
		return this.assessedAt;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public UUID assignedTo() {
		return this.assignedTo;
	}

	public boolean safeguardingFlag() {
		return this.safeguardingFlag;
	}

	public String safeguardingReasons() {
		return this.safeguardingReasons;
	}

	public Set<Theme> themes() {
		Set<Theme> set = EnumSet.noneOf(Theme.class);
		Arrays.stream(this.themes).map(Theme::valueOf).forEach(set::add);
		return set;
	}

	public RiskRating risk() {
		return (this.likelihood != null && this.impact != null) ? new RiskRating(this.likelihood, this.impact) : null;
	}

	public ConcernAction action() {
		return this.action;
	}

	public String actionRationale() {
		return this.actionRationale;
	}

	public String outcome() {
		return this.outcome;
	}

	public String lessons() {
		return this.lessons;
	}

	public UUID duplicateOf() {
		return this.duplicateOf;
	}

	public UUID recordedBy() {
		return this.recordedBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public LocalDate anonymisedOn() {
		return this.anonymisedOn;
	}

	public boolean isOpen() {
		return this.status.isOpen();
	}

	public boolean isOnLegalHold() {
		return this.legalHoldSince != null;
	}

	public String legalHoldReason() {
		return this.legalHoldReason;
	}

	public UUID legalHoldBy() {
		return this.legalHoldBy;
	}

	public Instant legalHoldSince() {
		return this.legalHoldSince;
	}

}
