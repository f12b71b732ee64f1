package org.carecycle.journeys;

import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.carecycle.providers.imports.CouncilExtract;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer imports the council's own extract of CQC-registered homes, whose headers are
 * not CQC's, in a real browser: the mapping page with its guesses, a mistake in it, the
 * import and its report of the providers matched and created. Every page is scanned for
 * accessibility.
 */
class MappedImportJourneyTests extends JourneyTest {

	@Test
	void anOfficerMapsTheColumnsOfACouncilExtractAndImportsIt() throws Exception {
		CouncilExtract extract = CouncilExtract.fresh();
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.navigate("Imports");
			tab.page.setInputFiles("#file",
					new FilePayload("locations.json", "application/json", "{\"locations\": []}".getBytes()));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("with a header row and one row per location");
			tab.checkAccessibility();

			tab.page.setInputFiles("#file", new FilePayload("council-cqc-homes.csv", "text/csv", extract.csv()));
			tab.page.check("input[name=scope][value=area]");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator("h1")).hasText("Choose which column is which");
			assertThat(tab.page.locator("main table")).containsText("Trelawny House");
			tab.checkAccessibility();
			tab.screenshot("import-mapping");

			tab.page.selectOption("#postcode", new SelectOption().setLabel("Choose a column"));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("Select the column that has the postcode");
			assertThat(tab.page.locator(".govuk-error-summary")).isFocused();
			tab.checkAccessibility();

			tab.page.selectOption("#postcode", new SelectOption().setLabel("postcode"));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator("h1")).hasText("council-cqc-homes.csv");
			assertThat(tab.page.locator("main .govuk-tag").first()).hasText("Finished");
			assertThat(tab.page.locator("#row-notes"))
				.containsText("Created provider Fal Valley Care " + extract.tag());
			assertThat(tab.page.locator("#row-notes"))
				.containsText("Matched provider Fal Valley Care " + extract.tag());
			tab.checkAccessibility();

			tab.navigate("Services");
			tab.page.fill("#q", extract.location(3));
			tab.page.locator("form.carecycle-filter button").click();
			assertThat(tab.page.locator("main table")).containsText("Fal Valley Lodge");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
