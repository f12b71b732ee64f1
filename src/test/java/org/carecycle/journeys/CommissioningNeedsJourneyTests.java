package org.carecycle.journeys;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.options.FilePayload;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 16's needs journey in a browser: a commissioner imports a population file with a
 * bad row and is told what is wrong with it (nothing saved), then reads demand against
 * supply on the map and in the table, and an outcome measure's chart with its data table.
 * Every page is scanned for accessibility.
 */
class CommissioningNeedsJourneyTests extends JourneyTest {

	@Test
	void aCommissionerIsToldWhatIsWrongWithAFileThenReadsTheGapAndAChart() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go("/commissioning/needs");
			assertThat(tab.page.locator("h1")).hasText("Needs data");
			assertThat(tab.page.locator("main table").first()).containsText("85 and over");
			tab.checkAccessibility();

			tab.go("/commissioning/needs/import");
			String csv = """
					area_code,area_name,age_band,year,population
					TRURO,Truro and Roseland,65-69,2052,1000
					NOWHERE,Nowhere,65-69,2052,1000
					""";
			tab.page.setInputFiles("#file",
					new FilePayload("projections.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
			tab.page.fill("#source", "Local projections");
			tab.page.check("input[name=kind][value=PROJECTIONS]");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("rows with problems");
			assertThat(tab.page.locator("#refused-rows + .carecycle-table-scroll table"))
				.containsText("The area code is not a locality, council or MSOA known to CareCycle");
			tab.checkAccessibility();

			tab.go("/commissioning/demand?type=CARE_HOME&ahead=10");
			assertThat(tab.page.locator("svg.carecycle-map")).isVisible();
			assertThat(tab.page.locator("main")).containsText("Gap per 100,000 people");
			assertThat(tab.page.locator("main")).containsText("Truro and Roseland");
			tab.checkAccessibility();
			tab.screenshot("demand-against-supply");

			tab.go("/commissioning/outcomes/ASC2");
			assertThat(tab.page.locator("svg.carecycle-chart")).isVisible();
			assertThat(tab.page.locator("main")).containsText("ASCOF 1A");
			tab.checkAccessibility();
			tab.screenshot("outcome-measure");
		}
	}

}
