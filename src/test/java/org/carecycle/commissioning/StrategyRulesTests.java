package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecycle.commissioning.CycleStage.Quarter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The moves a strategy may make, and where a care group stands in the cycle. */
class StrategyRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static Strategy strategy(StrategyStatus status, LocalDate careAct, LocalDate reviewDue) {
		return new Strategy(UUID.randomUUID(), 0, "CS-0001", "Strategy", CareGroup.CARERS, UUID.randomUUID(), "Owner",
				null, TODAY.minusMonths(1), TODAY.plusYears(4), status, reviewDue, null, null, careAct, "Lead",
				"Compliant");
	}

	@Test
	void approvalNeedsAPriorityTheCareActReviewAndAReviewDateToCome() {
		Strategy ready = strategy(StrategyStatus.CONSULTATION, TODAY.minusDays(3), TODAY.plusYears(1));
		ready.checkMove(StrategyStatus.APPROVED, 1, TODAY);
		assertThatThrownBy(() -> ready.checkMove(StrategyStatus.APPROVED, 0, TODAY)).isInstanceOfSatisfying(
				Strategy.RefusedException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("strategy.move.noPriorities"));
		assertThatThrownBy(() -> strategy(StrategyStatus.CONSULTATION, null, TODAY.plusYears(1))
			.checkMove(StrategyStatus.APPROVED, 2, TODAY)).isInstanceOfSatisfying(Strategy.RefusedException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("strategy.move.noCareActReview"));
		assertThatThrownBy(
				() -> strategy(StrategyStatus.CONSULTATION, TODAY, TODAY).checkMove(StrategyStatus.APPROVED, 2, TODAY))
			.isInstanceOfSatisfying(Strategy.RefusedException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("strategy.move.noReviewDate"));
	}

	@Test
	void aDraftIsNotApprovedWithoutConsultationAndAnExpiredStrategyNeverMoves() {
		Strategy draft = strategy(StrategyStatus.DRAFT, TODAY, TODAY.plusYears(1));
		assertThatThrownBy(() -> draft.checkMove(StrategyStatus.APPROVED, 3, TODAY))
			.isInstanceOf(Strategy.RefusedException.class);
		for (StrategyStatus target : StrategyStatus.values()) {
			assertThat(StrategyStatus.EXPIRED.canMoveTo(target)).isFalse();
		}
		assertThat(StrategyStatus.APPROVED.next()).containsExactlyInAnyOrder(StrategyStatus.IN_REVIEW,
				StrategyStatus.EXPIRED);
	}

	@Test
	void anApprovedStrategyPastItsReviewDateIsOverdue() {
		assertThat(strategy(StrategyStatus.APPROVED, TODAY, TODAY.minusDays(1)).isReviewOverdue(TODAY)).isTrue();
		assertThat(strategy(StrategyStatus.APPROVED, TODAY, TODAY).isReviewOverdue(TODAY)).isFalse();
		assertThat(strategy(StrategyStatus.DRAFT, TODAY, TODAY.minusDays(1)).isReviewOverdue(TODAY)).isFalse();
	}

	private static Strategies.Row row(StrategyStatus status, boolean overdue) {
		return new Strategies.Row(UUID.randomUUID(), "CS-0001", "S", CareGroup.CARERS, status, "O", TODAY, TODAY, TODAY,
				TODAY, overdue);
	}

	private static Intentions.Intention intention(UUID strategy, IntentionStatus status) {
		return new Intentions.Intention(UUID.randomUUID(), 0, strategy, "CS-0001", "S", CareGroup.CARERS,
				UUID.randomUUID(), "P", "I", null, IntentionService.CARERS_SUPPORT, null, null, "2026", null,
				IntentionRoute.GRANT, status);
	}

	@Test
	void aCareGroupStandsWhereItsStrategyAndIntentionsAre() {
		assertThat(CycleView.standsAt(List.of(), List.of())).isEqualTo(Quarter.ANALYSE);
		assertThat(CycleView.standsAt(List.of(row(StrategyStatus.DRAFT, false)), List.of())).isEqualTo(Quarter.PLAN);
		Strategies.Row approved = row(StrategyStatus.APPROVED, false);
		assertThat(CycleView.standsAt(List.of(approved), List.of())).isEqualTo(Quarter.PLAN);
		assertThat(CycleView.standsAt(List.of(approved), List.of(intention(approved.id(), IntentionStatus.PLANNED))))
			.isEqualTo(Quarter.DO);
		assertThat(CycleView.standsAt(List.of(approved), List.of(intention(approved.id(), IntentionStatus.IN_PLACE))))
			.isEqualTo(Quarter.REVIEW);
		Strategies.Row overdue = row(StrategyStatus.APPROVED, true);
		assertThat(CycleView.standsAt(List.of(overdue), List.of(intention(overdue.id(), IntentionStatus.PLANNED))))
			.isEqualTo(Quarter.REVIEW);
	}

}
