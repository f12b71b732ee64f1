package org.carecycle.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.CqcRating;
import org.carecycle.providers.ServiceType;
import org.carecycle.quality.ReviewProgramme.Officer;
import org.carecycle.quality.ReviewProgramme.Plan;
import org.carecycle.quality.ReviewProgramme.Proposal;
import org.carecycle.quality.ReviewProgramme.Reason;
import org.carecycle.quality.ReviewProgramme.ServiceStanding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner puts services overdue for their review, and services never reviewed, first:
 * at the top priority, in the earliest month an officer has room, riskiest first.
 */
class ReviewProgrammeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static ServiceStanding service(String name, LocalDate lastVisit, QaRating lastRating, CqcRating cqc,
			LocalDate firstContract) {
		ServiceStanding row = new ServiceStanding(UUID.randomUUID(), name, "A provider", ServiceType.CARE_HOME, "Truro",
				lastVisit, lastRating, cqc, firstContract, 0, 0, null, null, null, null, 0, List.of(), null, null);
		return ReviewProgramme.score(row, Map.of(), TODAY);
	}

	private final ServiceStanding overdueGood = service("Overdue and rated Good", LocalDate.of(2025, 10, 1),
			QaRating.GOOD, CqcRating.GOOD, LocalDate.of(2020, 4, 1));

	private final ServiceStanding overdueRequiresImprovement = service("Overdue and rated Requires improvement",
			LocalDate.of(2025, 11, 20), QaRating.REQUIRES_IMPROVEMENT, CqcRating.GOOD, LocalDate.of(2020, 4, 1));

	private final ServiceStanding neverReviewed = service("Never reviewed", null, null, null,
			LocalDate.of(2026, 11, 1));

	private List<ServiceStanding> risky() {
		// high risk, due six months after the last visit: before the overdue services'
		// due dates
		return List.of(
				service("Risky 1", LocalDate.of(2026, 3, 1), QaRating.POOR, CqcRating.INADEQUATE,
						LocalDate.of(2020, 4, 1)),
				service("Risky 2", LocalDate.of(2026, 3, 2), QaRating.POOR, CqcRating.INADEQUATE,
						LocalDate.of(2020, 4, 1)),
				service("Risky 3", LocalDate.of(2026, 3, 3), QaRating.POOR, CqcRating.INADEQUATE,
						LocalDate.of(2020, 4, 1)),
				service("Risky 4", LocalDate.of(2026, 3, 4), QaRating.POOR, CqcRating.INADEQUATE,
						LocalDate.of(2020, 4, 1)));
	}

	@Test
	void anOverdueServiceIsAtTheTopPriorityWithItsReasonNamed() {
		assertThat(this.overdueGood.band()).isEqualTo("HIGH");
		assertThat(this.overdueGood.reasons()).extracting(Reason::key).first().isEqualTo("programme.reason.overdue");
		assertThat(this.overdueGood.reasons().get(0).count()).isEqualTo(67);
		assertThat(this.neverReviewed.band()).isEqualTo("HIGH");
		assertThat(this.neverReviewed.reasons()).extracting(Reason::key).contains("programme.reason.neverReviewed");
		// a service reviewed on time keeps its own priority
		ServiceStanding onTime = service("On time", LocalDate.of(2026, 6, 1), QaRating.GOOD, CqcRating.GOOD,
				LocalDate.of(2020, 4, 1));
		assertThat(onTime.band()).isEqualTo("LOW");
	}

	@Test
	void overdueAndNeverReviewedServicesArePlannedFirstInTheEarliestMonthWithRoom() {
		List<ServiceStanding> all = new java.util.ArrayList<>(risky());
		all.add(this.overdueGood);
		all.add(this.neverReviewed);
		all.add(this.overdueRequiresImprovement);
		Plan plan = ReviewProgramme.plan(TODAY, all, List.of(new Officer(UUID.randomUUID(), "Morwenna Hicks", 3)));
		List<String> order = plan.proposals().stream().map(p -> p.service().serviceName()).toList();
		assertThat(order.subList(0, 3)).containsExactly("Overdue and rated Requires improvement",
				"Overdue and rated Good", "Never reviewed");
		for (Proposal p : plan.proposals().subList(0, 3)) {
			assertThat(YearMonth.from(p.proposedFor())).isEqualTo(YearMonth.of(2026, 12));
			assertThat(p.officerName()).isEqualTo("Morwenna Hicks");
			assertThat(p.service().band()).isEqualTo("HIGH");
		}
		// the riskiest of the rest take the next months with room
		assertThat(plan.proposals().subList(3, 6))
			.allSatisfy(p -> assertThat(YearMonth.from(p.proposedFor())).isEqualTo(YearMonth.of(2027, 1)));
	}

}
