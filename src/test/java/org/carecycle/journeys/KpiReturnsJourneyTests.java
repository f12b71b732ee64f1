package org.carecycle.journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.microsoft.playwright.Locator;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPI returns in a browser: a provider sends a return (after being told what is missing),
 * makes an API token its own system then uses, and revokes it; an administrator adds a
 * KPI; an officer follows the dashboard to the returns overdue and out of tolerance.
 * Every page is scanned for accessibility.
 */
class KpiReturnsJourneyTests extends JourneyTest {

	@Test
	void aProviderSendsAReturnAndUsesTheApiWithATokenItMade() throws Exception {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.navigate("Your organisation");
			tab.page.getByText("KPI returns").first().click();
			assertThat(tab.page.locator("h1")).hasText("KPI returns");
			tab.checkAccessibility();
			tab.screenshot("provider-kpi-returns");
			tab.page.locator("main table").first().locator("a").first().click();
			assertThat(tab.page.locator("h1")).containsText("KPI return for");
			tab.checkAccessibility();
			Locator inputs = tab.page.locator("main form input.govuk-input");
			int count = inputs.count();
			assertThat(count).isGreaterThan(1);
			inputs.first().fill("12.5.3");
			tab.page.getByText("Send return").click();
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter a figure for");
			assertThat(tab.page.locator(".govuk-error-summary")).isFocused();
			tab.checkAccessibility();
			tab.screenshot("provider-kpi-return-errors");
			for (int i = 0; i < count; i++) {
				inputs.nth(i).fill("2");
			}
			tab.page.getByText("Send return").click();
			assertThat(tab.page.locator(".govuk-notification-banner--success")).containsText("Return sent");
			tab.checkAccessibility();

			tab.page.getByText("Send returns from your own system through the API").click();
			assertThat(tab.page.locator("h1")).hasText("API tokens");
			tab.page.getByText("Make a token").click();
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter the name of the system");
			tab.checkAccessibility();
			tab.page.locator("#name").fill("Rota and payroll system");
			tab.page.getByText("Make a token").click();
			String token = tab.page.locator("#issued-token").textContent().strip();
			assertThat(token).startsWith("cc_");
			tab.checkAccessibility();
			tab.screenshot("provider-api-token");

			HttpClient http = HttpClient.newHttpClient();
			HttpRequest owed = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/returns/owed"))
				.header("Authorization", "Bearer " + token)
				.build();
			assertThat(http.send(owed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

			tab.page.locator("main table tr")
				.filter(new Locator.FilterOptions().setHasText("Rota and payroll system"))
				.locator("button")
				.click();
			assertThat(tab.page.locator(".govuk-notification-banner--success")).containsText("Token revoked");
			tab.checkAccessibility();
			assertThat(http.send(owed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void anAdministratorAddsAKpiAndAnOfficerFindsTheReturnsThatNeedAttention() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.ADMIN);
			tab.navigate("KPIs");
			assertThat(tab.page.locator("h1")).hasText("KPIs");
			tab.checkAccessibility();
			tab.page.getByText("Add a KPI").first().click();
			tab.page.getByText("Save KPI").click();
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter a code for the KPI");
			tab.checkAccessibility();
			tab.page.locator("#code").fill("SAFEGUARDING_ALERTS");
			tab.page.locator("#name").fill("Safeguarding alerts raised");
			tab.page.locator("#unit").check();
			tab.page.locator("#highest").fill("500");
			tab.page.locator("#frequency").check();
			tab.page.locator("#serviceTypes").check();
			tab.page.locator("#toleranceAbove").fill("0.1");
			tab.page.locator("#perCapacity").check();
			tab.page.getByText("Save KPI").click();
			assertThat(tab.page.locator(".govuk-notification-banner--success"))
				.containsText("KPI saved: Safeguarding alerts raised");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.navigate("Oversight");
			tab.page.locator("main")
				.getByText("returns overdue")
				.or(tab.page.getByText("No return is overdue"))
				.click();
			assertThat(tab.page.locator("h1")).hasText("KPI returns");
			tab.checkAccessibility();
			tab.screenshot("council-kpi-returns");
			tab.page.locator("main table").last().locator("a").first().click();
			assertThat(tab.page.locator("h1")).containsText("KPI return for");
			assertThat(tab.page.locator("main")).containsText("Out of tolerance");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

}
