package org.carecycle.concerns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.concerns.ConcernEvents.ConcernAssessed;
import org.carecycle.concerns.ConcernEvents.ConcernClosed;
import org.carecycle.concerns.ConcernEvents.ConcernRaised;
import org.carecycle.concerns.ConcernEvents.ConcernReferred;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives compliments and concerns and carries them through acknowledgement, assessment
 * and closure. Everything a concern goes through is written to its timeline and the audit
 * log in the same transaction as the change; emails are queued in that transaction too,
 * so a concern is never acknowledged without being saved, nor saved without its emails.
 */
@Service
public class Concerns {

	/** Working days to acknowledge a concern. */
	public static final int ACKNOWLEDGE_DAYS = 1;

	/** Working days to assess a concern. */
	public static final int ASSESS_DAYS = 5;

	/** Working days to assess an urgent or possible safeguarding concern. */
	public static final int URGENT_ASSESS_DAYS = 1;

	private final ConcernRepository concerns;

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final SafeguardingScreen screen;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final ProviderRequests providerRequests;

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", java.util.Locale.UK);

	/** Told of every change, so that it forgets the pages and counts it keeps. */
	private final ConcernQueue queue;

	Concerns(ConcernRepository concerns, JdbcClient jdbc, WorkingDays workingDays, SafeguardingScreen screen,
			Register register, UserDirectory users, CurrentUser currentUser, Outbox outbox, AuditLog audit,
			ApplicationEventPublisher events, MessageSource messages, Clock clock,
			@Value("${carecycle.base-url}") String baseUrl, ProviderRequests providerRequests, ConcernQueue queue) {
		this.queue = queue;
		this.concerns = concerns;
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.screen = screen;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.outbox = outbox;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.providerRequests = providerRequests;
	}

	/**
	 * Saves what someone told us and returns its reference. The same submission key twice
	 * (a double click, a resubmitted form) gives the first concern's reference and saves
	 * nothing more.
	 */
	@Transactional
	public Concern receive(Report report, Channel channel, UUID submissionKey, Instant receivedAt) {
		if (submissionKey != null) {
			Optional<Concern> earlier = this.concerns.findBySubmissionKey(submissionKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Instant now = this.clock.instant();
		UUID providerId = null;
		String serviceName = report.serviceDescription();
		if (report.careServiceId() != null) {
			var service = this.register
				.service(report.careServiceId(), org.carecycle.identity.ProviderScope.everything())
				.orElseThrow(() -> new RecordNotFoundException("No such service"));
			providerId = service.providerId();
			serviceName = service.name() + " (" + service.providerName() + ")";
		}
		LocalDate receivedOn = receivedAt.atZone(UkTime.ZONE).toLocalDate();
		long number = this.jdbc.sql("select nextval('concern_number')").query(Long.class).single();
		String reference = "PPMF-%d-%06d".formatted(receivedOn.getYear(), number);
		UUID recordedBy = this.currentUser.get().map(SignedInUser::id).orElse(null);
		Concern concern = Concern.receive(reference, submissionKey, report, channel, receivedAt,
				this.workingDays.addWorkingDays(receivedOn, ACKNOWLEDGE_DAYS),
				this.workingDays.addWorkingDays(receivedOn, ASSESS_DAYS), providerId, recordedBy, now);
		List<SafeguardingScreen.Reason> reasons = (report.kind() == ConcernKind.CONCERN)
				? this.screen.screen(report.atRiskNow(), report.whatHappened(), report.peopleAffected()) : List.of();
		if (!reasons.isEmpty()) {
			concern.flagForSafeguarding(describe(reasons));
		}
		if (concern.urgent()) {
			concern.dueBy(concern.acknowledgeBy(), this.workingDays.addWorkingDays(receivedOn, URGENT_ASSESS_DAYS));
		}
		this.queue.changed();
		concern = this.concerns.save(concern);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("reference", reference);
		values.put("kind", report.kind().name());
		values.put("channel", channel.name());
		values.put("careServiceId", report.careServiceId());
		values.put("safeguardingFlag", concern.safeguardingFlag());
		this.audit.created("concern", concern.id(), values);
		timeline(concern.id(), "RECEIVED", text(channel.messageKey()));
		this.events.publishEvent(new ConcernRaised(concern.id(), reference, concern.kind(), concern.careServiceId(),
				providerId, concern.safeguardingFlag(), receivedAt));
		if (concern.safeguardingFlag()) {
			refer(concern);
		}
		if (concern.reporterEmail() != null) {
			acknowledgeByEmail(concern, serviceName);
		}
		return concern;
	}

	private String describe(List<SafeguardingScreen.Reason> reasons) {
		return reasons.stream().map(reason -> {
			String type = text(reason.type().messageKey());
			return switch (reason.kind()) {
				case ANSWER -> text("safeguardingReason.atRisk") + " (" + type + ")";
				case PHRASE -> (reason.readAs() == null)
						? text("safeguardingReason.phrase", reason.found(), reason.rule().phrase(), type)
						: text("safeguardingReason.phraseReadAs", reason.found(), reason.readAs(),
								reason.rule().phrase(), type);
				case MEANING -> text("safeguardingReason.meaning", reason.example(), type, reason.percentAlike());
			};
		}).collect(Collectors.joining("\n"));
	}

	/**
	 * Refers the concern to safeguarding: on its timeline, and told to the safeguarding
	 * module, which opens a safeguarding concern and emails every safeguarding lead the
	 * same day.
	 */
	private void refer(Concern concern) {
		timeline(concern.id(), "FLAGGED", concern.safeguardingReasons(), text("concern.actor.rules"));
		this.events.publishEvent(new ConcernReferred(concern.id(), concern.reference(), concern.careServiceId(),
				concern.providerId(), (concern.careServiceId() == null) ? concern.serviceDescription() : null,
				concern.receivedAt(), concern.safeguardingReasons()));
	}

	private void acknowledgeByEmail(Concern concern, String service) {
		String key = (concern.kind() == ConcernKind.COMPLIMENT) ? "email.acknowledgement.compliment"
				: "email.acknowledgement.concern";
		this.outbox.queue("acknowledgement:" + concern.id(), concern.reporterEmail(),
				text(key + ".subject", concern.reference()), text(key + ".body",
						concern.reporterName() != null ? concern.reporterName() : "", concern.reference(), service));
	}

	private String serviceName(Concern concern) {
		if (concern.careServiceId() == null) {
			return concern.serviceDescription();
		}
		return this.register.service(concern.careServiceId(), org.carecycle.identity.ProviderScope.everything())
			.map(s -> s.name() + " (" + s.providerName() + ")")
			.orElse("");
	}

	public Optional<Concern> find(UUID id) {
		return this.concerns.findById(id);
	}

	public Optional<Concern> findByReference(String reference) {
		return this.concerns.findByReference(reference);
	}

	@Transactional
	public void acknowledge(UUID id, int version) {
		change(id, version, concern -> {
			SignedInUser officer = this.currentUser.require();
			concern.acknowledge(officer.id(), this.clock.instant());
			timeline(id, "ACKNOWLEDGED", null);
		});
	}

	@Transactional
	public void assign(UUID id, int version, UUID officerId) {
		UserSummary officer = this.users.find(officerId)
			.filter(u -> u.enabled() && canHandleConcerns(u.role()))
			.orElseThrow(() -> new IllegalArgumentException("Not an officer who handles concerns"));
		change(id, version, concern -> {
			concern.assign(officer.id(), this.clock.instant());
			timeline(id, "ASSIGNED", officer.displayName());
		});
	}

	/**
	 * Bulk action from the queue: acknowledges and assigns many at once, skipping closed
	 * ones.
	 */
	@Transactional
	public int assignMany(List<UUID> ids, UUID officerId, boolean acknowledge) {
		int changed = 0;
		for (UUID id : ids) {
			Concern concern = this.concerns.findById(id).orElse(null);
			if (concern == null || !concern.isOpen()) {
				continue;
			}
			if (officerId != null) {
				assign(id, concern.version(), officerId);
				concern = this.concerns.findById(id).orElseThrow();
			}
			if (acknowledge && concern.status() == ConcernStatus.NEW) {
				acknowledge(id, concern.version());
			}
			changed++;
		}
		return changed;
	}

	/** Who works on concerns: triage, assessment, action. */
	public static final java.util.Set<Role> HANDLERS = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER));

	/** Who may read concerns: those who work on them, and administrators. */
	public static final java.util.Set<Role> READERS = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER, Role.ADMIN));

	/**
	 * Who keeps concerns as records: sees who has opened a concern and places it on legal
	 * hold. Safeguarding leads and administrators, not the officers who handle concerns
	 * day to day (whose own reading the record of who opened a concern is there to show).
	 */
	public static final java.util.Set<Role> RECORD_KEEPERS = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(Role.SAFEGUARDING_LEAD, Role.ADMIN));

	public static boolean canHandleConcerns(Role role) {
		return HANDLERS.contains(role);
	}

	public static boolean keepsRecords(Role role) {
		return RECORD_KEEPERS.contains(role);
	}

	/**
	 * Keeps a concern out of the retention rule, with the reason (a police investigation,
	 * an inquest, a claim), until the hold is lifted. On the timeline and in the audit
	 * log.
	 */
	@Transactional
	public void placeOnLegalHold(UUID id, int version, String reason) {
		SignedInUser keeper = requireRecordKeeper();
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A legal hold says why");
		}
		change(id, version, concern -> {
			concern.placeOnLegalHold(reason, keeper.id(), this.clock.instant());
			timeline(id, "LEGAL_HOLD_PLACED", reason);
		});
		this.audit.record(org.carecycle.identity.AuditAction.CHANGED, "concern", id, "Placed on legal hold");
	}

	/** Lets the retention rule anonymise the concern again when it is due. */
	@Transactional
	public void liftLegalHold(UUID id, int version) {
		requireRecordKeeper();
		change(id, version, concern -> {
			concern.liftLegalHold(this.clock.instant());
			timeline(id, "LEGAL_HOLD_LIFTED", null);
		});
		this.audit.record(org.carecycle.identity.AuditAction.CHANGED, "concern", id, "Legal hold lifted");
	}

	private SignedInUser requireRecordKeeper() {
		SignedInUser user = this.currentUser.require();
		if (!keepsRecords(user.role())) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only safeguarding leads and administrators place and lift legal holds");
		}
		return user;
	}

	@Transactional
	public void assess(UUID id, int version, Set<Theme> themes, RiskRating risk, ConcernAction action, String rationale,
			ProviderSummary providerSummary) {
		if (action == ConcernAction.ASK_PROVIDER && providerSummary == null) {
			throw new IllegalArgumentException("The provider needs a summary");
		}
		change(id, version, concern -> {
			boolean waiting = concern.status() == ConcernStatus.AWAITING_PROVIDER;
			concern.assess(themes, risk, action, rationale, this.clock.instant());
			timeline(id, "ASSESSED", text(action.messageKey()) + " — "
					+ text("concern.risk.score", risk.score(), text(risk.band().messageKey())));
			if (action == ConcernAction.ASK_PROVIDER && !waiting) {
				providerSummary.requireChecks(concern.reporterRole());
				askProvider(concern, providerSummary.text());
				this.audit.record(org.carecycle.identity.AuditAction.CHANGED, "concern", id,
						providerSummary.audited(concern.reporterRole()));
			}
			this.events.publishEvent(new ConcernAssessed(id, concern.careServiceId(), concern.providerId(), themes,
					risk.score(), action));
			if (action == ConcernAction.REFER_SAFEGUARDING && !concern.safeguardingFlag()) {
				concern
					.flagForSafeguarding(text("safeguardingReason.officer", this.currentUser.require().displayName()));
				refer(concern);
			}
		});
	}

	private void askProvider(Concern concern, String summary) {
		if (concern.providerId() == null) {
			throw new IllegalStateException("A concern about a service not on the register cannot go to a provider");
		}
		int round = this.jdbc
			.sql("select coalesce(max(round), 0) + 1 from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(Integer.class)
			.single();
		UUID requestId = UUID.randomUUID();
		LocalDate due = this.workingDays.addWorkingDays(UkTime.today(this.clock), ProviderRequests.RESPONSE_DAYS);
		this.jdbc.sql("""
				insert into concern_provider_request (id, concern_id, round, summary, asked_at, asked_by, due_on)
				values (:id, :concern, :round, :summary, :now, :by, :due)""")
			.param("id", requestId)
			.param("concern", concern.id())
			.param("round", round)
			.param("summary", summary)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("due", due)
			.update();
		timeline(concern.id(), "PROVIDER_ASKED", text("concern.provider.dueBy", due.format(DATE)));
		String service = serviceName(concern);
		for (UserSummary user : this.users.ofProvider(new org.carecycle.shared.ProviderId(concern.providerId()))) {
			if (user.enabled()) {
				this.outbox.queue("provider-request:" + requestId + ":" + user.id(), user.email(),
						text("email.providerRequest.subject", concern.reference()),
						text("email.providerRequest.body", user.displayName(), concern.reference(), service,
								due.format(DATE), this.baseUrl + "/my-organisation/concerns/" + requestId));
			}
		}
		// nobody at the provider uses CareCycle: its registered contact is told
		this.events.publishEvent(
				new ProviderOutreach.ProviderAsked(requestId, concern.providerId(), concern.reference(), service, due));
	}

	/**
	 * The provider answers the council's request. Only a user of the concern's provider
	 * can, and only once per round.
	 */
	@Transactional
	public void respond(org.carecycle.shared.ProviderId provider, UUID requestId, String response, UUID documentId) {
		ProviderRequests.ProviderView request = this.providerRequests.forProvider(provider, requestId)
			.orElseThrow(() -> new RecordNotFoundException("No such request"));
		if (request.answered()) {
			throw new IllegalStateException("Already answered");
		}
		Concern concern = this.concerns.findById(request.concernId()).orElseThrow();
		this.queue.changed();
		this.jdbc.sql("""
				update concern_provider_request set response = :response, document_id = :document,
				       responded_at = :now, responded_by = :by
				where id = :id and responded_at is null""")
			.param("response", response)
			.param("document", documentId)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", this.currentUser.require().id())
			.param("id", requestId)
			.update();
		if (concern.status() == ConcernStatus.AWAITING_PROVIDER) {
			concern.providerResponded(this.clock.instant());
			save(concern);
		}
		timeline(concern.id(), "PROVIDER_RESPONDED", null);
		this.audit.record(org.carecycle.identity.AuditAction.CHANGED, "concern", concern.id(),
				"Provider responded to request " + request.round());
		if (concern.assignedTo() != null) {
			this.users.find(concern.assignedTo())
				.filter(UserSummary::enabled)
				.ifPresent(officer -> this.outbox.queue("provider-response:" + requestId, officer.email(),
						text("email.providerResponse.subject", concern.reference()),
						text("email.providerResponse.body", officer.displayName(), concern.reference(),
								this.baseUrl + "/concerns/" + concern.id())));
		}
	}

	/** The officer accepts the provider's response, or challenges it and asks again. */
	@Transactional
	public void decide(UUID id, int version, boolean accept, String note) {
		ProviderRequests.Request latest = this.providerRequests.latest(id)
			.filter(ProviderRequests.Request::answered)
			.filter(r -> r.decision() == null)
			.orElseThrow(() -> new IllegalStateException("No response to decide on"));
		if (!accept && note == null) {
			throw new IllegalArgumentException("A challenge says what is missing");
		}
		change(id, version, concern -> {
			if (accept) {
				concern.responseAccepted(this.clock.instant());
			}
			else {
				concern.responseChallenged(this.clock.instant());
			}
			this.jdbc.sql("""
					update concern_provider_request set decision = :decision, decision_note = :note, decided_at = :now,
					       decided_by = :by where id = :id""")
				.param("decision", accept ? "ACCEPTED" : "CHALLENGED")
				.param("note", note)
				.param("now", java.sql.Timestamp.from(this.clock.instant()))
				.param("by", this.currentUser.require().id())
				.param("id", latest.id())
				.update();
			timeline(id, accept ? "RESPONSE_ACCEPTED" : "RESPONSE_CHALLENGED", note);
			if (!accept) {
				askProvider(concern, note);
			}
		});
	}

	private void save(Concern concern) {
		this.queue.changed();
		try {
			this.concerns.save(concern);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ConcernChangedException();
		}
	}

	@Transactional
	public void close(UUID id, int version, String outcome, String lessons) {
		change(id, version, concern -> {
			concern.close(outcome, lessons, this.clock.instant());
			timeline(id, "CLOSED", outcome);
			this.events.publishEvent(new ConcernClosed(id, concern.careServiceId(), concern.closedAt()));
		});
	}

	@Transactional
	public void markDuplicate(UUID id, int version, String originalReference) {
		Concern original = this.concerns.findByReference(originalReference.strip().toUpperCase(java.util.Locale.UK))
			.orElseThrow(() -> new RecordNotFoundException("No concern " + originalReference));
		change(id, version, concern -> {
			concern.markDuplicateOf(original, text("concern.duplicate.outcome", original.reference()),
					this.clock.instant());
			timeline(id, "DUPLICATE", original.reference());
			timeline(original.id(), "DUPLICATE_LINKED", concern.reference());
			this.events.publishEvent(new ConcernClosed(id, concern.careServiceId(), concern.closedAt()));
		});
	}

	/** A step on the concern's timeline, as people see it on its page. */
	public record TimelineEntry(Instant happenedAt, String actor, String kind, String detail) {

		public String messageKey() {
			return "concern.event." + this.kind;
		}

	}

	public List<TimelineEntry> timeline(UUID id) {
		return this.jdbc.sql("""
				select happened_at, actor, kind, detail from concern_event
				where concern_id = :id order by happened_at, id""").param("id", id).query(TimelineEntry.class).list();
	}

	private void timeline(UUID concernId, String kind, String detail) {
		timeline(concernId, kind, detail,
				this.currentUser.get().map(SignedInUser::displayName).orElseGet(() -> text("concern.actor.public")));
	}

	private void timeline(UUID concernId, String kind, String detail, String actor) {
		this.jdbc.sql("""
				insert into concern_event (concern_id, happened_at, actor, kind, detail)
				values (:concern, :at, :actor, :kind, :detail)""")
			.param("concern", concernId)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("kind", kind)
			.param("detail", detail)
			.update();
	}

	private void change(UUID id, int version, java.util.function.Consumer<Concern> step) {
		Concern concern = this.concerns.findById(id).orElseThrow(() -> new RecordNotFoundException("No such concern"));
		if (concern.version() != version) {
			throw new ConcernChangedException();
		}
		ConcernStatus before = concern.status();
		UUID assignedBefore = concern.assignedTo();
		step.accept(concern);
		save(concern);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("status", before.name());
		was.put("assignedTo", assignedBefore);
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("status", concern.status().name());
		now.put("assignedTo", concern.assignedTo());
		this.audit.changed("concern", id, was, now);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, java.util.Locale.UK);
	}

	/** Someone else changed the concern since the page was drawn. */
	public static class ConcernChangedException extends RuntimeException {

		public ConcernChangedException() {
			super("Someone else changed this concern while you were working on it");
		}

	}

}
