package org.carecycle.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.oversight.EscalationEvents.EscalationMoved;
import org.carecycle.providers.Register;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the escalation ladder: every move records its evidence, rationale, decision maker
 * (whose role is checked), date and next review date; tells the provider, CQC, health
 * partners, safeguarding leads and commissioners by email through the outbox; and
 * publishes {@link EscalationMoved} so that an embargo shows everywhere at once.
 */
@Service
public class Escalations {

	/** Who may open the ladder pages. */
	public static final Set<Role> READERS = java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER,
			Role.SAFEGUARDING_LEAD, Role.ADMIN);

	/** Who may move a ladder at all (each move also checks the stage's deciders). */
	public static final Set<Role> DECIDERS = java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final EscalationRepository escalations;

	private final JdbcClient jdbc;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final WorkingDays workingDays;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final List<String> partners;

	Escalations(EscalationRepository escalations, JdbcClient jdbc, Register register, UserDirectory users,
			CurrentUser currentUser, WorkingDays workingDays, Outbox outbox, AuditLog audit,
			ApplicationEventPublisher events, MessageSource messages, Clock clock,
			@Value("${carecycle.base-url}") String baseUrl,
			@Value("${carecycle.oversight.notify-partners:}") List<String> partners) {
		this.escalations = escalations;
		this.jdbc = jdbc;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.workingDays = workingDays;
		this.outbox = outbox;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.partners = partners.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
	}

	// Reading
	// --------------------

	public Escalation get(UUID id) {
		return this.escalations.findById(id).orElseThrow(() -> new RecordNotFoundException("No such escalation"));
	}

	public Optional<Escalation> ofService(UUID serviceId) {
		return this.escalations.findByService(serviceId);
	}

	public Optional<Escalation> ofProvider(UUID providerId) {
		return this.escalations.findByProvider(providerId);
	}

	/** A decision on the ladder's history. */
	public record Decision(Instant decidedAt, LocalDate decidedOn, String decidedByName, String decidedByRole,
			EscalationStage fromStage, EscalationStage toStage, String evidence, String rationale,
			LocalDate nextReviewOn) {
	}

	public List<Decision> decisions(UUID escalationId) {
		return this.jdbc
			.sql("""
					select decided_at, decided_on, decided_by_name, decided_by_role, from_stage, to_stage, evidence, rationale,
					       next_review_on
					from escalation_decision where escalation_id = :id order by decided_at desc""")
			.param("id", escalationId)
			.query(Decision.class)
			.list();
	}

	/** A multi-agency meeting. */
	public record Meeting(UUID id, LocalDate heldOn, String attendees, String minutes, String actions) {
	}

	public List<Meeting> meetings(UUID escalationId) {
		return this.jdbc.sql("""
				select id, held_on, attendees, minutes, actions from escalation_meeting
				where escalation_id = :id order by held_on desc, recorded_at desc""")
			.param("id", escalationId)
			.query(Meeting.class)
			.list();
	}

	/**
	 * The embargoes that apply to these services: their own ladder's or their provider's,
	 * whichever is higher, for the services under one.
	 */
	public Map<UUID, EscalationStage> embargoes(Collection<UUID> serviceIds) {
		Map<UUID, EscalationStage> embargoes = new HashMap<>();
		if (serviceIds.isEmpty()) {
			return embargoes;
		}
		List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(serviceIds));
		for (int from = 0; from < ids.size(); from += 1000) {
			this.jdbc.sql("""
					select s.id, e.stage from providers_service s
					join escalation e on (e.subject_kind = 'SERVICE' and e.care_service_id = s.id)
					                  or (e.subject_kind = 'PROVIDER' and e.provider_id = s.provider_id)
					where s.id in (:ids) and e.stage in ('SUSPENSION', 'CONTRACT_ACTION')""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> {
					UUID id = rs.getObject(1, UUID.class);
					EscalationStage stage = EscalationStage.valueOf(rs.getString(2));
					embargoes.merge(id, stage, (a, b) -> (a.ordinal() >= b.ordinal()) ? a : b);
					return id;
				})
				.list();
		}
		return embargoes;
	}

	/** Whether the council may place anyone new with this service. */
	public boolean acceptsNewPlacements(UUID serviceId) {
		return !embargoes(List.of(serviceId)).containsKey(serviceId);
	}

	/** A ladder above routine monitoring, for the lists. */
	public record Open(UUID id, String reference, Escalation.Subject subjectKind, UUID providerId, String providerName,
			UUID careServiceId, String serviceName, EscalationStage stage, LocalDate stageSince, LocalDate nextReviewOn,
			LocalDate letterDueOn, LocalDate letterSentOn, LocalDate appealBy, String leadOfficerName) {

		public String subjectName() {
			return (this.serviceName != null) ? this.serviceName : this.providerName;
		}

		/** The next date something is due, and what. */
		public LocalDate nextDeadline() {
			LocalDate next = this.nextReviewOn;
			if (this.letterDueOn != null && this.letterSentOn == null
					&& (next == null || this.letterDueOn.isBefore(next))) {
				next = this.letterDueOn;
			}
			return next;
		}

		public String nextDeadlineKey() {
			return (this.letterDueOn != null && this.letterSentOn == null && this.letterDueOn.equals(nextDeadline()))
					? "escalation.deadline.letter" : "escalation.deadline.review";
		}

	}

	public List<Open> open() {
		return this.jdbc
			.sql("""
					select e.id, e.reference, e.subject_kind, e.provider_id, p.name as provider_name, e.care_service_id,
					       s.name as service_name, e.stage, e.stage_since, e.next_review_on, e.letter_due_on, e.letter_sent_on,
					       e.appeal_by, u.display_name as lead_officer_name
					from escalation e
					join providers_provider p on p.id = e.provider_id
					left join providers_service s on s.id = e.care_service_id
					left join identity_user_name u on u.id = e.lead_officer_id
					where e.stage <> 'ROUTINE'
					order by case e.stage when 'CONTRACT_ACTION' then 0 when 'SUSPENSION' then 1
					         when 'PROVIDER_CONCERNS' then 2 else 3 end, e.next_review_on""")
			.query(Open.class)
			.list();
	}

	// Deciding
	// --------------------

	/** A move on the ladder, as the decision maker records it. */
	public record Move(EscalationStage to, String evidence, String rationale, LocalDate nextReviewOn,
			UUID leadOfficerId, boolean afterSafeguarding) {
	}

	/**
	 * Moves a service's ladder (starting one at routine monitoring if it has none).
	 * @param version the version the decision maker saw; -1 for a ladder not started yet
	 */
	@Transactional
	public Escalation moveService(UUID serviceId, int version, Move move) {
		var service = this.register.service(serviceId, ProviderScope.everything())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		Escalation escalation = ofService(serviceId)
			.orElseGet(() -> start(Escalation.Subject.SERVICE, service.providerId(), serviceId));
		return move(escalation, version, move);
	}

	/** Moves a whole provider's ladder (starting one if it has none). */
	@Transactional
	public Escalation moveProvider(UUID providerId, int version, Move move) {
		this.register.provider(providerId, ProviderScope.everything())
			.orElseThrow(() -> new RecordNotFoundException("No such provider"));
		Escalation escalation = ofProvider(providerId)
			.orElseGet(() -> start(Escalation.Subject.PROVIDER, providerId, null));
		return move(escalation, version, move);
	}

	private Escalation start(Escalation.Subject subject, UUID providerId, UUID serviceId) {
		long number = this.jdbc.sql("select nextval('escalation_number')").query(Long.class).single();
		return Escalation.start("ESC-%d-%05d".formatted(today().getYear(), number), subject, providerId, serviceId,
				today(), this.clock.instant());
	}

	private Escalation move(Escalation escalation, int version, Move move) {
		boolean isNew = escalation.version() == 0 && this.escalations.findById(escalation.id()).isEmpty();
		if (!isNew && escalation.version() != version) {
			throw new EscalationChangedException();
		}
		SignedInUser decider = this.currentUser.require();
		EscalationStage from = escalation.stage();
		if (!EscalationStage.decidersOf(from, move.to()).contains(decider.role())) {
			throw new NotPermittedException("Only a senior manager can decide a move to or from "
					+ text(((from.ordinal() > move.to().ordinal()) ? from : move.to()).messageKey())
						.toLowerCase(Locale.UK));
		}
		if (move.leadOfficerId() != null) {
			this.users.find(move.leadOfficerId())
				.filter(UserSummary::enabled)
				.filter(user -> DECIDERS.contains(user.role()))
				.orElseThrow(
						() -> new IllegalArgumentException("Choose a lead officer who is a member of council staff"));
		}
		return apply(escalation, move, decider.id(), decider.displayName(), decider.role().name());
	}

	/**
	 * Suspends new placements with a service because a whole-service safeguarding enquiry
	 * opened and its senior manager asked for it (no appeal, as after serious
	 * safeguarding concerns): starts the ladder if the service has none; does nothing if
	 * placements are already suspended. The decision is recorded as the safeguarding
	 * manager's.
	 */
	@Transactional
	public void suspendAfterSafeguarding(UUID serviceId, UUID decidedBy, String decidedByName, String evidence,
			String rationale) {
		var service = this.register.service(serviceId, ProviderScope.everything()).orElse(null);
		if (service == null) {
			return;
		}
		Escalation escalation = ofService(serviceId)
			.orElseGet(() -> start(Escalation.Subject.SERVICE, service.providerId(), serviceId));
		if (escalation.stage().isEmbargo()) {
			return;
		}
		UUID lead = (escalation.leadOfficerId() != null) ? escalation.leadOfficerId()
				: this.users.withRole(Role.COMMISSIONER)
					.stream()
					.filter(UserSummary::enabled)
					.map(UserSummary::id)
					.findFirst()
					.orElse(decidedBy);
		apply(escalation,
				new Move(EscalationStage.SUSPENSION, evidence, rationale,
						today().plusDays(Escalation.SUSPENSION_REVIEW_DAYS), lead, true),
				decidedBy, decidedByName, Role.SAFEGUARDING_LEAD.name());
	}

	private Escalation apply(Escalation escalation, Move move, UUID deciderId, String deciderName, String deciderRole) {
		EscalationStage from = escalation.stage();
		LocalDate today = today();
		escalation.move(move.to(), today, move.nextReviewOn(), move.leadOfficerId(), move.afterSafeguarding(),
				this.workingDays::addWorkingDays, this.clock.instant());
		try {
			escalation = this.escalations.save(escalation);
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
			throw new EscalationChangedException();
		}
		this.jdbc
			.sql("""
					insert into escalation_decision (id, escalation_id, decided_at, decided_on, decided_by, decided_by_name,
					                                 decided_by_role, from_stage, to_stage, evidence, rationale, next_review_on)
					values (:id, :escalation, :at, :on, :by, :name, :role, :from, :to, :evidence, :rationale, :next)""")
			.param("id", UUID.randomUUID())
			.param("escalation", escalation.id())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("on", Date.valueOf(today))
			.param("by", deciderId)
			.param("name", deciderName)
			.param("role", deciderRole)
			.param("from", from.name())
			.param("to", move.to().name())
			.param("evidence", move.evidence())
			.param("rationale", move.rationale())
			.param("next", (escalation.nextReviewOn() != null) ? Date.valueOf(escalation.nextReviewOn()) : null)
			.update();
		this.audit.record(AuditAction.CHANGED, "Escalation", escalation.id(),
				"Escalation " + from.name() + " -> " + move.to().name());
		notifyEveryone(escalation, from, move);
		this.events.publishEvent(new EscalationMoved(escalation.id(), escalation.providerId(),
				escalation.careServiceId(), from, move.to(), today));
		return escalation;
	}

	private void notifyEveryone(Escalation escalation, EscalationStage from, Move move) {
		String subject = subjectName(escalation);
		String stage = text(move.to().messageKey());
		String decisionKey = "escalation:" + escalation.id() + ":" + escalation.version();
		String timers = (move.to() == EscalationStage.SUSPENSION) ? text("email.escalation.timers",
				escalation.letterDueOn().format(DATE), escalation.nextReviewOn().format(DATE),
				(escalation.appealBy() != null) ? text("email.escalation.appeal", escalation.appealBy().format(DATE))
						: text("email.escalation.noAppeal"))
				: "";
		for (UserSummary user : this.users.ofProvider(new ProviderId(escalation.providerId()))) {
			if (user.enabled()) {
				this.outbox.queue(decisionKey + ":" + user.id(), user.email(),
						text("email.escalation.provider.subject", subject, stage),
						text("email.escalation.provider.body", user.displayName(), subject, stage, move.rationale(),
								timers));
			}
		}
		List<UserSummary> staff = new ArrayList<>(this.users.withRole(Role.SAFEGUARDING_LEAD));
		staff.addAll(this.users.withRole(Role.COMMISSIONER));
		String link = this.baseUrl + "/oversight/escalations/" + escalation.id();
		for (UserSummary user : staff) {
			if (user.enabled()) {
				this.outbox.queue(decisionKey + ":" + user.id(), user.email(),
						text("email.escalation.staff.subject", subject, stage), text("email.escalation.staff.body",
								user.displayName(), subject, text(from.messageKey()), stage, move.rationale(), link));
			}
		}
		if (move.to().ordinal() >= EscalationStage.PROVIDER_CONCERNS.ordinal()
				|| from.ordinal() >= EscalationStage.PROVIDER_CONCERNS.ordinal()) {
			for (String partner : this.partners) {
				this.outbox.queue(decisionKey + ":" + partner, partner,
						text("email.escalation.partner.subject", subject, stage), text("email.escalation.partner.body",
								subject, text(from.messageKey()), stage, move.rationale(), timers));
			}
		}
	}

	@Transactional
	public void recordLetterSent(UUID id, int version, LocalDate on) {
		change(id, version, escalation -> escalation.recordLetterSent(on, this.clock.instant()), "Letter sent " + on);
	}

	@Transactional
	public void recordPlanReceived(UUID id, int version, LocalDate on) {
		change(id, version, escalation -> escalation.recordPlanReceived(on, this.clock.instant()),
				"Remedial action plan received " + on);
	}

	@Transactional
	public void recordAppeal(UUID id, int version, LocalDate receivedOn, String outcome) {
		change(id, version, escalation -> escalation.recordAppeal(receivedOn, outcome, this.clock.instant()),
				"Appeal received " + receivedOn);
	}

	@Transactional
	public void recordMeeting(UUID id, LocalDate heldOn, String attendees, String minutes, String actions) {
		get(id);
		UUID meetingId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into escalation_meeting (id, escalation_id, held_on, attendees, minutes, actions, recorded_by,
				                                recorded_at)
				values (:id, :escalation, :held, :attendees, :minutes, :actions, :by, :at)""")
			.param("id", meetingId)
			.param("escalation", id)
			.param("held", Date.valueOf(heldOn))
			.param("attendees", attendees)
			.param("minutes", minutes)
			.param("actions", actions)
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.created("EscalationMeeting", meetingId, Map.of("escalation", id, "heldOn", heldOn));
	}

	private void change(UUID id, int version, Consumer<Escalation> step, String summary) {
		Escalation escalation = get(id);
		if (escalation.version() != version) {
			throw new EscalationChangedException();
		}
		step.accept(escalation);
		try {
			this.escalations.save(escalation);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new EscalationChangedException();
		}
		this.audit.record(AuditAction.CHANGED, "Escalation", id, summary);
	}

	String subjectName(Escalation escalation) {
		if (escalation.careServiceId() != null) {
			return this.register.service(escalation.careServiceId(), ProviderScope.everything())
				.map(service -> service.name() + " (" + service.providerName() + ")")
				.orElse(escalation.reference());
		}
		return this.register.provider(escalation.providerId(), ProviderScope.everything())
			.map(provider -> provider.name())
			.orElse(escalation.reference());
	}

	LocalDate today() {
		return UkTime.today(this.clock);
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

	String link(String path) {
		return this.baseUrl + path;
	}

	/** Someone else changed the ladder since the page was drawn. */
	public static class EscalationChangedException extends RuntimeException {

		public EscalationChangedException() {
			super("Someone else changed this escalation while you were working on it");
		}

	}

	/** The signed-in user may not take this decision. */
	public static class NotPermittedException extends RuntimeException {

		public NotPermittedException(String message) {
			super(message);
		}

	}

}
