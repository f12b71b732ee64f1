package org.carecycle.journeys;

import com.microsoft.playwright.Locator;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case manager looks for a care home with a room near a person's postcode, on a desktop
 * and on a phone. Every page visited is scanned for accessibility.
 */
class ServiceSearchJourneyTests extends JourneyTest {

	@Test
	void aCaseManagerFindsACareHomeWithARoomNearAPostcode() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.CASE_MANAGER);
			tab.navigate("Services");
			tab.page.fill("#near", "TR1 3LJ");
			tab.page.click("form.carecycle-filter button");
			assertThat(tab.page.locator("main")).containsText("between the centres of postcode districts");
			tab.checkAccessibility();

			tab.page.fill("#near", "TR99 9ZZ");
			tab.page.click("form.carecycle-filter button");
			Locator summary = tab.page.locator(".govuk-error-summary");
			assertThat(summary).containsText("No postcode district TR99 is known");
			assertThat(tab.page).hasTitle(java.util.regex.Pattern.compile("^Error: .*"));
			tab.checkAccessibility();

			tab.page.fill("#near", "tr13lj");
			tab.page.selectOption("#within", "10");
			tab.page.selectOption("#type", "CARE_HOME");
			tab.page.check("#vacancy");
			tab.page.click("form.carecycle-filter button");
			Locator table = tab.page.locator("main table");
			assertThat(table).containsText("Distance");
			assertThat(table.locator("tbody tr").first()).containsText("vacant");
			assertThat(table.locator("tbody tr").first()).containsText("updated");
			assertThat(table).not().containsText("May be out of date");
			assertThat(table).not().containsText("Full, no beds vacant");
			assertThat(table.locator("tbody tr").first()).containsText("less than 1 mile");
			assertThat(tab.page.locator("main")).containsText("reported a vacancy in the last 7 days");
			tab.checkAccessibility();
			tab.screenshot("services-near-with-vacancy");

			// on a phone the table scrolls inside its region rather than widening the
			// page
			tab.page.setViewportSize(375, 812);
			tab.page.reload();
			int pageWidth = ((Number) tab.page.evaluate("document.documentElement.scrollWidth")).intValue();
			assertThat(pageWidth).isLessThanOrEqualTo(375);
			tab.checkAccessibility();
			tab.screenshot("services-near-phone");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
