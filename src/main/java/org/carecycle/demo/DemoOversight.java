package org.carecycle.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.PastEscalations;
import org.carecycle.oversight.PastEscalations.PastDecision;
import org.carecycle.oversight.PastEscalations.PastLadder;
import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.shared.Role;

import org.springframework.stereotype.Component;

/**
 * The demo county's oversight: services at every stage of the escalation ladder, with
 * their decisions, letters, plans and deadlines (some met, some overdue), chosen from the
 * riskiest services; and every service's risk score month by month over the last eighteen
 * months, a believable path to the score its evidence gives today.
 */
@Component
class DemoOversight {

	/** Months of risk history the demo carries. */
	static final int HISTORY_MONTHS = 18;

	private final RiskProfiles profiles;

	private final PastEscalations escalations;

	DemoOversight(RiskProfiles profiles, PastEscalations escalations) {
		this.profiles = profiles;
		this.escalations = escalations;
	}

	/** What was loaded. */
	record Loaded(int ladders, int historyPoints) {
	}

	/**
	 * Scores every service, puts the riskiest on the ladder, scores them again (contract
	 * action counts) and writes their history.
	 * @param providerOf each demo service's provider
	 * @param demoProvider the demo provider user's organisation, kept off the ladder so
	 * that its portal stays as the walkthrough describes it
	 */
	Loaded load(LocalDate today, long seed, Map<UUID, UUID> providerOf, UUID demoProvider, DemoReviews.Person officer,
			DemoReviews.Person senior) {
		this.profiles.recomputeAll();
		int ladders = (officer != null && senior != null) ? ladders(today, providerOf, demoProvider, officer, senior)
				: 0;
		this.profiles.recomputeAll();
		int points = history(today, seed);
		return new Loaded(ladders, points);
	}

	private int ladders(LocalDate today, Map<UUID, UUID> providerOf, UUID demoProvider, DemoReviews.Person officer,
			DemoReviews.Person senior) {
		List<RiskProfiles.Ranked> ranked = this.profiles.register(RiskBand.LOW, 200, 0);
		List<RiskProfiles.Ranked> candidates = new ArrayList<>();
		Set<UUID> providers = new HashSet<>();
		for (RiskProfiles.Ranked r : ranked) {
			UUID provider = providerOf.get(r.serviceId());
			if (provider != null && !provider.equals(demoProvider) && providers.add(provider)) {
				candidates.add(r);
			}
		}
		Ladders plan = new Ladders(today, officer, senior);
		List<List<PastDecision>> ladders = plan.all();
		int recorded = 0;
		for (int i = 0; i < ladders.size() && i < candidates.size(); i++) {
			// the ladder back at routine monitoring is a service whose risk has fallen
			int pick = (i == ladders.size() - 1) ? Math.min(candidates.size() - 1, 40) : i;
			UUID service = candidates.get(pick).serviceId();
			Ladders.Letters letters = plan.letters(i);
			this.escalations.record(new PastLadder(providerOf.get(service), service, officer.id(), ladders.get(i),
					letters.sent(), letters.planReceived()));
			recorded++;
		}
		return recorded;
	}

	/**
	 * Monthly scores on the first of each of the last eighteen months, ending near
	 * today's score: services at risk now mostly climbed there over the last few months
	 * from a lower level; the rest wander a little around their score, and some had a bad
	 * spell (a cluster of concerns, a late return) that passed.
	 */
	private int history(LocalDate today, long seed) {
		List<RiskProfiles.PastScore> scores = new ArrayList<>();
		for (Map.Entry<UUID, Integer> entry : this.profiles.currentScores().entrySet()) {
			UUID service = entry.getKey();
			int now = entry.getValue();
			Random random = new Random(seed ^ service.getMostSignificantBits() ^ service.getLeastSignificantBits());
			int[] path = path(now, random);
			YearMonth month = YearMonth.from(today);
			for (int ago = HISTORY_MONTHS; ago >= 1; ago--) {
				scores.add(new RiskProfiles.PastScore(service, month.minusMonths(ago).atDay(1), path[ago]));
			}
		}
		int written = 0;
		for (int from = 0; from < scores.size(); from += 20_000) {
			written += this.profiles.recordPastScores(scores.subList(from, Math.min(scores.size(), from + 20_000)));
		}
		return written;
	}

	/** Scores indexed by months ago (1 to 18; 0 is today's). */
	static int[] path(int now, Random random) {
		int[] path = new int[HISTORY_MONTHS + 1];
		path[0] = now;
		if (now >= RiskBand.HIGH.lowestScore()) {
			// a rise over a few months, from a lower level held before it
			int before = (int) Math.round(now * (0.3 + 0.35 * random.nextDouble()));
			int startedAgo = 2 + random.nextInt(8);
			int rampMonths = 1 + random.nextInt(3);
			for (int ago = 1; ago <= HISTORY_MONTHS; ago++) {
				double level;
				if (ago >= startedAgo + rampMonths) {
					level = before;
				}
				else if (ago >= startedAgo) {
					double done = (double) (startedAgo + rampMonths - ago) / rampMonths;
					level = before + (now - before) * done;
				}
				else {
					level = now;
				}
				path[ago] = clamp(level + noise(random, 3));
			}
		}
		else if (now >= RiskBand.MEDIUM.lowestScore()) {
			// a drift to today's score
			int start = clamp(now + random.nextInt(21) - 10);
			for (int ago = 1; ago <= HISTORY_MONTHS; ago++) {
				double level = now + (start - now) * (double) ago / HISTORY_MONTHS;
				path[ago] = clamp(level + noise(random, 3));
			}
		}
		else {
			// steady, perhaps with a bad spell that passed
			boolean spell = random.nextInt(100) < 15;
			int spellAgo = 6 + random.nextInt(9);
			int spellLength = 2 + random.nextInt(2);
			int spellPoints = 8 + random.nextInt(11);
			for (int ago = 1; ago <= HISTORY_MONTHS; ago++) {
				double level = now;
				if (spell && ago <= spellAgo && ago > spellAgo - spellLength) {
					level += spellPoints;
				}
				path[ago] = clamp(level + noise(random, 2));
			}
		}
		return path;
	}

	private static double noise(Random random, int size) {
		return random.nextInt(2 * size + 1) - size;
	}

	private static int clamp(double score) {
		return (int) Math.max(0, Math.min(100, Math.round(score)));
	}

	/**
	 * The demo's ladders, riskiest first: one under contract action after a suspension;
	 * two suspensions (one whose letter is overdue, one after serious safeguarding
	 * concerns whose week-4 review is overdue); two at provider concerns (one review
	 * overdue); three in enhanced monitoring (one review overdue); and one returned to
	 * routine monitoring after its improvement plan was met.
	 */
	private record Ladders(LocalDate today, DemoReviews.Person officer, DemoReviews.Person senior) {

		record Letters(LocalDate sent, LocalDate planReceived) {
		}

		Letters letters(int ladder) {
			return switch (ladder) {
				case 0 -> new Letters(day(-145), day(-141));
				case 2 -> new Letters(day(-31), day(-27));
				default -> new Letters(null, null);
			};
		}

		List<List<PastDecision>> all() {
			return List.of(List.of(
					enhanced(-240, -180,
							"Two concerns about missed medicines and a KPI return out of tolerance for falls."),
					concerns(-200, -140,
							"A third medicines error, a CQC report rating Safe as Inadequate and four concerns in a month."),
					suspension(-150, -122, false,
							"The provider has not met its improvement plan; the multi-agency meeting found people at risk of harm."),
					contract(-20, 25,
							"No improvement at the week-4 reviews; a contract default notice served with a plan to move people safely.")),
					List.of(enhanced(-95, -30,
							"Falls above tolerance for three months and two concerns about staffing at night."),
							concerns(-40, 20, "A serious incident at night and a poor CQC report."),
							suspension(-12, 16, false,
									"Staffing at night is still unsafe; new placements are suspended until it is put right.")),
					List.of(concerns(-60, -10,
							"Three safeguarding referrals about moving and handling in six weeks; the council is leading an enquiry."),
							suspension(-35, -7, true,
									"Serious safeguarding concerns: new placements are suspended while the enquiry runs.")),
					List.of(enhanced(-130, -60,
							"A council review rated Requires improvement and complaints about meals."),
							concerns(-55, 14,
									"Weight loss recorded for four residents and the action plan not followed; a multi-agency meeting is called.")),
					List.of(concerns(-70, -6,
							"A cluster of pressure ulcers reported by the district nurses; the registered manager has left.")),
					List.of(enhanced(-45, 45,
							"Two late KPI returns and a council review rated Requires improvement; an improvement plan is agreed.")),
					List.of(enhanced(-100, -10,
							"Concerns about missed and late home care visits rising against the service's own history.")),
					List.of(enhanced(-20, 70,
							"A new registered manager after a gap of five months; monthly visits agreed.")),
					List.of(enhanced(-300, -210,
							"Complaints about activities and a council review rated Requires improvement."),
							routine(-200,
									"The improvement plan has been met and the follow-up review rated the service Good.")));
		}

		private PastDecision enhanced(int on, int review, String evidence) {
			return new PastDecision(day(on), EscalationStage.ENHANCED, evidence,
					"An agreed improvement plan and monthly monitoring visits.", day(review), this.officer.id(),
					this.officer.name(), Role.QA_OFFICER, false);
		}

		private PastDecision concerns(int on, int review, String evidence) {
			return new PastDecision(day(on), EscalationStage.PROVIDER_CONCERNS, evidence,
					"A whole-service concern: a lead officer is appointed and CQC, the ICB and placing authorities are told.",
					day(review), this.senior.id(), this.senior.name(), Role.COMMISSIONER, false);
		}

		private PastDecision suspension(int on, int review, boolean afterSafeguarding, String evidence) {
			return new PastDecision(day(on), EscalationStage.SUSPENSION, evidence,
					"New placements are suspended; the letter and remedial action plan go to the provider.",
					day(review), this.senior.id(), this.senior.name(), Role.COMMISSIONER, afterSafeguarding);
		}

		private PastDecision contract(int on, int review, String evidence) {
			return new PastDecision(day(on), EscalationStage.CONTRACT_ACTION, evidence,
					"Contract default: the council plans with each person and family a safe move to another service.",
					day(review), this.senior.id(), this.senior.name(), Role.COMMISSIONER, false);
		}

		private PastDecision routine(int on, String evidence) {
			return new PastDecision(day(on), EscalationStage.ROUTINE, evidence, "Back to routine contract monitoring.",
					null, this.officer.id(), this.officer.name(), Role.QA_OFFICER, false);
		}

		private LocalDate day(int offset) {
			return this.today.plusDays(offset);
		}

	}

}
