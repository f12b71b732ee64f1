package org.carecycle.safeguarding;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.shared.UkTime;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a past safeguarding history at once (the demo county, and later a migration from
 * the council's old case records) with PostgreSQL's COPY: concerns with their decisions,
 * the council staff named on them, their enquiries, every step, and whole-service
 * enquiries with their meetings, attendees, actions and communication. Nobody is emailed
 * and nothing is audited: the people concerned were told at the time, and the steps are
 * the history. References continue each year's highest ({@code SG-2026-00042},
 * {@code WSE-2026-003}).
 */
@Component
public class SafeguardingHistoryLoader {

	/** A section 42 enquiry or an other enquiry. */
	public enum EnquiryKind {

		SECTION_42, OTHER

	}

	/**
	 * A step in a case's history; the kind's words are at {@code safeguarding.step.KIND}.
	 */
	public record PastStep(Instant at, UUID actorId, String actorName, String kind, String detail) {

		public PastStep {
			Objects.requireNonNull(at, "at");
			Objects.requireNonNull(actorName, "actorName");
			Objects.requireNonNull(kind, "kind");
		}

	}

	/**
	 * A member of council staff named on a case.
	 *
	 * @param role ENQUIRY_OFFICER, QA_OFFICER or MANAGER
	 */
	public record NamedOfficer(UUID userId, String name, String role, Instant namedAt) {
	}

	/**
	 * The adult at risk: the least the work and the Safeguarding Adults Collection need.
	 */
	public record Adult(String initials, String reference, AgeBand ageBand, Gender gender, Ethnicity ethnicity,
			SupportReason supportReason, Answer autism) {
	}

	/**
	 * The section 42 decision.
	 *
	 * @param status the concern's status now
	 * @param dueAt when the decision was due
	 * @param decidedAt when it was made, or null while awaited
	 */
	public record Decision(CaseStatus status, Instant dueAt, Boolean hasCareNeeds, Boolean experiencingAbuse,
			Boolean unableToProtect, String reasons, String nfaInformation, Instant decidedAt, UUID decidedBy,
			String decidedByName, Instant closedAt) {
	}

	/** An enquiry, as it stands. */
	public record PastEnquiry(UUID id, EnquiryKind kind, EnquiryStatus status, Instant openedAt,
			LocalDate planningHeldOn, String planningNotes, boolean caused, UUID causedToProviderId,
			String causedToName, String causedRequest, Instant causedAt, LocalDate causedDueOn, Instant lastChasedAt,
			int chaseCount, String causedResponse, Instant causedRespondedAt, Answer lackedCapacity,
			Answer advocacySupport, OutcomesAsked outcomesAsked, String desiredOutcomes,
			OutcomesAchieved outcomesAchieved, ActionAndResult actionAndResult, RiskOutcome riskOutcome,
			String protectionPlan, String conclusion, LocalDate concludedOn, Instant closedAt) {
	}

	/**
	 * A safeguarding concern as it stands, with its enquiry (or null) and its history.
	 *
	 * @param wholeServiceEnquiryId the whole-service enquiry it is counted in, loaded in
	 * the same call, or null
	 */
	public record PastConcern(UUID id, SafeguardingCases.Source source, PartnerAgency partnerAgency, String partnerName,
			UUID ppmfConcernId, String ppmfReference, Instant receivedAt, String summary, String screenReasons,
			boolean seriousIncident, Adult adult, UUID careServiceId, UUID providerId, String serviceName,
			String providerName, Set<AbuseType> riskTypes, LocationOfRisk locationOfRisk,
			Set<SourceOfRisk> sourcesOfRisk, Decision decision, UUID wholeServiceEnquiryId, UUID createdBy,
			List<NamedOfficer> officers, PastEnquiry enquiry, List<PastStep> steps) {

		public PastConcern {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(source, "source");
			Objects.requireNonNull(receivedAt, "receivedAt");
			Objects.requireNonNull(summary, "summary");
			Objects.requireNonNull(adult, "adult");
			Objects.requireNonNull(decision, "decision");
			if (riskTypes.contains(AbuseType.ANY)) {
				throw new IllegalArgumentException("ANY is not a type of risk");
			}
			officers = List.copyOf(officers);
			steps = List.copyOf(steps);
		}

	}

	/** Someone at a multi-agency meeting. */
	public record Attendee(String name, WholeServiceEnquiry.Agency agency) {
	}

	/** An action agreed at a meeting. */
	public record PastAction(String description, String ownerName, String ownerEmail, LocalDate dueOn, Instant doneAt,
			Instant remindedAt) {
	}

	/** A multi-agency meeting. */
	public record PastMeeting(WholeServiceEnquiry.MeetingKind kind, LocalDate heldOn, String agenda, String minutes,
			Instant recordedAt, String recordedBy, List<Attendee> attendees, List<PastAction> actions) {
	}

	/** A line of the communication log. */
	public record PastCommunication(LocalDate happenedOn, WholeServiceEnquiry.Audience audience, String withWhom,
			String summary, String recordedBy, Instant recordedAt) {
	}

	/** A whole-service enquiry as it stands. */
	public record PastWholeService(UUID id, UUID careServiceId, UUID providerId, String serviceName,
			String providerName, WholeServiceEnquiry.Status status, Instant suggestedAt,
			WholeServiceEnquiry.Reason suggestionReason, String suggestionDetail, Instant decidedAt, UUID decidedBy,
			String decidedByName, String decisionReasons, boolean placementsSuspended, Instant openedAt,
			Instant closedAt, String closingSummary, List<PastMeeting> meetings, List<PastCommunication> communications,
			List<PastStep> steps) {
	}

	/** How much was loaded. */
	public record Loaded(int concerns, int enquiries, int steps, int wholeServiceEnquiries) {

		public Loaded plus(Loaded other) {
			return new Loaded(this.concerns + other.concerns, this.enquiries + other.enquiries,
					this.steps + other.steps, this.wholeServiceEnquiries + other.wholeServiceEnquiries);
		}

	}

	private final JdbcTemplate jdbc;

	SafeguardingHistoryLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Loads whole-service enquiries first (concerns name them), then the concerns with
	 * everything hanging off them, inside the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Loaded load(List<PastWholeService> wholeService, List<PastConcern> concerns) {
		Map<Integer, Integer> concernNumbers = new HashMap<>();
		Map<Integer, Integer> wseNumbers = new HashMap<>();
		List<Object[]> wseRows = new ArrayList<>();
		List<Object[]> meetings = new ArrayList<>();
		List<Object[]> attendees = new ArrayList<>();
		List<Object[]> actions = new ArrayList<>();
		List<Object[]> communications = new ArrayList<>();
		List<Object[]> steps = new ArrayList<>();
		for (PastWholeService w : wholeService) {
			int year = UkTime.dateOf(w.suggestedAt()).getYear();
			int number = next(wseNumbers, year, "safeguarding_whole_service_enquiry", "WSE-");
			wseRows.add(new Object[] { w.id(), "WSE-%d-%03d".formatted(year, number), w.careServiceId(), w.providerId(),
					w.serviceName(), w.providerName(), w.status(), w.suggestedAt(), w.suggestionReason(),
					w.suggestionDetail(), w.decidedAt(), w.decidedBy(), w.decidedByName(), w.decisionReasons(),
					w.placementsSuspended(), w.openedAt(), w.closedAt(), w.closingSummary() });
			for (PastMeeting m : w.meetings()) {
				UUID meetingId = UUID.randomUUID();
				meetings.add(new Object[] { meetingId, w.id(), m.kind(), m.heldOn(), m.agenda(), m.minutes(),
						m.recordedAt(), m.recordedBy() });
				for (int i = 0; i < m.attendees().size(); i++) {
					Attendee a = m.attendees().get(i);
					attendees.add(new Object[] { meetingId, i + 1, a.name(), a.agency() });
				}
				for (PastAction a : m.actions()) {
					actions.add(new Object[] { UUID.randomUUID(), meetingId, a.description(), a.ownerName(),
							a.ownerEmail(), a.dueOn(), a.doneAt(), a.remindedAt() });
				}
			}
			for (PastCommunication c : w.communications()) {
				communications.add(new Object[] { UUID.randomUUID(), w.id(), c.happenedOn(), c.audience(), c.withWhom(),
						c.summary(), c.recordedBy(), c.recordedAt() });
			}
			for (PastStep s : w.steps()) {
				steps
					.add(new Object[] { null, null, w.id(), s.at(), s.actorId(), s.actorName(), s.kind(), s.detail() });
			}
		}
		List<Object[]> concernRows = new ArrayList<>(concerns.size());
		List<Object[]> officers = new ArrayList<>();
		List<Object[]> enquiries = new ArrayList<>();
		List<PastConcern> inOrder = new ArrayList<>(concerns);
		inOrder.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
		for (PastConcern c : inOrder) {
			int year = UkTime.dateOf(c.receivedAt()).getYear();
			int number = next(concernNumbers, year, "safeguarding_concern", "SG-");
			Adult a = c.adult();
			Decision d = c.decision();
			concernRows.add(new Object[] { c.id(), "SG-%d-%05d".formatted(year, number), c.source(), c.partnerAgency(),
					c.partnerName(), c.ppmfConcernId(), c.ppmfReference(), c.receivedAt(), c.summary(),
					c.screenReasons(), c.seriousIncident(), a.initials(), a.reference(), a.ageBand(), a.gender(),
					a.ethnicity(), a.supportReason(), a.autism(), c.careServiceId(), c.providerId(), c.serviceName(),
					c.providerName(), names(c.riskTypes()), c.locationOfRisk(), names(c.sourcesOfRisk()), d.status(),
					d.dueAt(), d.hasCareNeeds(), d.experiencingAbuse(), d.unableToProtect(), d.reasons(),
					d.nfaInformation(), d.decidedAt(), d.decidedBy(), d.decidedByName(), c.wholeServiceEnquiryId(),
					d.closedAt(), c.createdBy(), 0 });
			for (NamedOfficer o : c.officers()) {
				officers.add(new Object[] { c.id(), o.userId(), o.name(), o.role(), o.namedAt() });
			}
			PastEnquiry e = c.enquiry();
			if (e != null) {
				enquiries.add(new Object[] { e.id(), c.id(), e.kind(), e.status(), e.openedAt(), e.planningHeldOn(),
						e.planningNotes(), e.caused() ? "CAUSED" : "COUNCIL", e.causedToProviderId(), e.causedToName(),
						e.causedRequest(), e.causedAt(), e.causedDueOn(), e.lastChasedAt(), e.chaseCount(),
						e.causedResponse(), e.causedRespondedAt(), e.lackedCapacity(), e.advocacySupport(),
						e.outcomesAsked(), e.desiredOutcomes(), e.outcomesAchieved(), e.actionAndResult(),
						e.riskOutcome(), e.protectionPlan(), e.conclusion(), e.concludedOn(), e.closedAt(), 0 });
			}
			UUID enquiryId = (e != null) ? e.id() : null;
			for (PastStep s : c.steps()) {
				boolean ofEnquiry = enquiryId != null && !s.at().isBefore(e.openedAt()) && !"DECIDED".equals(s.kind());
				steps.add(new Object[] { c.id(), ofEnquiry ? enquiryId : null, null, s.at(), s.actorId(), s.actorName(),
						s.kind(), s.detail() });
			}
		}
		copy("safeguarding_whole_service_enquiry (id, reference, care_service_id, provider_id, service_name,"
				+ " provider_name, status, suggested_at, suggestion_reason, suggestion_detail, decided_at, decided_by,"
				+ " decided_by_name, decision_reasons, placements_suspended, opened_at, closed_at, closing_summary)",
				wseRows);
		copy("safeguarding_meeting (id, whole_service_enquiry_id, kind, held_on, agenda, minutes, recorded_at,"
				+ " recorded_by)", meetings);
		copy("safeguarding_meeting_attendee (meeting_id, position, name, agency)", attendees);
		copy("safeguarding_meeting_action (id, meeting_id, description, owner_name, owner_email, due_on, done_at,"
				+ " reminded_at)", actions);
		copy("safeguarding_communication (id, whole_service_enquiry_id, happened_on, audience, with_whom, summary,"
				+ " recorded_by, recorded_at)", communications);
		copy("safeguarding_concern (id, reference, source, partner_agency, partner_name, ppmf_concern_id,"
				+ " ppmf_reference, received_at, summary, screen_reasons, serious_incident, adult_initials,"
				+ " adult_reference, age_band, gender, ethnicity, support_reason, autism, care_service_id, provider_id,"
				+ " service_name, provider_name, risk_types, location_of_risk, sources_of_risk, status, decision_due_at,"
				+ " has_care_needs, experiencing_abuse, unable_to_protect, decision_reasons, nfa_information, decided_at,"
				+ " decided_by, decided_by_name, whole_service_enquiry_id, closed_at, created_by, version)",
				concernRows);
		copy("safeguarding_case_officer (concern_id, user_id, user_name, role, named_at)", officers);
		copy("safeguarding_enquiry (id, concern_id, kind, status, opened_at, planning_held_on, planning_notes, made_by,"
				+ " caused_to_provider_id, caused_to_name, caused_request, caused_at, caused_due_on, last_chased_at,"
				+ " chase_count, caused_response, caused_responded_at, lacked_capacity, advocacy_support, outcomes_asked,"
				+ " desired_outcomes, outcomes_achieved, action_and_result, risk_outcome, protection_plan, conclusion,"
				+ " concluded_on, closed_at, version)", enquiries);
		// the steps of a case in the order they happened, so that ties keep their order
		steps.sort((x, y) -> ((Instant) x[3]).compareTo((Instant) y[3]));
		copy("safeguarding_step (concern_id, enquiry_id, whole_service_enquiry_id, happened_at, actor_id, actor_name,"
				+ " kind, detail)", steps);
		// cases entered from now on take their numbers from the sequence: start it past
		// every number loaded, so that no reference is given twice
		this.jdbc.queryForObject("select setval('safeguarding_concern_number', greatest((select coalesce(max(cast("
				+ "split_part(reference, '-', 3) as bigint)), 0) from safeguarding_concern), "
				+ "(select last_value from safeguarding_concern_number), 1))", Long.class);
		this.jdbc.queryForObject("select setval('safeguarding_wse_number', greatest((select coalesce(max(cast("
				+ "split_part(reference, '-', 3) as bigint)), 0) from safeguarding_whole_service_enquiry), "
				+ "(select last_value from safeguarding_wse_number), 1))", Long.class);
		return new Loaded(concernRows.size(), enquiries.size(), steps.size(), wseRows.size());
	}

	/** The next number of the year, after the highest already in the table. */
	private int next(Map<Integer, Integer> numbers, int year, String table, String prefix) {
		Integer last = numbers.get(year);
		if (last == null) {
			String pattern = prefix + year + "-";
			Integer highest = this.jdbc.queryForObject("select max(cast(substring(reference from "
					+ (pattern.length() + 1) + ") as integer)) from " + table + " where reference like ?",
					Integer.class, pattern + "%");
			last = (highest != null) ? highest : 0;
		}
		numbers.put(year, last + 1);
		return last + 1;
	}

	private static String[] names(Set<? extends Enum<?>> values) {
		return (values == null) ? new String[0] : values.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	/** Loads rows with PostgreSQL's COPY on the transaction's own connection. */
	private void copy(String target, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 300);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				csvField(csv, row[i]);
			}
			csv.append('\n');
		}
		this.jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + target + " from stdin with (format csv)", new StringReader(csv.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static void csvField(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Boolean bool) {
			csv.append(bool ? 't' : 'f');
			return;
		}
		if (value instanceof Number number) {
			csv.append(number);
			return;
		}
		String text = (value instanceof String[] array) ? "{" + String.join(",", array) + "}" : value.toString();
		csv.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

}
