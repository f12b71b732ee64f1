package org.carecycle.safeguarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.providers.Register;
import org.carecycle.safeguarding.SafeguardingSteps.About;
import org.carecycle.safeguarding.WholeServiceEnquiry.Agency;
import org.carecycle.safeguarding.WholeServiceEnquiry.Audience;
import org.carecycle.safeguarding.WholeServiceEnquiry.MeetingKind;
import org.carecycle.safeguarding.WholeServiceEnquiry.Reason;
import org.carecycle.safeguarding.WholeServiceEnquiry.Status;
import org.carecycle.safeguarding.WholeServiceEvents.WholeServiceEnquiryClosed;
import org.carecycle.safeguarding.WholeServiceEvents.WholeServiceEnquiryOpened;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole-service (organisational) safeguarding enquiries: suggesting one (by CareCycle's
 * rules, by another module's signal, or by a lead's hand), the senior manager's decision,
 * the concerns it counts (each adult at risk separately, as the SAC requires), its
 * multi-agency meetings with their actions, the communication log and the closure. Every
 * change is a step in the enquiry's history; decisions and closure refuse a stale page.
 */
@Service
public class WholeServiceEnquiries {

	/** The longest text kept for reasons, agendas, minutes and summaries. */
	public static final int LONG_TEXT = 20_000;

	private final JdbcClient jdbc;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final SafeguardingSteps steps;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WholeServiceEnquiries(JdbcClient jdbc, Register register, UserDirectory users, CurrentUser currentUser,
			SafeguardingSteps steps, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.steps = steps;
		this.events = events;
		this.clock = clock;
	}

	// Who may read
	// --------------------

	/** Whether the user may read the enquiry: a lead, or council staff named on it. */
	public boolean mayRead(SignedInUser user, UUID id) {
		if (CaseAccess.isLead(user)) {
			return true;
		}
		if (!CaseAccess.NAMEABLE.contains(user.role())) {
			return false;
		}
		return this.jdbc
			.sql("""
					select exists (select 1 from safeguarding_wse_officer where whole_service_enquiry_id = :id and user_id = :u)""")
			.param("id", id)
			.param("u", user.id())
			.query(Boolean.class)
			.single();
	}

	/** The enquiry, if the signed-in user may read it; "Page not found" otherwise. */
	public WholeServiceEnquiry requireRead(UUID id) {
		SignedInUser user = this.currentUser.require();
		if (!mayRead(user, id)) {
			throw new RecordNotFoundException("whole-service enquiry " + id);
		}
		return get(id);
	}

	private SignedInUser requireLead() {
		SignedInUser user = this.currentUser.require();
		if (!CaseAccess.isLead(user)) {
			throw new RecordNotFoundException("safeguarding lead's page");
		}
		return user;
	}

	// Reading
	// --------------------

	private static final String ENQUIRY = """
			select id, version, reference, care_service_id, provider_id, service_name, provider_name, status, suggested_at,
			       suggestion_reason, suggestion_detail, decided_at, decided_by_name, decision_reasons, placements_suspended,
			       opened_at, closed_at, closing_summary
			from safeguarding_whole_service_enquiry""";

	public WholeServiceEnquiry get(UUID id) {
		return this.jdbc.sql(ENQUIRY + " where id = :id")
			.param("id", id)
			.query(WholeServiceEnquiry.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("whole-service enquiry " + id));
	}

	/** A line of the list of enquiries. */
	public record Listed(UUID id, String reference, String serviceName, String providerName, Status status,
			Reason suggestionReason, Instant suggestedAt, Instant openedAt, long adultsAtRisk, long overdueActions) {
	}

	/**
	 * The enquiries the signed-in user may read, newest first.
	 * @param status only those with this status, or all when null
	 * @param overdueOnly only those with actions past their due dates
	 */
	public List<Listed> list(Status status, boolean overdueOnly) {
		SignedInUser user = this.currentUser.require();
		boolean lead = CaseAccess.isLead(user);
		return this.jdbc
			.sql("""
					select w.id, w.reference, w.service_name, w.provider_name, w.status, w.suggestion_reason, w.suggested_at,
					       w.opened_at,
					       (select count(*) from safeguarding_concern c where c.whole_service_enquiry_id = w.id) as adults_at_risk,
					       (select count(*) from safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
					        where m.whole_service_enquiry_id = w.id and a.done_at is null and a.due_on < :today) as overdue_actions
					from safeguarding_whole_service_enquiry w
					where (:lead or exists (select 1 from safeguarding_wse_officer o
					                        where o.whole_service_enquiry_id = w.id and o.user_id = :user))
					  and (cast(:status as varchar) is null or w.status = :status)
					  and (not :overdue or exists (select 1 from safeguarding_meeting_action a
					                               join safeguarding_meeting m on m.id = a.meeting_id
					                               where m.whole_service_enquiry_id = w.id and a.done_at is null and a.due_on < :today))
					order by case w.status when 'SUGGESTED' then 0 when 'OPEN' then 1 else 2 end, w.suggested_at desc
					limit 500""")
			.param("lead", lead)
			.param("user", user.id())
			.param("status", (status != null) ? status.name() : null)
			.param("overdue", overdueOnly)
			.param("today", Date.valueOf(today()))
			.query(Listed.class)
			.list();
	}

	/** An adult at risk counted in the enquiry: by reference and initials only. */
	public record LinkedConcern(UUID id, String reference, String adultInitials, Instant receivedAt, String status) {
	}

	public List<LinkedConcern> linkedConcerns(UUID id) {
		return this.jdbc.sql("""
				select id, reference, adult_initials, received_at, status from safeguarding_concern
				where whole_service_enquiry_id = :id order by received_at, reference""")
			.param("id", id)
			.query(LinkedConcern.class)
			.list();
	}

	/** A multi-agency meeting with its attendees and actions. */
	public record Meeting(UUID id, MeetingKind kind, LocalDate heldOn, String agenda, String minutes, String recordedBy,
			List<Attendee> attendees, List<Action> actions) {
	}

	/** Someone at a meeting, and the agency they came for. */
	public record Attendee(String name, Agency agency) {
	}

	/** An action agreed at a meeting. */
	public record Action(UUID id, String description, String ownerName, String ownerEmail, LocalDate dueOn,
			Instant doneAt, Instant remindedAt) {

		public boolean isOverdue(LocalDate today) {
			return this.doneAt == null && this.dueOn.isBefore(today);
		}

	}

	private record MeetingRow(UUID id, MeetingKind kind, LocalDate heldOn, String agenda, String minutes,
			String recordedBy) {
	}

	public List<Meeting> meetings(UUID id) {
		return this.jdbc.sql("""
				select id, kind, held_on, agenda, minutes, recorded_by from safeguarding_meeting
				where whole_service_enquiry_id = :id order by held_on, recorded_at""")
			.param("id", id)
			.query(MeetingRow.class)
			.list()
			.stream()
			.map(row -> new Meeting(row.id(), row.kind(), row.heldOn(), row.agenda(), row.minutes(), row.recordedBy(),
					this.jdbc.sql(
							"select name, agency from safeguarding_meeting_attendee where meeting_id = :m order by position")
						.param("m", row.id())
						.query(Attendee.class)
						.list(),
					this.jdbc.sql("""
							select id, description, owner_name, owner_email, due_on, done_at, reminded_at
							from safeguarding_meeting_action where meeting_id = :m order by due_on, id""")
						.param("m", row.id())
						.query(Action.class)
						.list()))
			.toList();
	}

	/** One entry of the communication log. */
	public record Communication(LocalDate happenedOn, Audience audience, String withWhom, String summary,
			String recordedBy) {
	}

	public List<Communication> communications(UUID id) {
		return this.jdbc.sql("""
				select happened_on, audience, with_whom, summary, recorded_by from safeguarding_communication
				where whole_service_enquiry_id = :id order by happened_on, recorded_at""")
			.param("id", id)
			.query(Communication.class)
			.list();
	}

	/** Council staff named on the enquiry. */
	public record Officer(UUID userId, String userName, Instant namedAt) {
	}

	public List<Officer> officers(UUID id) {
		return this.jdbc.sql("""
				select user_id, user_name, named_at from safeguarding_wse_officer
				where whole_service_enquiry_id = :id order by named_at""").param("id", id).query(Officer.class).list();
	}

	/** QA officers who could be named on an enquiry. */
	public List<UserSummary> nameableOfficers() {
		return this.users.withRole(Role.QA_OFFICER).stream().filter(UserSummary::enabled).toList();
	}

	/** A service someone may raise an enquiry about: those with safeguarding concerns. */
	public record ServiceChoice(UUID id, String name) {
	}

	public List<ServiceChoice> servicesWithConcerns() {
		return this.jdbc.sql("""
				select care_service_id as id, max(service_name) as name from safeguarding_concern
				where care_service_id is not null group by care_service_id order by max(service_name) limit 1000""")
			.query(ServiceChoice.class)
			.list();
	}

	/** How many suggestions wait for a senior manager's decision. */
	public long suggestionsWaiting() {
		return this.jdbc.sql("select count(*) from safeguarding_whole_service_enquiry where status = 'SUGGESTED'")
			.query(Long.class)
			.single();
	}

	/** How many meeting actions of open enquiries are past their due dates. */
	public long actionsOverdue() {
		return this.jdbc.sql("""
				select count(*) from safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
				join safeguarding_whole_service_enquiry w on w.id = m.whole_service_enquiry_id
				where a.done_at is null and a.due_on < :today and w.status = 'OPEN'""")
			.param("today", Date.valueOf(today()))
			.query(Long.class)
			.single();
	}

	// Suggesting
	// --------------------

	/**
	 * Suggests a whole-service enquiry about a service, unless one is already suggested
	 * or open for it. Other modules call this with their own signals.
	 * @return the new suggestion, or empty when one was already live or the service is
	 * unknown
	 */
	@Transactional
	public Optional<UUID> suggest(UUID careServiceId, Reason reason, String detail) {
		if (careServiceId == null || reason == null || detail == null || detail.isBlank()) {
			throw new IllegalArgumentException("A suggestion needs a service, a reason and its detail");
		}
		return insert(careServiceId, reason, detail, "WSE_SUGGESTED");
	}

	/** A safeguarding lead raises a whole-service enquiry by hand, for a decision. */
	@Transactional
	public UUID raise(UUID careServiceId, String detail) {
		requireLead();
		if (serviceNames(careServiceId) == null) {
			throw new IllegalArgumentException("Choose a service");
		}
		return insert(careServiceId, Reason.RAISED_BY_STAFF, detail, "WSE_RAISED")
			.orElseThrow(() -> new IllegalStateException(
					"A whole-service enquiry is already suggested or open for this service"));
	}

	private Optional<UUID> insert(UUID careServiceId, Reason reason, String detail, String stepKind) {
		String[] names = serviceNames(careServiceId);
		if (names == null) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		long number = this.jdbc.sql("select nextval('safeguarding_wse_number')").query(Long.class).single();
		int inserted = this.jdbc
			.sql("""
					insert into safeguarding_whole_service_enquiry (id, reference, care_service_id, provider_id, service_name,
					    provider_name, status, suggested_at, suggestion_reason, suggestion_detail)
					values (:id, :reference, :service, :provider, :serviceName, :providerName, 'SUGGESTED', :now, :reason,
					        :detail)
					on conflict (care_service_id) where status in ('SUGGESTED', 'OPEN') do nothing""")
			.param("id", id)
			.param("reference", "WSE-%d-%03d".formatted(UkTime.today(this.clock).getYear(), number))
			.param("service", careServiceId)
			.param("provider", (names[2] != null) ? UUID.fromString(names[2]) : null)
			.param("serviceName", names[0])
			.param("providerName", names[1])
			.param("now", Timestamp.from(now))
			.param("reason", reason.name())
			.param("detail", detail)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		this.steps.record(About.wholeService(id), stepKind, detail);
		return Optional.of(id);
	}

	/** The service's name, its provider's name and its provider's id, or null. */
	private String[] serviceNames(UUID careServiceId) {
		var service = this.register.service(careServiceId, ProviderScope.everything());
		if (service.isPresent()) {
			return new String[] { service.get().name(), service.get().providerName(),
					String.valueOf(service.get().providerId()) };
		}
		return this.jdbc.sql("""
				select service_name, provider_name, cast(provider_id as varchar) from safeguarding_concern
				where care_service_id = :id and service_name is not null order by received_at desc limit 1""")
			.param("id", careServiceId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional()
			.orElse(null);
	}

	// Deciding
	// --------------------

	/**
	 * A senior manager's decision on a suggestion: open the enquiry (counting the
	 * service's open safeguarding concerns in it, and asking the escalation ladder to
	 * suspend placements if wanted) or decline it, with reasons.
	 */
	@Transactional
	public void decide(UUID id, int version, boolean open, String reasons, boolean suspendPlacements) {
		SignedInUser manager = requireLead();
		WholeServiceEnquiry enquiry = get(id);
		if (!enquiry.isSuggested()) {
			throw new IllegalStateException("This whole-service enquiry has already been decided");
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				update safeguarding_whole_service_enquiry
				set status = :status, decided_at = :now, decided_by = :by, decided_by_name = :name,
				    decision_reasons = :reasons, placements_suspended = :suspend,
				    opened_at = case when :open then cast(:now as timestamptz) end, version = version + 1
				where id = :id and version = :version and status = 'SUGGESTED'""")
			.param("status", open ? Status.OPEN.name() : Status.DECLINED.name())
			.param("now", Timestamp.from(now))
			.param("by", manager.id())
			.param("name", manager.displayName())
			.param("reasons", reasons)
			.param("suspend", open && suspendPlacements)
			.param("open", open)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new ChangedException();
		}
		if (!open) {
			this.steps.record(About.wholeService(id), "WSE_DECLINED", reasons);
			return;
		}
		this.steps.record(About.wholeService(id), "WSE_OPENED", reasons);
		List<UUID> concerns = this.jdbc.sql("""
				update safeguarding_concern set whole_service_enquiry_id = :id
				where care_service_id = :service and whole_service_enquiry_id is null
				  and status in ('AWAITING_DECISION', 'S42_ENQUIRY', 'OTHER_ENQUIRY')
				returning id""").param("id", id).param("service", enquiry.careServiceId()).query(UUID.class).list();
		for (UUID concern : concerns) {
			this.steps.record(About.concern(concern), "WSE_CONCERN_LINKED", enquiry.reference());
		}
		if (open && suspendPlacements) {
			this.steps.record(About.wholeService(id), "WSE_SUSPENSION_ASKED", null);
		}
		this.events.publishEvent(new WholeServiceEnquiryOpened(id, enquiry.reference(), enquiry.careServiceId(),
				enquiry.providerId(), suspendPlacements, manager.id(), manager.displayName(), today()));
	}

	/** Counts a safeguarding concern (an adult at risk) in an open enquiry. */
	@Transactional
	public void link(UUID id, int version, String concernReference) {
		requireLead();
		WholeServiceEnquiry enquiry = requireOpen(id, version);
		var concern = this.jdbc
			.sql("""
					select id, status, whole_service_enquiry_id from safeguarding_concern where upper(reference) = upper(:r)""")
			.param("r", concernReference)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class) })
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("There is no safeguarding concern with that reference"));
		if ("MERGED".equals(concern[1])) {
			throw new IllegalArgumentException("That concern was merged into another: add the one it was merged into");
		}
		if (concern[2] != null) {
			throw new IllegalArgumentException(id.equals(concern[2]) ? "That concern is already counted in this enquiry"
					: "That concern is counted in another whole-service enquiry");
		}
		this.jdbc.sql("update safeguarding_concern set whole_service_enquiry_id = :id where id = :c")
			.param("id", id)
			.param("c", concern[0])
			.update();
		bump(id, version);
		this.steps.record(About.wholeService(id), "WSE_CONCERN_LINKED", concernReference.toUpperCase());
		this.steps.record(About.concern((UUID) concern[0]), "WSE_CONCERN_LINKED", enquiry.reference());
	}

	/** Stops counting a concern in an open enquiry. */
	@Transactional
	public void unlink(UUID id, int version, UUID concernId) {
		requireLead();
		WholeServiceEnquiry enquiry = requireOpen(id, version);
		String reference = this.jdbc.sql("""
				update safeguarding_concern set whole_service_enquiry_id = null
				where id = :c and whole_service_enquiry_id = :id returning reference""")
			.param("id", id)
			.param("c", concernId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("That concern is not counted in this enquiry"));
		bump(id, version);
		this.steps.record(About.wholeService(id), "WSE_CONCERN_UNLINKED", reference);
		this.steps.record(About.concern(concernId), "WSE_CONCERN_UNLINKED", enquiry.reference());
	}

	/** Names a QA officer on the enquiry, who may then read it. */
	@Transactional
	public void nameOfficer(UUID id, int version, UUID userId) {
		requireLead();
		get(id);
		UserSummary officer = nameableOfficers().stream()
			.filter(user -> user.id().equals(userId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Choose a QA officer"));
		bump(id, version);
		int added = this.jdbc.sql("""
				insert into safeguarding_wse_officer (whole_service_enquiry_id, user_id, user_name, named_at)
				values (:id, :user, :name, :now) on conflict do nothing""")
			.param("id", id)
			.param("user", officer.id())
			.param("name", officer.displayName())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (added > 0) {
			this.steps.record(About.wholeService(id), "WSE_OFFICER_NAMED", officer.displayName());
		}
	}

	// Running the enquiry
	// --------------------

	/** An action agreed at a meeting. */
	public record NewAction(String description, String ownerName, String ownerEmail, LocalDate dueOn) {
	}

	/** Records a multi-agency meeting with who came, and the actions agreed. */
	@Transactional
	public UUID recordMeeting(UUID id, MeetingKind kind, LocalDate heldOn, String agenda, String minutes,
			List<Attendee> attendees, List<NewAction> actions) {
		SignedInUser user = requireMayRead(id);
		WholeServiceEnquiry enquiry = get(id);
		if (!enquiry.isOpen()) {
			throw new IllegalStateException("Meetings can only be recorded while the enquiry is open");
		}
		UUID meetingId = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into safeguarding_meeting (id, whole_service_enquiry_id, kind, held_on, agenda, minutes, recorded_at,
					                                  recorded_by)
					values (:id, :wse, :kind, :held, :agenda, :minutes, :now, :by)""")
			.param("id", meetingId)
			.param("wse", id)
			.param("kind", kind.name())
			.param("held", Date.valueOf(heldOn))
			.param("agenda", agenda)
			.param("minutes", minutes)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.displayName())
			.update();
		for (int i = 0; i < attendees.size(); i++) {
			this.jdbc.sql("""
					insert into safeguarding_meeting_attendee (meeting_id, position, name, agency)
					values (:m, :p, :name, :agency)""")
				.param("m", meetingId)
				.param("p", i + 1)
				.param("name", attendees.get(i).name())
				.param("agency", attendees.get(i).agency().name())
				.update();
		}
		for (NewAction action : actions) {
			this.jdbc
				.sql("""
						insert into safeguarding_meeting_action (id, meeting_id, description, owner_name, owner_email, due_on)
						values (:id, :m, :description, :owner, :email, :due)""")
				.param("id", UUID.randomUUID())
				.param("m", meetingId)
				.param("description", action.description())
				.param("owner", action.ownerName())
				.param("email", action.ownerEmail())
				.param("due", Date.valueOf(action.dueOn()))
				.update();
		}
		this.steps.record(About.wholeService(id), "WSE_MEETING", kind.name() + " " + heldOn);
		return meetingId;
	}

	/** Marks a meeting's action done. */
	@Transactional
	public void markActionDone(UUID id, UUID actionId) {
		requireMayRead(id);
		String description = this.jdbc.sql("""
				update safeguarding_meeting_action a set done_at = :now
				from safeguarding_meeting m
				where a.id = :action and m.id = a.meeting_id and m.whole_service_enquiry_id = :id and a.done_at is null
				returning a.description""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("action", actionId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("This action is already done"));
		this.steps.record(About.wholeService(id), "WSE_ACTION_DONE", description);
	}

	/**
	 * Records who was told what: residents, families, placing councils, the provider,
	 * CQC.
	 */
	@Transactional
	public void recordCommunication(UUID id, LocalDate on, Audience audience, String withWhom, String summary) {
		SignedInUser user = requireMayRead(id);
		WholeServiceEnquiry enquiry = get(id);
		if (!enquiry.isOpen()) {
			throw new IllegalStateException("Communication can only be recorded while the enquiry is open");
		}
		this.jdbc.sql("""
				insert into safeguarding_communication (id, whole_service_enquiry_id, happened_on, audience, with_whom,
				                                        summary, recorded_by, recorded_at)
				values (:id, :wse, :on, :audience, :with, :summary, :by, :now)""")
			.param("id", UUID.randomUUID())
			.param("wse", id)
			.param("on", Date.valueOf(on))
			.param("audience", audience.name())
			.param("with", withWhom)
			.param("summary", summary)
			.param("by", user.displayName())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.steps.record(About.wholeService(id), "WSE_COMMUNICATION", audience.name() + ": " + withWhom);
	}

	/** Whether a closing meeting has been recorded, without which it cannot close. */
	public boolean hasClosingMeeting(UUID id) {
		return this.jdbc
			.sql("""
					select exists (select 1 from safeguarding_meeting where whole_service_enquiry_id = :id and kind = 'CLOSING')""")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Closes an open enquiry after its closing meeting, with the closing summary. */
	@Transactional
	public void close(UUID id, int version, String summary) {
		requireLead();
		WholeServiceEnquiry enquiry = requireOpen(id, version);
		if (!hasClosingMeeting(id)) {
			throw new IllegalStateException("Record the closing meeting before closing the enquiry");
		}
		int changed = this.jdbc.sql("""
				update safeguarding_whole_service_enquiry
				set status = 'CLOSED', closed_at = :now, closing_summary = :summary, version = version + 1
				where id = :id and version = :version and status = 'OPEN'""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("summary", summary)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new ChangedException();
		}
		this.steps.record(About.wholeService(id), "WSE_CLOSED", summary);
		this.events
			.publishEvent(new WholeServiceEnquiryClosed(id, enquiry.reference(), enquiry.careServiceId(), today()));
	}

	private SignedInUser requireMayRead(UUID id) {
		SignedInUser user = this.currentUser.require();
		if (!mayRead(user, id)) {
			throw new RecordNotFoundException("whole-service enquiry " + id);
		}
		return user;
	}

	private WholeServiceEnquiry requireOpen(UUID id, int version) {
		WholeServiceEnquiry enquiry = get(id);
		if (enquiry.version() != version) {
			throw new ChangedException();
		}
		if (!enquiry.isOpen()) {
			throw new IllegalStateException("This whole-service enquiry is not open");
		}
		return enquiry;
	}

	private void bump(UUID id, int version) {
		int changed = this.jdbc
			.sql("""
					update safeguarding_whole_service_enquiry set version = version + 1 where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new ChangedException();
		}
	}

	LocalDate today() {
		return UkTime.today(this.clock);
	}

	/** Someone else changed the enquiry since the page was drawn. */
	public static class ChangedException extends RuntimeException {

		public ChangedException() {
			super("Someone else changed this whole-service enquiry while you were working on it");
		}

	}

}
