package org.carecycle.safeguarding;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.providers.Register;
import org.carecycle.safeguarding.SafeguardingSteps.About;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Paged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding concerns from their arrival to the section 42 decision: opened from a
 * flagged concern, by staff or for a partner agency; their details corrected; decided
 * (opening the enquiry row in the same transaction when an enquiry follows); closed with
 * no further action; merged into the case they duplicate; and the council staff named on
 * them. Every change checks the version the person saw, is a step in the case's history
 * and is told to the rest of CareCycle by {@link SafeguardingEvents.CaseChanged}.
 */
@Service
public class SafeguardingCases {

	/** How a case came to the council. */
	public enum Source {

		PPMF, STAFF, PARTNER

	}

	/** What the lead decided after the three section 42 questions. */
	public enum Outcome {

		SECTION_42, OTHER_ENQUIRY, NO_FURTHER_ACTION;

		public String messageKey() {
			return "safeguarding.case.outcome." + name();
		}

	}

	/**
	 * The details of a case that staff enter and a lead may correct.
	 *
	 * @param summary what is said to have happened
	 * @param receivedAt when the council received it
	 * @param seriousIncident whether it is a serious incident
	 * @param adultInitials the adult's initials
	 * @param adultReference their social care record number, if known
	 * @param ageBand the adult's age band
	 * @param gender their gender
	 * @param ethnicity their ethnicity
	 * @param supportReason their primary support reason
	 * @param autism whether they are autistic
	 * @param careServiceId the service concerned, or null
	 * @param riskTypes the types of risk
	 * @param locationOfRisk where the risk is
	 * @param sourcesOfRisk who the risk is from
	 * @param screenReasons why the safeguarding screen flagged the text, or null
	 */
	public record Details(String summary, Instant receivedAt, boolean seriousIncident, String adultInitials,
			String adultReference, AgeBand ageBand, Gender gender, Ethnicity ethnicity, SupportReason supportReason,
			Answer autism, UUID careServiceId, Set<AbuseType> riskTypes, LocationOfRisk locationOfRisk,
			Set<SourceOfRisk> sourcesOfRisk, String screenReasons) {
	}

	/**
	 * A partner agency that told the council, with its name ("Devon and Cornwall
	 * Police").
	 */
	public record Partner(PartnerAgency agency, String name) {
	}

	/**
	 * The section 42 decision.
	 *
	 * @param careNeeds whether the adult has care and support needs
	 * @param abuse whether they are experiencing, or at risk of, abuse or neglect
	 * @param unableToProtect whether, because of those needs, they are unable to protect
	 * themselves
	 * @param reasons why
	 * @param outcome what follows
	 * @param nfaInformation what the person was told or signposted to, with no further
	 * action
	 */
	public record Decision(boolean careNeeds, boolean abuse, boolean unableToProtect, String reasons, Outcome outcome,
			String nfaInformation) {

		public Decision {
			if (reasons == null || reasons.isBlank()) {
				throw new IllegalArgumentException("A decision gives its reasons");
			}
			if (outcome == null) {
				throw new IllegalArgumentException("A decision has an outcome");
			}
			if (outcome == Outcome.SECTION_42 && !(careNeeds && abuse && unableToProtect)) {
				throw new IllegalArgumentException("A section 42 enquiry needs all three conditions met");
			}
			if (outcome == Outcome.NO_FURTHER_ACTION && (nfaInformation == null || nfaInformation.isBlank())) {
				throw new IllegalArgumentException("No further action says what the person was told");
			}
		}

	}

	/** A member of staff named on a case. */
	public record Officer(UUID userId, String name, String role, Instant namedAt) {

		public String messageKey() {
			return "safeguarding.case.officerRole." + this.role;
		}

	}

	/** One line of the queue. */
	public record QueueRow(UUID id, String reference, Source source, Instant receivedAt, String serviceName,
			String adultInitials, CaseStatus status, Instant decisionDueAt, boolean seriousIncident) {
	}

	/** A step in the history, with the reference of the merged case it came from. */
	public record HistoryStep(SafeguardingSteps.Step step, String fromReference) {
	}

	/** Who opened the case or a case merged into it. */
	public record Opened(CaseReadLog.Access access, String fromReference) {
	}

	private static final String COLUMNS = """
			id, version, reference, source, partner_agency, partner_name, ppmf_concern_id, ppmf_reference, received_at,
			summary, screen_reasons, serious_incident, adult_initials, adult_reference, age_band, gender, ethnicity,
			support_reason, autism, care_service_id, provider_id, service_name, provider_name, risk_types,
			location_of_risk, sources_of_risk, status, decision_due_at, has_care_needs, experiencing_abuse,
			unable_to_protect, decision_reasons, nfa_information, decided_at, decided_by_name, merged_into, closed_at,
			created_by""";

	private final JdbcClient jdbc;

	private final SafeguardingSteps steps;

	private final CaseReadLog readLog;

	private final DecisionTimer timer;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	SafeguardingCases(JdbcClient jdbc, SafeguardingSteps steps, CaseReadLog readLog, DecisionTimer timer,
			Register register, UserDirectory users, CurrentUser currentUser, Outbox outbox,
			ApplicationEventPublisher events, MessageSource messages, Clock clock,
			@Value("${carecycle.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.readLog = readLog;
		this.timer = timer;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.outbox = outbox;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	// Reading
	// -----------------------------------------------------------------------------------

	public Optional<SafeguardingCase> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from safeguarding_concern where id = :id")
			.param("id", id)
			.query(SafeguardingCases::row)
			.optional();
	}

	/** The case with that reference (as typed: any case, spaces around), if any. */
	public Optional<UUID> idOf(String reference) {
		if (reference == null || reference.isBlank() || reference.length() > 40) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from safeguarding_concern where reference = :reference")
			.param("reference", reference.strip().toUpperCase(Locale.UK))
			.query(UUID.class)
			.optional();
	}

	/** The case opened for a flagged concern (PPMF), if any. */
	public Optional<UUID> idOfConcern(UUID ppmfConcernId) {
		return this.jdbc.sql("select id from safeguarding_concern where ppmf_concern_id = :id")
			.param("id", ppmfConcernId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The queue: for a lead every case in the tab, for anyone else those they are named
	 * on; awaiting decision soonest due first, the others newest first.
	 */
	public Paged<QueueRow> queue(CaseStatus.Tab tab, String reference, SignedInUser user, int page, int pageSize) {
		String where = " where c.status in (:statuses)" + (CaseAccess.isLead(user) ? ""
				: " and exists (select 1 from safeguarding_case_officer o where o.concern_id = c.id and o.user_id = :user)")
				+ ((reference != null) ? " and c.reference like :reference" : "");
		String order = (tab == CaseStatus.Tab.AWAITING) ? " order by c.decision_due_at, c.reference"
				: " order by c.received_at desc, c.reference";
		List<String> statuses = tab.statuses().stream().map(Enum::name).toList();
		String like = (reference != null) ? "%" + reference.strip().toUpperCase(Locale.UK).replace("%", "") + "%"
				: null;
		var count = this.jdbc.sql("select count(*) from safeguarding_concern c" + where)
			.param("statuses", statuses)
			.param("user", user.id());
		var rows = this.jdbc.sql("""
				select c.id, c.reference, c.source, c.received_at, c.service_name, c.adult_initials, c.status,
				       c.decision_due_at, c.serious_incident
				from safeguarding_concern c""" + where + order + " limit :limit offset :offset")
			.param("statuses", statuses)
			.param("user", user.id())
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize));
		if (like != null) {
			count = count.param("reference", like);
			rows = rows.param("reference", like);
		}
		long total = count.query(Long.class).single();
		List<QueueRow> items = rows
			.query((rs, n) -> new QueueRow(rs.getObject("id", UUID.class), rs.getString("reference"),
					Source.valueOf(rs.getString("source")), rs.getTimestamp("received_at").toInstant(),
					rs.getString("service_name"), rs.getString("adult_initials"),
					CaseStatus.valueOf(rs.getString("status")), rs.getTimestamp("decision_due_at").toInstant(),
					rs.getBoolean("serious_incident")))
			.list();
		return new Paged<>(items, page, pageSize, total);
	}

	/** Decisions overdue, and due by the end of today. */
	public record Due(long overdue, long dueToday) {
	}

	/** Decisions overdue and due by the end of today, over every case. */
	public Due decisionsDue() {
		Instant now = this.clock.instant();
		Instant endOfToday = UkTime.today(this.clock).plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
		return this.jdbc.sql("""
				select count(*) filter (where decision_due_at < :now) as overdue,
				       count(*) filter (where decision_due_at >= :now and decision_due_at < :end) as today
				from safeguarding_concern where status = 'AWAITING_DECISION'""")
			.param("now", Timestamp.from(now))
			.param("end", Timestamp.from(endOfToday))
			.query((rs, n) -> new Due(rs.getLong("overdue"), rs.getLong("today")))
			.single();
	}

	/** Open cases (awaiting decision or in enquiry) the person is named on. */
	public long openCasesNaming(UUID userId) {
		return this.jdbc.sql("""
				select count(*) from safeguarding_concern c join safeguarding_case_officer o on o.concern_id = c.id
				where o.user_id = :user and c.status in ('AWAITING_DECISION', 'S42_ENQUIRY', 'OTHER_ENQUIRY')""")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	public List<Officer> officers(UUID id) {
		return this.jdbc.sql("""
				select user_id, user_name, role, named_at from safeguarding_case_officer
				where concern_id = :id order by named_at, user_name""")
			.param("id", id)
			.query((rs, n) -> new Officer(rs.getObject("user_id", UUID.class), rs.getString("user_name"),
					rs.getString("role"), rs.getTimestamp("named_at").toInstant()))
			.list();
	}

	/** The enquiry that followed the decision, if one did. */
	public Optional<UUID> enquiryOf(UUID id) {
		return this.jdbc.sql("select id from safeguarding_enquiry where concern_id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	/** The references of the cases merged into this one. */
	public List<String> mergedHere(UUID id) {
		return this.jdbc.sql("select reference from safeguarding_concern where merged_into = :id order by reference")
			.param("id", id)
			.query(String.class)
			.list();
	}

	public Optional<String> referenceOf(UUID id) {
		return this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * The case's history with that of every case merged into it, oldest first: merging
	 * loses no step.
	 */
	public List<HistoryStep> history(UUID id) {
		List<HistoryStep> all = new ArrayList<>();
		for (UUID each : withMerged(id)) {
			String from = each.equals(id) ? null : referenceOf(each).orElse(null);
			this.steps.ofConcern(each).forEach(step -> all.add(new HistoryStep(step, from)));
		}
		all.sort(java.util.Comparator.comparing(h -> h.step().at()));
		return all;
	}

	/** Who opened the case or a case merged into it, newest first. */
	public List<Opened> openedBy(UUID id) {
		List<Opened> all = new ArrayList<>();
		for (UUID each : withMerged(id)) {
			String from = each.equals(id) ? null : referenceOf(each).orElse(null);
			this.readLog.ofCase(each).forEach(access -> all.add(new Opened(access, from)));
		}
		all.sort(java.util.Comparator.comparing((Opened o) -> o.access().openedAt()).reversed());
		return all;
	}

	private List<UUID> withMerged(UUID id) {
		return this.jdbc.sql("""
				with recursive merged(id) as (select cast(:id as uuid) union
				    select c.id from safeguarding_concern c join merged m on c.merged_into = m.id)
				select id from merged""").param("id", id).query(UUID.class).list();
	}

	// Opening
	// -----------------------------------------------------------------------------------

	/**
	 * Opens the safeguarding concern for a concern referred by the concerns module, once:
	 * a second referral of the same concern opens nothing more. The summary is the
	 * reasons it was referred; the reporter's own words stay in the concern, under its
	 * read log and retention, and the case page links to it.
	 */
	@Transactional
	public Optional<UUID> openFromConcern(UUID ppmfConcernId, String ppmfReference, UUID careServiceId,
			String serviceDescription, Instant receivedAt, String reasons) {
		if (idOfConcern(ppmfConcernId).isPresent()) {
			return Optional.empty();
		}
		String why = (reasons != null && !reasons.isBlank()) ? reasons : text("safeguarding.case.fromPpmf.noReasons");
		Details details = new Details(why, receivedAt, false, null, null, AgeBand.UNKNOWN, Gender.UNKNOWN,
				Ethnicity.NOT_KNOWN, SupportReason.NOT_KNOWN, Answer.NOT_KNOWN, careServiceId, Set.of(), null, Set.of(),
				reasons);
		UUID id = insert(Source.PPMF, null, ppmfConcernId, ppmfReference, details, serviceDescription);
		this.steps.record(About.concern(id), "FROM_PPMF", ppmfReference);
		alertLeads(id, "safeguarding:" + ppmfConcernId);
		return Optional.of(id);
	}

	/**
	 * Opens a case entered by staff, or for a partner agency; a QA officer who enters one
	 * is named on it, so that they may go on reading it.
	 */
	@Transactional
	public UUID open(Details details, Partner partner) {
		SignedInUser user = this.currentUser.require();
		if (!CaseAccess.SECTION_ROLES.contains(user.role())) {
			throw new RecordNotFoundException("safeguarding lead's page");
		}
		Source source = (partner != null) ? Source.PARTNER : Source.STAFF;
		UUID id = insert(source, partner, null, null, details, null);
		this.steps.record(About.concern(id), source == Source.PARTNER ? "FROM_PARTNER" : "FROM_STAFF",
				(partner != null)
						? text(partner.agency().messageKey()) + ((partner.name() != null) ? " — " + partner.name() : "")
						: null);
		if (!CaseAccess.isLead(user)) {
			name(id, user.id(), false);
		}
		alertLeads(id, "safeguarding-case:" + id);
		return id;
	}

	private UUID insert(Source source, Partner partner, UUID ppmfId, String ppmfReference, Details d,
			String serviceDescription) {
		UUID id = UUID.randomUUID();
		LocalDate receivedOn = d.receivedAt().atZone(UkTime.ZONE).toLocalDate();
		long number = this.jdbc.sql("select nextval('safeguarding_concern_number')").query(Long.class).single();
		String reference = "SG-%d-%05d".formatted(receivedOn.getYear(), number);
		Service service = service(d.careServiceId(), serviceDescription);
		this.jdbc.sql("""
				insert into safeguarding_concern (id, reference, source, partner_agency, partner_name, ppmf_concern_id,
				    ppmf_reference, received_at, summary, screen_reasons, serious_incident, adult_initials,
				    adult_reference, age_band, gender, ethnicity, support_reason, autism, care_service_id, provider_id,
				    service_name, provider_name, risk_types, location_of_risk, sources_of_risk, status,
				    decision_due_at, created_by)
				values (:id, :reference, :source, :agency, :partnerName, :ppmf, :ppmfReference, :received, :summary,
				    :screen, :serious, :initials, :adultReference, :age, :gender, :ethnicity, :support, :autism,
				    :service, :provider, :serviceName, :providerName, cast(:risks as varchar[]), :location,
				    cast(:sources as varchar[]), 'AWAITING_DECISION', :due, :by)""")
			.param("id", id)
			.param("reference", reference)
			.param("source", source.name())
			.param("agency", (partner != null) ? partner.agency().name() : null)
			.param("partnerName", (partner != null) ? partner.name() : null)
			.param("ppmf", ppmfId)
			.param("ppmfReference", ppmfReference)
			.params(details(d, service))
			.param("due", Timestamp.from(this.timer.dueAt(d.receivedAt())))
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.update();
		this.events.publishEvent(new SafeguardingEvents.CaseChanged(id, service.id()));
		return id;
	}

	private record Service(UUID id, UUID providerId, String name, String providerName) {
	}

	private Service service(UUID careServiceId, String description) {
		if (careServiceId == null) {
			return new Service(null, null, truncate(description, 300), null);
		}
		return this.register.service(careServiceId, ProviderScope.everything())
			.map(s -> new Service(s.id(), s.providerId(), truncate(s.name(), 300), truncate(s.providerName(), 300)))
			.orElseThrow(() -> new IllegalArgumentException("No such service"));
	}

	/** Tells every safeguarding lead, the same day, that a decision is needed. */
	private void alertLeads(UUID id, String keyPrefix) {
		SafeguardingCase c = find(id).orElseThrow();
		String subject = (c.ppmfReference() != null)
				? text("safeguarding.case.email.subjectFromPpmf", c.reference(), c.ppmfReference())
				: text("safeguarding.case.email.subject", c.reference());
		String service = (c.serviceName() != null)
				? c.serviceName() + ((c.providerName() != null) ? " (" + c.providerName() + ")" : "")
				: text("safeguarding.case.noService");
		DecisionTimer.Timer due = this.timer.timer(c.decisionDueAt(), this.clock.instant());
		String dueText = this.messages.getMessage(due.messageKey(), due.arguments(), Locale.UK);
		String reasons = (c.screenReasons() != null) ? c.screenReasons() : text("safeguarding.case.email.noReasons");
		String reference = (c.ppmfReference() != null)
				? text("safeguarding.case.email.reference", c.reference(), c.ppmfReference()) : c.reference();
		for (UserSummary lead : this.users.withRole(Role.SAFEGUARDING_LEAD)) {
			if (!lead.enabled()) {
				continue;
			}
			this.outbox.queue(keyPrefix + ":" + lead.id(), lead.email(), subject,
					text("safeguarding.case.email.body", lead.displayName(), reference, service, reasons, dueText,
							this.baseUrl + "/safeguarding/concerns/" + id));
		}
	}

	// Changing
	// -----------------------------------------------------------------------------------

	/** A lead corrects the details of a case. */
	@Transactional
	public void edit(UUID id, int version, Details d) {
		requireLead();
		SafeguardingCase c = current(id, version);
		c.status().requireEditable();
		Service service = Optional.ofNullable(d.careServiceId())
			.filter(s -> s.equals(c.careServiceId()))
			.map(s -> new Service(c.careServiceId(), c.providerId(), c.serviceName(), c.providerName()))
			.orElseGet(() -> (d.careServiceId() == null)
					? new Service(null, null, (c.careServiceId() == null) ? c.serviceName() : null, null)
					: service(d.careServiceId(), null));
		int changed = this.jdbc
			.sql("""
					update safeguarding_concern set summary = :summary, received_at = :received, serious_incident = :serious,
					    adult_initials = :initials, adult_reference = :adultReference, age_band = :age, gender = :gender,
					    ethnicity = :ethnicity, support_reason = :support, autism = :autism, care_service_id = :service,
					    provider_id = :provider, service_name = :serviceName, provider_name = :providerName,
					    risk_types = cast(:risks as varchar[]), location_of_risk = :location,
					    sources_of_risk = cast(:sources as varchar[]), screen_reasons = coalesce(:screen, screen_reasons),
					    version = version + 1
					where id = :id and version = :version""")
			.params(details(d, service))
			.param("id", id)
			.param("version", version)
			.update();
		requireChanged(changed);
		this.steps.record(About.concern(id), "EDITED", null);
		this.events.publishEvent(new SafeguardingEvents.CaseChanged(id, service.id()));
	}

	/**
	 * Records the section 42 decision; an enquiry outcome opens the enquiry (planning) in
	 * the same transaction.
	 */
	@Transactional
	public void decide(UUID id, int version, Decision decision) {
		SignedInUser lead = requireLead();
		SafeguardingCase c = current(id, version);
		c.status().requireDecidable();
		CaseStatus next = switch (decision.outcome()) {
			case SECTION_42 -> CaseStatus.S42_ENQUIRY;
			case OTHER_ENQUIRY -> CaseStatus.OTHER_ENQUIRY;
			case NO_FURTHER_ACTION -> CaseStatus.NO_FURTHER_ACTION;
		};
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				update safeguarding_concern set status = :status, has_care_needs = :needs, experiencing_abuse = :abuse,
				    unable_to_protect = :unable, decision_reasons = :reasons, nfa_information = :nfa, decided_at = :now,
				    decided_by = :by, decided_by_name = :byName, version = version + 1
				where id = :id and version = :version and status = 'AWAITING_DECISION'""")
			.param("status", next.name())
			.param("needs", decision.careNeeds())
			.param("abuse", decision.abuse())
			.param("unable", decision.unableToProtect())
			.param("reasons", decision.reasons())
			.param("nfa", (decision.outcome() == Outcome.NO_FURTHER_ACTION) ? decision.nfaInformation() : null)
			.param("now", Timestamp.from(now))
			.param("by", lead.id())
			.param("byName", truncate(lead.displayName(), 200))
			.param("id", id)
			.param("version", version)
			.update();
		requireChanged(changed);
		if (decision.outcome() != Outcome.NO_FURTHER_ACTION) {
			UUID enquiry = UUID.randomUUID();
			this.jdbc.sql("""
					insert into safeguarding_enquiry (id, concern_id, kind, status, opened_at)
					values (:id, :concern, :kind, 'PLANNING', :now)""")
				.param("id", enquiry)
				.param("concern", id)
				.param("kind", (decision.outcome() == Outcome.SECTION_42) ? "SECTION_42" : "OTHER")
				.param("now", Timestamp.from(now))
				.update();
			this.steps.record(About.concern(id), "DECIDED", text(decision.outcome().messageKey()));
			this.steps.record(About.enquiry(id, enquiry), "ENQUIRY_OPENED", null);
		}
		else {
			this.steps.record(About.concern(id), "DECIDED", text(decision.outcome().messageKey()));
		}
		this.events.publishEvent(new SafeguardingEvents.CaseChanged(id, c.careServiceId()));
	}

	/** Closes a case decided as no further action. */
	@Transactional
	public void close(UUID id, int version, String note) {
		requireLead();
		SafeguardingCase c = current(id, version);
		c.status().requireClosable();
		int changed = this.jdbc.sql("""
				update safeguarding_concern set status = 'CLOSED', closed_at = :now, version = version + 1
				where id = :id and version = :version and status = 'NO_FURTHER_ACTION'""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		requireChanged(changed);
		this.steps.record(About.concern(id), "CLOSED", note);
		this.events.publishEvent(new SafeguardingEvents.CaseChanged(id, c.careServiceId()));
	}

	/**
	 * Merges a duplicate into the case it duplicates: the duplicate stays, marked merged,
	 * with its history and read log, which the surviving case shows; the staff named on
	 * it are named on the survivor too.
	 */
	@Transactional
	public UUID merge(UUID id, int version, String intoReference) {
		requireLead();
		SafeguardingCase c = current(id, version);
		c.status().requireMergeable();
		UUID into = idOf(intoReference).orElseThrow(() -> new IllegalArgumentException("No such case"));
		SafeguardingCase survivor = find(into).orElseThrow();
		if (into.equals(id) || survivor.status() == CaseStatus.MERGED || withMerged(id).contains(into)) {
			throw new IllegalArgumentException("A case cannot be merged into itself or a merged case");
		}
		int changed = this.jdbc.sql("""
				update safeguarding_concern set status = 'MERGED', merged_into = :into, closed_at = :now,
				    version = version + 1
				where id = :id and version = :version""")
			.param("into", into)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		requireChanged(changed);
		this.jdbc.sql("""
				insert into safeguarding_case_officer (concern_id, user_id, user_name, role, named_at)
				select :into, user_id, user_name, role, named_at from safeguarding_case_officer where concern_id = :id
				on conflict do nothing""").param("into", into).param("id", id).update();
		this.jdbc.sql("update safeguarding_concern set version = version + 1 where id = :into")
			.param("into", into)
			.update();
		this.steps.record(About.concern(id), "MERGED", survivor.reference());
		this.steps.record(About.concern(into), "MERGED_HERE", c.reference());
		this.events.publishEvent(new SafeguardingEvents.CaseChanged(id, c.careServiceId()));
		return into;
	}

	/** Names a QA officer or lead on the case, so that they may read it. */
	@Transactional
	public void name(UUID id, UUID userId) {
		requireLead();
		SafeguardingCase c = find(id).orElseThrow(() -> new RecordNotFoundException("safeguarding case " + id));
		c.status().requireEditable();
		name(id, userId, true);
	}

	private void name(UUID id, UUID userId, boolean step) {
		UserSummary user = this.users.find(userId)
			.filter(UserSummary::enabled)
			.filter(u -> CaseAccess.NAMEABLE.contains(u.role()))
			.orElseThrow(() -> new IllegalArgumentException("Only QA officers and safeguarding leads are named"));
		int added = this.jdbc.sql("""
				insert into safeguarding_case_officer (concern_id, user_id, user_name, role, named_at)
				values (:id, :user, :name, :role, :now) on conflict do nothing""")
			.param("id", id)
			.param("user", user.id())
			.param("name", truncate(user.displayName(), 200))
			.param("role", (user.role() == Role.QA_OFFICER) ? "QA_OFFICER" : "ENQUIRY_OFFICER")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (added > 0) {
			this.steps.record(About.concern(id), step ? "OFFICER_NAMED" : "ENTERED_BY_OFFICER", user.displayName());
		}
	}

	/** Takes a member of staff off the case: they can no longer read it. */
	@Transactional
	public void unname(UUID id, UUID userId) {
		requireLead();
		String name = this.jdbc
			.sql("delete from safeguarding_case_officer where concern_id = :id and user_id = :user returning user_name")
			.param("id", id)
			.param("user", userId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (name != null) {
			this.steps.record(About.concern(id), "OFFICER_REMOVED", name);
		}
	}

	// Helpers
	// -----------------------------------------------------------------------------------

	private SignedInUser requireLead() {
		SignedInUser user = this.currentUser.require();
		if (!CaseAccess.isLead(user)) {
			throw new RecordNotFoundException("safeguarding lead's page");
		}
		return user;
	}

	private SafeguardingCase current(UUID id, int version) {
		SafeguardingCase c = find(id).orElseThrow(() -> new RecordNotFoundException("safeguarding case " + id));
		if (c.version() != version) {
			throw new CaseChangedException();
		}
		return c;
	}

	private static void requireChanged(int changed) {
		if (changed != 1) {
			throw new CaseChangedException();
		}
	}

	/** The case's details as the insert and the update both write them. */
	private static java.util.Map<String, Object> details(Details d, Service service) {
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		values.put("received", Timestamp.from(d.receivedAt()));
		values.put("summary", d.summary());
		values.put("screen", d.screenReasons());
		values.put("serious", d.seriousIncident());
		values.put("initials", d.adultInitials());
		values.put("adultReference", d.adultReference());
		values.put("age", d.ageBand().name());
		values.put("gender", d.gender().name());
		values.put("ethnicity", d.ethnicity().name());
		values.put("support", d.supportReason().name());
		values.put("autism", d.autism().name());
		values.put("service", service.id());
		values.put("provider", service.providerId());
		values.put("serviceName", service.name());
		values.put("providerName", service.providerName());
		values.put("risks", names(d.riskTypes()));
		values.put("location", (d.locationOfRisk() != null) ? d.locationOfRisk().name() : null);
		values.put("sources", names(d.sourcesOfRisk()));
		return values;
	}

	private static String[] names(Collection<? extends Enum<?>> values) {
		return (values == null) ? new String[0] : values.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

	static SafeguardingCase row(ResultSet rs, int n) throws SQLException {
		return new SafeguardingCase(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("reference"),
				rs.getString("source"), value(PartnerAgency.class, rs.getString("partner_agency")),
				rs.getString("partner_name"), rs.getObject("ppmf_concern_id", UUID.class),
				rs.getString("ppmf_reference"), rs.getTimestamp("received_at").toInstant(), rs.getString("summary"),
				rs.getString("screen_reasons"), rs.getBoolean("serious_incident"), rs.getString("adult_initials"),
				rs.getString("adult_reference"), value(AgeBand.class, rs.getString("age_band")),
				value(Gender.class, rs.getString("gender")), value(Ethnicity.class, rs.getString("ethnicity")),
				value(SupportReason.class, rs.getString("support_reason")), value(Answer.class, rs.getString("autism")),
				rs.getObject("care_service_id", UUID.class), rs.getObject("provider_id", UUID.class),
				rs.getString("service_name"), rs.getString("provider_name"),
				values(AbuseType.class, rs.getArray("risk_types")),
				value(LocationOfRisk.class, rs.getString("location_of_risk")),
				values(SourceOfRisk.class, rs.getArray("sources_of_risk")), CaseStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("decision_due_at").toInstant(), (Boolean) rs.getObject("has_care_needs"),
				(Boolean) rs.getObject("experiencing_abuse"), (Boolean) rs.getObject("unable_to_protect"),
				rs.getString("decision_reasons"), rs.getString("nfa_information"),
				instant(rs.getTimestamp("decided_at")), rs.getString("decided_by_name"),
				rs.getObject("merged_into", UUID.class), instant(rs.getTimestamp("closed_at")),
				rs.getObject("created_by", UUID.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	private static <E extends Enum<E>> List<E> values(Class<E> type, Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<E> result = new ArrayList<>();
		for (Object each : (Object[]) array.getArray()) {
			E constant = value(type, (String) each);
			if (constant != null) {
				result.add(constant);
			}
		}
		return List.copyOf(result);
	}

}
