package org.carecycle.journeys;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public finds a service in the directory from the home page and tells
 * the council about it, the form starting with that service chosen. Every page is scanned
 * for accessibility.
 */
class PublicJourneyTests extends JourneyTest {

	private void next(Browser.Tab tab) {
		tab.checkAccessibility();
		tab.page.click("main button[type=submit] >> text=Continue");
	}

	@Test
	void thePublicFindsAServiceAndTellsUsAboutIt() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/");
			tab.checkAccessibility();
			tab.page.getByText("Find a care service the council commissions").click();
			assertThat(tab.page.locator("h1")).hasText("Find a care service");
			tab.checkAccessibility();

			tab.page.locator("main h2 a.govuk-link").first().click();
			String service = tab.page.locator("h1").innerText();
			tab.checkAccessibility();

			tab.page.locator("#tell-us-about-service").click();
			assertThat(tab.page.locator("h1")).hasText("Tell us about an adult social care service");
			assertThat(tab.page.locator("#chosen-service")).containsText(service);
			tab.checkAccessibility();
			tab.page.getByText("Start now").click();

			tab.page.check("input[name=kind][value=COMPLIMENT]");
			next(tab);

			// the service is already chosen
			assertThat(tab.page.locator("input[name=serviceId]:checked + label")).hasText(service);
			next(tab);
			tab.page.fill("#whatHappened", "The staff helped my mother settle in and kept us told every week.");
			next(tab);
			tab.page.fill("#whenText", "Over the last month");
			next(tab);
			tab.page.fill("#peopleAffected", "My mother");
			next(tab);
			tab.page.check("input[name=reporterRole][value=RELATIVE_OR_FRIEND]");
			next(tab);
			tab.page.check("input[name=giveDetails][value=no]");
			next(tab);

			assertThat(tab.page.locator("h1")).hasText("Check your answers before sending");
			assertThat(tab.page.locator("main")).containsText(service);
			tab.checkAccessibility();
			tab.page.click("main button[type=submit] >> text=Send");
			assertThat(tab.page.locator(".govuk-panel__title")).hasText("Thank you, we have received it");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

}
