package org.carecycle.oversight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;

import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The ladder's rules: who decides, and the timers of a suspension. */
class EscalationTests {

	/** Monday 2 November 2026. */
	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

	/** Weekdays only, for these tests (the application also skips bank holidays). */
	private static final BiFunction<LocalDate, Integer, LocalDate> WEEKDAYS = (from, days) -> {
		LocalDate date = from;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	};

	private Escalation service() {
		return Escalation.start("ESC-2026-00001", Escalation.Subject.SERVICE, UUID.randomUUID(), UUID.randomUUID(),
				MONDAY, NOW);
	}

	@Test
	void officersManageMonitoringAndSeniorManagersDecideEverythingAbove() {
		assertThat(EscalationStage.decidersOf(EscalationStage.ROUTINE, EscalationStage.ENHANCED))
			.contains(Role.QA_OFFICER, Role.COMMISSIONER);
		assertThat(EscalationStage.decidersOf(EscalationStage.ENHANCED, EscalationStage.PROVIDER_CONCERNS))
			.containsExactly(Role.COMMISSIONER);
		// stepping down from a suspension is as much a senior decision as stepping up to
		// it
		assertThat(EscalationStage.decidersOf(EscalationStage.SUSPENSION, EscalationStage.ENHANCED))
			.containsExactly(Role.COMMISSIONER);
	}

	@Test
	void aSuspensionSetsTheLetterWeekFourReviewAndAppealDeadlines() {
		Escalation escalation = service();
		escalation.move(EscalationStage.SUSPENSION, MONDAY, MONDAY.plusDays(60), UUID.randomUUID(), false, WEEKDAYS,
				NOW);
		assertThat(escalation.stage().isEmbargo()).isTrue();
		// 7 working days from Monday 2 November: Wednesday 11 November
		assertThat(escalation.letterDueOn()).isEqualTo(LocalDate.of(2026, 11, 11));
		assertThat(escalation.planDueOn()).isEqualTo(escalation.letterDueOn());
		// reviewed at week 4 at the latest, whatever date was asked for
		assertThat(escalation.nextReviewOn()).isEqualTo(MONDAY.plusDays(28));
		// appeal within 5 working days: Monday 9 November
		assertThat(escalation.appealBy()).isEqualTo(LocalDate.of(2026, 11, 9));
		assertThat(escalation.isOpenForAppeal(LocalDate.of(2026, 11, 9))).isTrue();
		assertThat(escalation.isOpenForAppeal(LocalDate.of(2026, 11, 10))).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> escalation.recordAppeal(LocalDate.of(2026, 11, 10), "Late", NOW))
			.withMessageContaining("after the 5 working days");
		escalation.recordAppeal(LocalDate.of(2026, 11, 6), "Heard; suspension stands", NOW);
		assertThat(escalation.appealReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 6));
	}

	@Test
	void aSuspensionAfterSeriousSafeguardingConcernsHasNoAppeal() {
		Escalation escalation = service();
		escalation.move(EscalationStage.SUSPENSION, MONDAY, MONDAY.plusDays(14), UUID.randomUUID(), true, WEEKDAYS,
				NOW);
		assertThat(escalation.appealBy()).isNull();
		assertThat(escalation.nextReviewOn()).isEqualTo(MONDAY.plusDays(14));
		assertThatIllegalStateException().isThrownBy(() -> escalation.recordAppeal(MONDAY, "Appeal", NOW))
			.withMessageContaining("no appeal");
	}

	@Test
	void everyMoveAboveRoutineNeedsAFutureReviewDateAndALeadOfficer() {
		Escalation escalation = service();
		assertThatIllegalArgumentException().isThrownBy(
				() -> escalation.move(EscalationStage.ENHANCED, MONDAY, null, UUID.randomUUID(), false, WEEKDAYS, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> escalation.move(EscalationStage.ENHANCED, MONDAY, MONDAY,
				UUID.randomUUID(), false, WEEKDAYS, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> escalation.move(EscalationStage.ENHANCED, MONDAY,
				MONDAY.plusDays(7), null, false, WEEKDAYS, NOW));
		assertThatIllegalStateException()
			.isThrownBy(() -> escalation.move(EscalationStage.ROUTINE, MONDAY, null, null, false, WEEKDAYS, NOW));
		escalation.move(EscalationStage.ENHANCED, MONDAY, MONDAY.plusDays(7), UUID.randomUUID(), false, WEEKDAYS, NOW);
		assertThatIllegalStateException().isThrownBy(() -> escalation.recordLetterSent(MONDAY, NOW))
			.withMessageContaining("Only a suspension");
		escalation.move(EscalationStage.ROUTINE, MONDAY.plusDays(7), null, null, false, WEEKDAYS, NOW);
		assertThat(escalation.nextReviewOn()).isNull();
		assertThat(escalation.leadOfficerId()).isNull();
	}

	@Test
	void liftingASuspensionClearsItsTimers() {
		Escalation escalation = service();
		escalation.move(EscalationStage.SUSPENSION, MONDAY, MONDAY.plusDays(20), UUID.randomUUID(), false, WEEKDAYS,
				NOW);
		escalation.move(EscalationStage.ENHANCED, MONDAY.plusDays(28), MONDAY.plusDays(60), UUID.randomUUID(), false,
				WEEKDAYS, NOW);
		assertThat(escalation.stage().isEmbargo()).isFalse();
		assertThat(escalation.letterDueOn()).isNull();
		assertThat(escalation.appealBy()).isNull();
	}

}
