package org.carecycle.journeys;

import com.microsoft.playwright.Locator;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A quality assurance officer reads the risk register, the riskiest service's profile
 * with its chart of the score over time, and the escalation ladder with the demo's
 * services at every stage; a commissioner opens a suspension. Every page is scanned for
 * accessibility.
 */
class OversightJourneyTests extends JourneyTest {

	@Test
	void anOfficerReadsTheRegisterAProfileWithItsChartAndTheLadder() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.go("/oversight/risk");
			assertThat(tab.page.locator("h1")).hasText("Risk register");
			assertThat(tab.page.locator("main")).containsText("ranked by what their signals add up to");
			tab.checkAccessibility();
			tab.page.locator("main table tbody tr a.govuk-link").first().click();
			assertThat(tab.page.locator("h1")).containsText("Risk:");
			Locator chart = tab.page.locator("svg.carecycle-risk-chart");
			assertThat(chart).isVisible();
			assertThat(chart.locator("title").first()).hasText("Risk score over time");
			assertThat(chart).containsText("Risk score (0 to 100)");
			assertThat(tab.page.locator("main")).not().containsText("INADEQUATE");
			tab.page.getByText("Show the figures as a table").click();
			assertThat(tab.page.locator("details table")).isVisible();
			tab.checkAccessibility();
			tab.screenshot("risk-profile-chart");
			tab.go("/oversight");
			Locator ladder = tab.page.locator("main table").first();
			assertThat(ladder).containsText("Enhanced monitoring");
			assertThat(ladder).containsText("Provider concerns");
			assertThat(ladder).containsText("Suspension of new placements");
			assertThat(ladder).containsText("Contract default or termination");
			tab.checkAccessibility();
		}
	}

	@Test
	void aCommissionerOpensASuspensionWithItsLetterAndDeadlines() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go("/oversight");
			tab.page.locator("main table tbody tr")
				.filter(new Locator.FilterOptions().setHasText("Letter and plan due"))
				.first()
				.locator("a.govuk-link")
				.first()
				.click();
			assertThat(tab.page.locator("main")).containsText("Suspension of new placements (current stage)");
			assertThat(tab.page.locator("main")).containsText("Letter to the provider");
			tab.checkAccessibility();
		}
	}

}
