package org.carecycle.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.safeguarding.WholeServiceEnquiry.Agency;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.Attendee;
import org.carecycle.safeguarding.WholeServiceEnquiry.Audience;
import org.carecycle.safeguarding.WholeServiceEnquiry.MeetingKind;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastAction;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastCommunication;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastConcern;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastMeeting;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastStep;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastWholeService;
import org.carecycle.safeguarding.WholeServiceEnquiry.Reason;
import org.carecycle.safeguarding.WholeServiceEnquiry.Status;

/**
 * The demo's two whole-service enquiries: one open at the home suspended after
 * safeguarding concerns about moving and handling (suggested by the cluster, a strategy
 * and a review meeting, actions done and one overdue, the communication log), and an
 * older one at another home, closed at its closing meeting a year and more ago.
 */
final class DemoWholeService {

	static final String QA_EMAIL = "qa.officer@carecycle.example";

	static final String LEAD_EMAIL = "safeguarding@carecycle.example";

	private final DemoSafeguarding.Generator generator;

	private final LocalDate today;

	private final DemoSafeguarding.Cast cast;

	DemoWholeService(DemoSafeguarding.Generator generator, LocalDate today, DemoSafeguarding.Cast cast) {
		this.generator = generator;
		this.today = today;
		this.cast = cast;
	}

	private String lead() {
		return this.cast.lead().name();
	}

	private String qa() {
		return this.cast.qaOfficers().isEmpty() ? "QA officer" : this.cast.qaOfficers().get(0).name();
	}

	private String manager(NewService home) {
		return (home.registeredManager() != null && !home.registeredManager().isBlank()) ? home.registeredManager()
				: "Registered manager";
	}

	/** The open enquiry, adding the concerns it counts to {@code cases}. */
	PastWholeService open(NewService home, List<PastConcern> cases) {
		UUID id = new UUID(this.generator.random.nextLong(), this.generator.random.nextLong());
		String[] summaries = {
				"Skin tear to the lower leg of {p} during a hoist transfer at {s}; one carer doing a two-carer transfer.",
				"{p} slipped from the sling while being hoisted at {s} and was lowered to the floor; bruising to the hip. Sling the wrong size.",
				"Bruising under both arms of {p} at {s} consistent with being lifted under the arms, which the care plan forbids.",
				"Night staff at {s} moved {p} from chair to bed without the hoist; {i} says it hurt and {they} was frightened.",
				"{p} fell from the hoist at {s} and fractured a wrist; the hoist's service was overdue. Serious incident.",
				"Family of {p} found {them} left in the hoist sling in the chair all afternoon at {s}; pressure damage to the thighs." };
		int[] daysAgo = { 100, 88, 74, 58, 31, 9 };
		List<PastStep> steps = new ArrayList<>();
		for (int i = 0; i < daysAgo.length; i++) {
			Instant received = this.generator.at(this.today.minusDays(daysAgo[i]), 9 * 60 + 40 + 37 * i);
			cases.add(this.generator.wholeServiceCase(home, received,
					(i == 3 || i == 5) ? AbuseType.NEGLECT : AbuseType.PHYSICAL, summaries[i], id, i >= 2, i == 4));
			if (i >= 3) {
				steps.add(new PastStep(received.plus(Duration.ofHours(3)), this.cast.lead().id(), lead(),
						"WSE_CONCERN_LINKED", "A new safeguarding concern at the home, counted in this enquiry."));
			}
		}
		Instant suggested = this.generator.at(this.today.minusDays(72), 7 * 60);
		Instant decided = this.generator.at(this.today.minusDays(70), 11 * 60 + 15);
		String detail = "Three safeguarding concerns about moving and handling at " + home.name()
				+ " within six weeks, two of them section 42 enquiries caused to the provider.";
		String reasons = "The concerns share a cause: hoisting by one carer, slings not assessed and no moving and handling"
				+ " lead since the deputy manager left. Other residents are likely at the same risk. A whole-service"
				+ " enquiry led by the council, with CQC, the ICB and the police.";
		steps.add(0, new PastStep(suggested, null, "CareCycle", "WSE_SUGGESTED", detail));
		steps.add(1, new PastStep(decided, this.cast.lead().id(), lead(), "WSE_OPENED", reasons));
		List<Attendee> strategyAttendees = List.of(new Attendee(lead(), Agency.COUNCIL),
				new Attendee(qa(), Agency.COUNCIL), new Attendee(manager(home), Agency.PROVIDER),
				new Attendee("Operations director", Agency.PROVIDER), new Attendee("Claire Nance", Agency.CQC),
				new Attendee("DC Ellis Hosken", Agency.POLICE), new Attendee("Ruth Polglase", Agency.NHS),
				new Attendee("Sunita Rao", Agency.ICB), new Attendee("Gareth Lyne", Agency.OTHER_COUNCIL));
		LocalDate strategyOn = this.today.minusDays(66);
		PastMeeting strategy = new PastMeeting(MeetingKind.STRATEGY, strategyOn,
				"1. The concerns and what is known. 2. Risks to other residents. 3. Who does what. 4. Telling residents and families.",
				"Six residents need hoisting. The provider accepts that two-carer transfers are not always done at night."
						+ " Police will not investigate the first incident as a crime. The ICB care home nurse will review"
						+ " every hoisted resident's plan. Devon places two residents and will review them. CQC will"
						+ " consider a focused inspection.",
				this.generator.at(strategyOn, 16 * 60), lead(), strategyAttendees,
				List.of(new PastAction("Review the moving and handling plan of every resident who is hoisted",
						"Ruth Polglase", null, strategyOn.plusDays(14),
						this.generator.at(strategyOn.plusDays(12), 15 * 60), null),
						new PastAction("Send the rota for nights for the last eight weeks and the training matrix",
								manager(home), null, strategyOn.plusDays(7),
								this.generator.at(strategyOn.plusDays(6), 10 * 60), null),
						new PastAction("Visit unannounced at night and observe transfers", qa(), QA_EMAIL,
								strategyOn.plusDays(21), this.generator.at(strategyOn.plusDays(18), 23 * 60), null),
						new PastAction("Write to families of residents who are hoisted", lead(), LEAD_EMAIL,
								strategyOn.plusDays(5), this.generator.at(strategyOn.plusDays(3), 12 * 60), null)));
		LocalDate reviewOn = this.today.minusDays(36);
		PastMeeting review = new PastMeeting(MeetingKind.REVIEW, reviewOn,
				"1. Actions from the strategy meeting. 2. New concerns. 3. Whether to suspend placements. 4. Next steps.",
				"All strategy actions done. The night visit found one transfer without a second carer. A further concern"
						+ " (neglect: left in a sling) since the last meeting. The provider has no moving and handling lead."
						+ " Agreed to ask for new placements to be suspended while the enquiry runs; CQC inspection booked.",
				this.generator.at(reviewOn, 15 * 60 + 30), lead(), strategyAttendees.subList(0, 8),
				List.of(new PastAction("Appoint a moving and handling lead and send their training plan", manager(home),
						null, this.today.minusDays(6), null, this.generator.at(this.today.minusDays(5), 9 * 60)),
						new PastAction("Service and check every hoist and sling; send the certificates", manager(home),
								null, reviewOn.plusDays(10), this.generator.at(reviewOn.plusDays(8), 14 * 60), null),
						new PastAction("Second unannounced night visit", qa(), QA_EMAIL, this.today.plusDays(7), null,
								null),
						new PastAction("Update Devon County Council on its two residents", lead(), LEAD_EMAIL,
								reviewOn.plusDays(3), this.generator.at(reviewOn.plusDays(2), 11 * 60), null)));
		steps.add(new PastStep(this.generator.at(strategyOn, 16 * 60), this.cast.lead().id(), lead(), "WSE_MEETING",
				"Strategy meeting"));
		steps.add(new PastStep(this.generator.at(reviewOn, 15 * 60 + 30), this.cast.lead().id(), lead(), "WSE_MEETING",
				"Review meeting"));
		steps.add(new PastStep(this.generator.at(this.today.minusDays(35), 10 * 60), this.cast.lead().id(), lead(),
				"WSE_SUSPENSION_ASKED",
				"Asked for new placements at the home to be suspended while the enquiry runs."));
		List<PastCommunication> log = List.of(
				new PastCommunication(this.today.minusDays(65), Audience.PLACING_COUNCIL, "Devon County Council",
						"Told of the enquiry; they place two residents and will review both.", lead(),
						this.generator.at(this.today.minusDays(65), 12 * 60)),
				new PastCommunication(this.today.minusDays(63), Audience.FAMILY,
						"Families of the six residents who are hoisted",
						"Letter explaining the enquiry, what is being checked and whom to call.", lead(),
						this.generator.at(this.today.minusDays(63), 16 * 60)),
				new PastCommunication(this.today.minusDays(60), Audience.CQC, "CQC inspector",
						"Shared the strategy meeting's minutes and actions.", qa(),
						this.generator.at(this.today.minusDays(60), 10 * 60)),
				new PastCommunication(this.today.minusDays(35), Audience.PROVIDER, manager(home),
						"Letter: new placements suspended while the enquiry runs, and why.", lead(),
						this.generator.at(this.today.minusDays(35), 15 * 60)),
				new PastCommunication(this.today.minusDays(29), Audience.RESIDENT, "Residents' meeting",
						"Explained to residents, with an advocate present, what is happening and that they can talk to us.",
						qa(), this.generator.at(this.today.minusDays(29), 14 * 60)),
				new PastCommunication(this.today.minusDays(8), Audience.FAMILY, "Families of residents",
						"Update after the review meeting; next meeting date given.", lead(),
						this.generator.at(this.today.minusDays(8), 11 * 60)));
		return new PastWholeService(id, home.id(), home.providerId(), home.name(), this.generator.providerName(home),
				Status.OPEN, suggested, Reason.CLUSTER, detail, decided, this.cast.lead().id(), lead(), reasons, true,
				decided, null, null, List.of(strategy, review), log, steps);
	}

	/** The older enquiry, closed at its closing meeting. */
	PastWholeService closed(NewService home, List<PastConcern> cases) {
		UUID id = new UUID(this.generator.random.nextLong(), this.generator.random.nextLong());
		String[] summaries = {
				"{p} missed {their} evening medicines on three nights at {s}; agency nurse could not access the medicines room.",
				"{p} given another resident's medicines at {s}; monitored overnight by the GP, no lasting harm.",
				"Controlled drugs register at {s} does not match stock; {p}'s pain patches unaccounted for.",
				"{p} at {s} went without prescribed antibiotics for four days because the prescription was not collected." };
		int[] daysAgo = { 590, 575, 562, 548 };
		List<PastStep> steps = new ArrayList<>();
		for (int i = 0; i < daysAgo.length; i++) {
			Instant received = this.generator.at(this.today.minusDays(daysAgo[i]), 10 * 60 + 20 * i);
			cases.add(
					this.generator.wholeServiceCase(home, received, AbuseType.NEGLECT, summaries[i], id, false, false));
		}
		Instant suggested = this.generator.at(this.today.minusDays(546), 7 * 60);
		Instant decided = this.generator.at(this.today.minusDays(544), 14 * 60);
		String detail = "Four safeguarding concerns about medicines at " + home.name() + " within seven weeks.";
		String reasons = "A pattern of medicines errors across shifts and nurses; the home relies on agency nurses."
				+ " A whole-service enquiry with the ICB's medicines optimisation team.";
		steps.add(new PastStep(suggested, null, "CareCycle", "WSE_SUGGESTED", detail));
		steps.add(new PastStep(decided, this.cast.lead().id(), lead(), "WSE_OPENED", reasons));
		List<Attendee> attendees = List.of(new Attendee(lead(), Agency.COUNCIL), new Attendee(qa(), Agency.COUNCIL),
				new Attendee(manager(home), Agency.PROVIDER), new Attendee("Claire Nance", Agency.CQC),
				new Attendee("Imran Siddiqui", Agency.ICB), new Attendee("Ruth Polglase", Agency.NHS));
		LocalDate strategyOn = this.today.minusDays(540);
		LocalDate reviewOn = this.today.minusDays(505);
		LocalDate closingOn = this.today.minusDays(462);
		PastMeeting strategy = new PastMeeting(MeetingKind.STRATEGY, strategyOn,
				"1. The medicines errors. 2. Risks to residents. 3. Actions.",
				"Errors on every shift pattern; the home has four agency nurses a week. The ICB pharmacist will audit"
						+ " every resident's medicines.",
				this.generator.at(strategyOn, 16 * 60), lead(), attendees,
				List.of(new PastAction("Audit every resident's medicines", "Imran Siddiqui", null,
						strategyOn.plusDays(14), this.generator.at(strategyOn.plusDays(13), 12 * 60), null),
						new PastAction("Medicines competency checks for every nurse, agency included", manager(home),
								null, strategyOn.plusDays(28), this.generator.at(strategyOn.plusDays(27), 12 * 60),
								null)));
		PastMeeting review = new PastMeeting(MeetingKind.REVIEW, reviewOn,
				"1. The audit. 2. Competency checks. 3. New concerns.",
				"The audit found most errors at the evening round; a second check is now in place. No new concerns.",
				this.generator.at(reviewOn, 15 * 60), lead(), attendees,
				List.of(new PastAction("Monthly medicines audit for three months, shared with the council",
						manager(home), null, reviewOn.plusDays(90), this.generator.at(reviewOn.plusDays(88), 10 * 60),
						null)));
		String closing = "Three clean monthly audits; two permanent nurses recruited; residents and families content."
				+ " The enquiry is closed; the home stays on routine monitoring.";
		PastMeeting closingMeeting = new PastMeeting(MeetingKind.CLOSING, closingOn,
				"1. Evidence the risks are reduced. 2. Closing the enquiry.", closing,
				this.generator.at(closingOn, 15 * 60), lead(), attendees, List.of());
		steps.add(new PastStep(this.generator.at(strategyOn, 16 * 60), this.cast.lead().id(), lead(), "WSE_MEETING",
				"Strategy meeting"));
		steps.add(new PastStep(this.generator.at(reviewOn, 15 * 60), this.cast.lead().id(), lead(), "WSE_MEETING",
				"Review meeting"));
		Instant closedAt = this.generator.at(closingOn, 17 * 60);
		steps.add(new PastStep(closedAt, this.cast.lead().id(), lead(), "WSE_CLOSED", closing));
		List<PastCommunication> log = List.of(
				new PastCommunication(strategyOn.plusDays(2), Audience.FAMILY, "Families of residents",
						"Letter explaining the enquiry into medicines.", lead(),
						this.generator.at(strategyOn.plusDays(2), 12 * 60)),
				new PastCommunication(closingOn.plusDays(1), Audience.FAMILY, "Families of residents",
						"Letter: the enquiry is closed and what has changed.", lead(),
						this.generator.at(closingOn.plusDays(1), 12 * 60)));
		return new PastWholeService(id, home.id(), home.providerId(), home.name(), this.generator.providerName(home),
				Status.CLOSED, suggested, Reason.CLUSTER, detail, decided, this.cast.lead().id(), lead(), reasons,
				false, decided, closedAt, closing, List.of(strategy, review, closingMeeting), log, steps);
	}

}
