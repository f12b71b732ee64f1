package org.carecycle.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.safeguarding.SafeguardingSteps.About;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding enquiries, step by step: the planning discussion, who makes the enquiry
 * (the council, or another body it is caused to), mental capacity and advocacy, Making
 * Safeguarding Personal, the conclusion the Safeguarding Adults Collection counts, and
 * closure, which closes the concern too. Every change checks the version the person saw
 * ({@link EnquiryChangedException}), the enquiry's own guard, and is recorded as a step
 * of the case (with the audit log). A provider an enquiry is caused to sees only what it
 * is asked and sends its findings here.
 */
@Service
public class Enquiries {

	/**
	 * Working days a body an enquiry is caused to has, unless the officer sets a date.
	 */
	public static final int DEFAULT_DUE_WORKING_DAYS = 10;

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final String SELECT = """
			select e.*, c.reference, c.service_name, c.provider_name as concern_provider_name,
			       c.provider_id as concern_provider_id
			from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			""";

	/** What a provider sees of an enquiry caused to it: what it is asked, by when. */
	public record ProviderEnquiry(UUID id, String reference, String request, Instant askedAt, LocalDate dueOn,
			String response, Instant respondedAt, String respondedBy) {

		public boolean answered() {
			return this.respondedAt != null;
		}

	}

	/** An enquiry in a list of enquiries. */
	public record Row(UUID concernId, String reference, String serviceName, EnquiryStatus status, String causedToName,
			LocalDate causedDueOn, int chaseCount, Instant causedRespondedAt) {
	}

	/** Who is asked to make the enquiry, and what. */
	public record Maker(String madeBy, UUID providerId, String bodyName, String request, LocalDate dueOn) {
	}

	/** How the enquiry concluded. */
	public record Conclusion(ActionAndResult actionAndResult, RiskOutcome riskOutcome,
			OutcomesAchieved outcomesAchieved, String protectionPlan, String conclusion, LocalDate concludedOn) {
	}

	private final JdbcClient jdbc;

	private final SafeguardingSteps steps;

	private final Outbox outbox;

	private final UserDirectory users;

	private final MessageSource messages;

	private final WorkingDays workingDays;

	private final Clock clock;

	private final String baseUrl;

	Enquiries(JdbcClient jdbc, SafeguardingSteps steps, Outbox outbox, UserDirectory users, MessageSource messages,
			WorkingDays workingDays, Clock clock, @Value("${carecycle.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.steps = steps;
		this.outbox = outbox;
		this.users = users;
		this.messages = messages;
		this.workingDays = workingDays;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The enquiry of a concern, if the decision led to one. */
	public Optional<Enquiry> ofConcern(UUID concernId) {
		return this.jdbc.sql(SELECT + " where e.concern_id = :id")
			.param("id", concernId)
			.query(Enquiries::enquiry)
			.optional();
	}

	/** Today in England. */
	public LocalDate today() {
		return UkTime.today(this.clock);
	}

	/** The due date a caused enquiry gets unless the officer chooses another. */
	public LocalDate defaultDueOn() {
		return this.workingDays.addWorkingDays(today(), DEFAULT_DUE_WORKING_DAYS);
	}

	/** Working days past its due date (0 when not yet due). */
	public int workingDaysOverdue(LocalDate dueOn, LocalDate today) {
		return (dueOn == null || !today.isAfter(dueOn)) ? 0 : Math.max(0, this.workingDays.between(dueOn, today));
	}

	@Transactional
	public void recordPlanning(UUID concernId, int version, LocalDate heldOn, String notes, String participants) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanRecordPlanning();
		update(enquiry, "planning_held_on = :held, planning_notes = :notes, planning_participants = :who",
				Map.of("held", heldOn, "notes", notes, "who", participants));
		step(enquiry, "ENQUIRY_PLANNED", heldOn.format(DATE));
	}

	@Transactional
	public void decideMaker(UUID concernId, int version, Maker maker) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanDecideMaker();
		if (Enquiry.COUNCIL.equals(maker.madeBy())) {
			update(enquiry, "made_by = 'COUNCIL', status = 'IN_PROGRESS'", Map.of());
			step(enquiry, "ENQUIRY_MADE_BY_COUNCIL", null);
			return;
		}
		boolean provider = maker.providerId() != null;
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("provider", maker.providerId());
		values.put("name", maker.bodyName());
		values.put("request", maker.request());
		values.put("at", Timestamp.from(this.clock.instant()));
		values.put("due", maker.dueOn());
		values.put("status", provider ? EnquiryStatus.AWAITING_PROVIDER.name() : EnquiryStatus.IN_PROGRESS.name());
		update(enquiry,
				"""
						made_by = 'CAUSED', caused_to_provider_id = :provider, caused_to_name = :name, caused_request = :request,
						caused_at = :at, caused_due_on = :due, status = :status""",
				values);
		step(enquiry, "ENQUIRY_CAUSED", maker.bodyName() + ", " + maker.dueOn().format(DATE));
		if (provider) {
			for (UserSummary user : this.users.ofProvider(new ProviderId(maker.providerId()))) {
				if (!user.enabled()) {
					continue;
				}
				this.outbox.queue("sg-enquiry-caused:" + enquiry.id() + ":" + user.id(), user.email(),
						text("safeguarding.caused.email.subject", enquiry.reference()),
						text("safeguarding.caused.email.body", user.displayName(), enquiry.reference(),
								maker.dueOn().format(DATE), link("/my-organisation/safeguarding/" + enquiry.id())));
			}
		}
	}

	@Transactional
	public void recordCapacity(UUID concernId, int version, Answer lackedCapacity, Answer advocacy) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanRecordDuringEnquiry("mental capacity");
		if (Enquiry.needsAdvocacy(lackedCapacity) != (advocacy != null)) {
			throw new IllegalArgumentException("Advocacy is answered only when the adult lacked capacity");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("lacked", lackedCapacity.name());
		values.put("advocacy", (advocacy != null) ? advocacy.name() : null);
		update(enquiry, "lacked_capacity = :lacked, advocacy_support = :advocacy", values);
		step(enquiry, "ENQUIRY_CAPACITY", null);
	}

	@Transactional
	public void recordOutcomesAsked(UUID concernId, int version, OutcomesAsked asked, String desired) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanRecordDuringEnquiry("what outcomes the adult wanted");
		if (Enquiry.needsOutcomesAchieved(asked) != (desired != null)) {
			throw new IllegalArgumentException("Outcomes are written only when they were expressed");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("asked", asked.name());
		values.put("desired", desired);
		update(enquiry, "outcomes_asked = :asked, desired_outcomes = :desired", values);
		step(enquiry, "ENQUIRY_OUTCOMES_ASKED", null);
	}

	@Transactional
	public void conclude(UUID concernId, int version, Conclusion conclusion) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanConclude();
		if (Enquiry.needsRiskOutcome(conclusion.actionAndResult()) != (conclusion.riskOutcome() != null)) {
			throw new IllegalArgumentException("A risk outcome is recorded only when action was taken on a risk");
		}
		if (Enquiry.needsOutcomesAchieved(enquiry.outcomesAsked()) != (conclusion.outcomesAchieved() != null)) {
			throw new IllegalArgumentException("Outcomes achieved are recorded only when outcomes were expressed");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("action", conclusion.actionAndResult().name());
		values.put("risk", (conclusion.riskOutcome() != null) ? conclusion.riskOutcome().name() : null);
		values.put("achieved", (conclusion.outcomesAchieved() != null) ? conclusion.outcomesAchieved().name() : null);
		values.put("plan", conclusion.protectionPlan());
		values.put("conclusion", conclusion.conclusion());
		values.put("on", conclusion.concludedOn());
		update(enquiry,
				"""
						action_and_result = :action, risk_outcome = :risk, outcomes_achieved = :achieved, protection_plan = :plan,
						conclusion = :conclusion, concluded_on = :on, status = 'CONCLUDED'""",
				values);
		step(enquiry, "ENQUIRY_CONCLUDED", conclusion.concludedOn().format(DATE));
	}

	/** Closes the enquiry and its concern. */
	@Transactional
	public void close(UUID concernId, int version) {
		Enquiry enquiry = current(concernId, version);
		enquiry.checkCanClose();
		Timestamp now = Timestamp.from(this.clock.instant());
		update(enquiry, "status = 'CLOSED', closed_at = :at", Map.of("at", now));
		this.jdbc.sql("""
				update safeguarding_concern set status = 'CLOSED', closed_at = :at, version = version + 1
				where id = :id and status in ('S42_ENQUIRY', 'OTHER_ENQUIRY')""")
			.param("at", now)
			.param("id", concernId)
			.update();
		step(enquiry, "ENQUIRY_CLOSED", null);
	}

	/** The enquiries caused to a provider, newest first. */
	public List<ProviderEnquiry> forProvider(ProviderId provider) {
		return this.jdbc.sql(PROVIDER_SELECT + " order by e.caused_at desc")
			.param("provider", provider.value())
			.query(Enquiries::providerEnquiry)
			.list();
	}

	/**
	 * One enquiry caused to the provider; empty for any other, so that another
	 * organisation's enquiry is "not found".
	 */
	public Optional<ProviderEnquiry> forProvider(ProviderId provider, UUID enquiryId) {
		return this.jdbc.sql(PROVIDER_SELECT + " and e.id = :id")
			.param("provider", provider.value())
			.param("id", enquiryId)
			.query(Enquiries::providerEnquiry)
			.optional();
	}

	/** The concern an enquiry caused to the provider belongs to, for the read log. */
	public UUID concernOf(UUID enquiryId) {
		return this.jdbc.sql("select concern_id from safeguarding_enquiry where id = :id")
			.param("id", enquiryId)
			.query(UUID.class)
			.single();
	}

	private static final String PROVIDER_SELECT = """
			select e.id, c.reference, e.caused_request, e.caused_at, e.caused_due_on, e.caused_response,
			       e.caused_responded_at, e.caused_response_by
			from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			where e.made_by = 'CAUSED' and e.caused_to_provider_id = :provider and e.caused_at is not null""";

	/**
	 * The provider's findings: the enquiry goes back to the council (in progress), and
	 * the staff named on the case and the safeguarding leads are told.
	 */
	@Transactional
	public void sendFindings(ProviderId provider, UUID enquiryId, String findings, SignedInUser user) {
		forProvider(provider, enquiryId).orElseThrow(() -> new IllegalStateException("Not this provider's enquiry"));
		Enquiry enquiry = this.jdbc.sql(SELECT + " where e.id = :id")
			.param("id", enquiryId)
			.query(Enquiries::enquiry)
			.single();
		enquiry.checkCanReceiveFindings();
		int changed = this.jdbc.sql("""
				update safeguarding_enquiry set caused_response = :findings, caused_responded_at = :at,
				       caused_response_by = :by, status = 'IN_PROGRESS', version = version + 1
				where id = :id and status = 'AWAITING_PROVIDER'""")
			.param("findings", findings)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", truncate(user.displayName(), 200))
			.param("id", enquiryId)
			.update();
		if (changed == 0) {
			throw new IllegalStateException("Your findings for this enquiry have already been sent.");
		}
		step(enquiry, "ENQUIRY_FINDINGS_RECEIVED", enquiry.causedToName());
		String link = link("/safeguarding/concerns/" + enquiry.concernId() + "/enquiry");
		for (UserSummary reader : caseTeam(enquiry.concernId())) {
			this.outbox.queue("sg-enquiry-findings:" + enquiry.id() + ":" + reader.id(), reader.email(),
					text("safeguarding.caused.findingsEmail.subject", enquiry.reference()),
					text("safeguarding.caused.findingsEmail.body", reader.displayName(), enquiry.reference(), link));
		}
	}

	/** The staff named on a case and the safeguarding leads, enabled, once each. */
	List<UserSummary> caseTeam(UUID concernId) {
		Map<UUID, UserSummary> team = new LinkedHashMap<>();
		for (UUID id : this.jdbc.sql("select user_id from safeguarding_case_officer where concern_id = :id")
			.param("id", concernId)
			.query(UUID.class)
			.list()) {
			this.users.find(id).filter(UserSummary::enabled).ifPresent(user -> team.put(user.id(), user));
		}
		this.users.withRole(Role.SAFEGUARDING_LEAD)
			.stream()
			.filter(UserSummary::enabled)
			.forEach(user -> team.putIfAbsent(user.id(), user));
		return new ArrayList<>(team.values());
	}

	/**
	 * The enquiries the user may read (a lead: all; others: the cases they are named on),
	 * open ones first; {@code overdue} keeps those whose caused body is past its due
	 * date, {@code findings} those with a provider's findings still to conclude.
	 */
	public List<Row> list(SignedInUser user, String view) {
		String where = CaseAccess.isLead(user) ? "true"
				: "exists (select 1 from safeguarding_case_officer o where o.concern_id = c.id and o.user_id = :user)";
		if ("overdue".equals(view)) {
			where += " and e.status = 'AWAITING_PROVIDER' and e.caused_due_on < :today";
		}
		else if ("findings".equals(view)) {
			where += " and e.status = 'IN_PROGRESS' and e.caused_responded_at is not null";
		}
		return this.jdbc.sql("""
				select c.id as concern_id, c.reference, c.service_name, e.status, e.caused_to_name, e.caused_due_on,
				       e.chase_count, e.caused_responded_at
				from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
				where %s
				order by e.status in ('CONCLUDED', 'CLOSED'), e.caused_due_on nulls last, e.opened_at desc
				limit 500""".formatted(where))
			.param("user", user.id())
			.param("today", today())
			.query((rs, n) -> new Row(rs.getObject("concern_id", UUID.class), rs.getString("reference"),
					rs.getString("service_name"), EnquiryStatus.valueOf(rs.getString("status")),
					rs.getString("caused_to_name"), rs.getObject("caused_due_on", LocalDate.class),
					rs.getInt("chase_count"), instant(rs, "caused_responded_at")))
			.list();
	}

	private Enquiry current(UUID concernId, int version) {
		Enquiry enquiry = ofConcern(concernId)
			.orElseThrow(() -> new IllegalStateException("This concern has no enquiry."));
		if (enquiry.version() != version) {
			throw new EnquiryChangedException();
		}
		return enquiry;
	}

	private void update(Enquiry enquiry, String set, Map<String, Object> values) {
		int changed = this.jdbc
			.sql("update safeguarding_enquiry set " + set
					+ ", version = version + 1 where id = :enquiryId and version = :expectedVersion")
			.params(values)
			.param("enquiryId", enquiry.id())
			.param("expectedVersion", enquiry.version())
			.update();
		if (changed == 0) {
			throw new EnquiryChangedException();
		}
	}

	private void step(Enquiry enquiry, String kind, String detail) {
		this.steps.record(About.enquiry(enquiry.concernId(), enquiry.id()), kind, detail);
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	String link(String path) {
		return this.baseUrl + path;
	}

	static Enquiry enquiry(ResultSet rs, int row) throws SQLException {
		return new Enquiry(rs.getObject("id", UUID.class), rs.getObject("concern_id", UUID.class),
				rs.getString("reference"), rs.getString("kind"), EnquiryStatus.valueOf(rs.getString("status")),
				instant(rs, "opened_at"), rs.getString("service_name"), rs.getString("concern_provider_name"),
				rs.getObject("concern_provider_id", UUID.class), rs.getObject("planning_held_on", LocalDate.class),
				rs.getString("planning_notes"), rs.getString("planning_participants"), rs.getString("made_by"),
				rs.getObject("caused_to_provider_id", UUID.class), rs.getString("caused_to_name"),
				rs.getString("caused_request"), instant(rs, "caused_at"),
				rs.getObject("caused_due_on", LocalDate.class), instant(rs, "last_chased_at"), rs.getInt("chase_count"),
				rs.getString("caused_response"), instant(rs, "caused_responded_at"), rs.getString("caused_response_by"),
				named(rs, "lacked_capacity", Answer::valueOf), named(rs, "advocacy_support", Answer::valueOf),
				named(rs, "outcomes_asked", OutcomesAsked::valueOf), rs.getString("desired_outcomes"),
				named(rs, "outcomes_achieved", OutcomesAchieved::valueOf),
				named(rs, "action_and_result", ActionAndResult::valueOf),
				named(rs, "risk_outcome", RiskOutcome::valueOf), rs.getString("protection_plan"),
				rs.getString("conclusion"), rs.getObject("concluded_on", LocalDate.class), instant(rs, "closed_at"),
				rs.getInt("version"));
	}

	private static ProviderEnquiry providerEnquiry(ResultSet rs, int row) throws SQLException {
		return new ProviderEnquiry(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getString("caused_request"), instant(rs, "caused_at"),
				rs.getObject("caused_due_on", LocalDate.class), rs.getString("caused_response"),
				instant(rs, "caused_responded_at"), rs.getString("caused_response_by"));
	}

	private static <T> T named(ResultSet rs, String column, Function<String, T> valueOf) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? valueOf.apply(value) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
