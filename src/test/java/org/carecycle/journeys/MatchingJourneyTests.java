package org.carecycle.journeys;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case manager describes a person's needs near a Cornish postcode, reads the ranked and
 * explained list (without the embargoed homes), shortlists a home and downloads the
 * shortlist; a member of the public runs the same search on the directory, without
 * prices. Every page is scanned for accessibility.
 */
class MatchingJourneyTests extends JourneyTest {

	@Test
	void aCaseManagerFindsRanksAndShortlistsACareHomeNearAPostcode() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.CASE_MANAGER);
			tab.navigate("Find a service");
			tab.checkAccessibility();
			tab.page.click("form button.govuk-button");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Select the type of service");
			tab.checkAccessibility();

			tab.page.selectOption("#type", "CARE_HOME");
			tab.page.fill("#near", "PL14");
			tab.page.selectOption("#within", "20");
			tab.page.check("input[name=specialism][value=DEMENTIA]");
			tab.page.check("#vacancy");
			tab.page.click("form button.govuk-button");
			Locator results = tab.page.locator("#results");
			assertThat(results).containsText("within 20 miles of PL14, best first");
			Locator first = tab.page.locator("li.govuk-summary-card").first();
			assertThat(first).containsText("Why this score");
			assertThat(first).containsText("Quality:");
			assertThat(first).containsText("Distance:");
			assertThat(first).containsText("Dementia");
			assertThat(tab.page.locator("main")).containsText("council has suspended new placements there");
			tab.checkAccessibility();
			tab.screenshot("matching-search-pl14");

			String name = first.locator("h3 a").textContent().strip();
			Locator add = tab.page.locator("li.govuk-summary-card form button").first();
			add.click();
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("to your shortlist");
			tab.page.click("text=View your shortlist");
			assertThat(tab.page.locator("main table")).containsText(name);
			tab.checkAccessibility();
			Download download = tab.page.waitForDownload(() -> tab.page.click("main a:text-is('CSV')"));
			assertThat(download.suggestedFilename()).isEqualTo("shortlist.csv");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void aMemberOfThePublicSearchesTheDirectoryByNeeds() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/directory/needs");
			tab.checkAccessibility();
			tab.page.selectOption("#type", "CARE_HOME_NURSING");
			tab.page.fill("#near", "TR1");
			tab.page.selectOption("#within", "20");
			tab.page.click("form button.govuk-button");
			assertThat(tab.page.locator("#results")).containsText("within 20 miles of TR1");
			assertThat(tab.page.locator("main")).not().containsText("Add to shortlist");
			assertThat(tab.page.locator("main")).not().containsText("No agreed price");
			assertThat(tab.page.locator("main")).not().containsText("high risk");
			tab.checkAccessibility();
			tab.screenshot("matching-public-tr1");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
