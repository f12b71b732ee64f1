package org.carecycle.journeys;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's planning journey in a browser: a commissioner writes a strategy, is refused
 * its approval until it has a priority and its Care Act compliance review, adds evidence,
 * takes it through consultation to approval, adds an intention grown from the priority,
 * and finds it on the cycle view; then anyone, without signing in, reads the published
 * Market Position Statement. Every page is scanned for accessibility.
 */
class CommissioningPlansJourneyTests extends JourneyTest {

	private static void submit(Browser.Tab tab) {
		tab.checkAccessibility();
		tab.page.click("main button[type=submit]");
	}

	private static void date(Browser.Tab tab, String field, LocalDate date) {
		tab.page.fill("input[name=" + field + "Day]", String.valueOf(date.getDayOfMonth()));
		tab.page.fill("input[name=" + field + "Month]", String.valueOf(date.getMonthValue()));
		tab.page.fill("input[name=" + field + "Year]", String.valueOf(date.getYear()));
	}

	@Test
	void aCommissionerWritesApprovesAndGrowsAnIntentionFromAStrategy() {
		LocalDate today = LocalDate.now(UkTime.ZONE);
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go("/commissioning");
			assertThat(tab.page.locator("main")).containsText("Learning disability");
			tab.checkAccessibility();
			tab.go("/commissioning/strategies/new");
			tab.page.fill("#title", "Physical disability and sensory impairment strategy");
			tab.page.check("input[name=careGroup][value=PHYSICAL_DISABILITY]");
			tab.page.selectOption("select[name=owner]",
					new com.microsoft.playwright.options.SelectOption().setIndex(1));
			tab.page.fill("#summary", "Accessible homes, equipment and support to live independently.");
			date(tab, "from", today.withDayOfMonth(1));
			date(tab, "to", today.withDayOfMonth(1).plusYears(4));
			date(tab, "review", today.plusYears(1));
			submit(tab);
			assertThat(tab.page).hasURL(Pattern.compile(".*/commissioning/strategies/[0-9a-f-]{36}.*"));
			String strategy = tab.page.url().replaceAll("[?#].*", "");
			assertThat(tab.page.locator("#status")).hasText("Draft");
			tab.checkAccessibility();

			// out to consultation, then refused approval without a priority
			tab.page.navigate(strategy + "/status");
			tab.page.check("input[name=status][value=CONSULTATION]");
			submit(tab);
			assertThat(tab.page.locator("#status")).hasText("Consultation");
			tab.page.navigate(strategy + "/status");
			tab.page.check("input[name=status][value=APPROVED]");
			submit(tab);
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("Add at least one priority before approving the strategy");
			tab.checkAccessibility();

			tab.page.navigate(strategy + "/priorities/new");
			tab.page.fill("#title", "More accessible homes in Camborne, Pool and Redruth");
			tab.page.fill("#owner", "Housing and accommodation lead");
			tab.page.fill("#timetable", "2026 to 2028");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("More accessible homes");

			tab.page.navigate(strategy + "/evidence/new");
			tab.page.check("input[name=kind][value=SERVICE_QUALITY]");
			tab.page.fill("#label", "Supported living rated Good or Outstanding");
			tab.page.selectOption("select[name=serviceType]", "SUPPORTED_LIVING");
			tab.page.fill("#href", "/market");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Supported living rated Good or Outstanding");

			tab.page.navigate(strategy + "/care-act-review");
			date(tab, "on", today);
			tab.page.fill("#reviewer", "Principal social worker");
			tab.page.fill("#findings", "Wellbeing, prevention and market shaping duties are met.");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Principal social worker");

			tab.page.navigate(strategy + "/status");
			tab.page.check("input[name=status][value=APPROVED]");
			submit(tab);
			assertThat(tab.page.locator("#status")).hasText("Approved");
			assertThat(tab.page.locator("main")).containsText("At approval");
			tab.checkAccessibility();

			tab.page.navigate(strategy + "/intentions/new");
			tab.page.check("input[name=priority]");
			tab.page.fill("#title", "Accessible supported living, Camborne");
			tab.page.selectOption("select[name=serviceType]", "SUPPORTED_LIVING");
			tab.page.fill("#timescale", "2027");
			tab.page.check("input[name=route][value=DYNAMIC_MARKET]");
			tab.page.check("input[name=status][value=PLANNED]");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Accessible supported living, Camborne");
			assertThat(tab.page.locator("main")).containsText("Dynamic market");

			tab.go("/commissioning/cycle/physical-disability");
			assertThat(tab.page.locator("main")).containsText("Physical disability and sensory impairment strategy");
			assertThat(tab.page.locator("main")).containsText("Accessible supported living, Camborne");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void anyoneReadsThePublishedMarketPositionStatementWithoutSigningIn() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/market-position-statement");
			assertThat(tab.page).hasURL(Pattern.compile(".*/market-position-statement$"));
			assertThat(tab.page.locator("h1")).containsText("Market Position Statement");
			assertThat(tab.page.locator("main")).containsText("Opportunities for providers");
			assertThat(tab.page.locator("main")).containsText("Supply against demand");
			assertThat(tab.page.locator("main")).containsText("rural rounds");
			tab.checkAccessibility();
			tab.page.click("a:has-text('Version 1:')");
			assertThat(tab.page.locator("main")).containsText("This is an earlier version of the statement.");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

}
