package org.carecycle.journeys;

import java.time.LocalDate;

import com.microsoft.playwright.options.AriaRole;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A commissioner opens a dynamic market and a lot in it, the demo provider applies to the
 * lot from its own pages, and the commissioner admits it with reasons; the provider then
 * sees its place, price and the reasons. Every page is scanned for accessibility.
 */
class FrameworkJourneyTests extends JourneyTest {

	@Test
	void aCommissionerOpensADynamicMarketLotAndAdmitsTheProviderThatApplies() {
		LocalDate start = LocalDate.now(UkTime.ZONE);
		try (Browser.Tab commissioner = this.browser.open(true); Browser.Tab provider = this.browser.open(true)) {
			commissioner.signIn(Role.COMMISSIONER);
			commissioner.navigate("Frameworks and markets");
			assertThat(commissioner.page.locator("main")).containsText("Care homes dynamic market");
			commissioner.checkAccessibility();
			commissioner.page.getByText("Add a framework or dynamic market").first().click();
			commissioner.page.click("main button[type=submit]");
			assertThat(commissioner.page.locator(".govuk-error-summary"))
				.containsText("Select the type of arrangement");
			commissioner.checkAccessibility();
			commissioner.page.check("input[name=kind][value=DYNAMIC_MARKET]");
			commissioner.page.fill("#title", "Supported living dynamic market");
			commissioner.page.fill("#description", "Supported living for adults with learning disabilities.");
			commissioner.page.fill("#startsDay", String.valueOf(start.getDayOfMonth()));
			commissioner.page.fill("#startsMonth", String.valueOf(start.getMonthValue()));
			commissioner.page.fill("#startsYear", String.valueOf(start.getYear()));
			commissioner.page.click("main button[type=submit]");
			assertThat(commissioner.page.locator(".govuk-notification-banner")).containsText("Now add its lots");
			commissioner.checkAccessibility();
			commissioner.page.getByText("Add a lot").click();
			commissioner.page.fill("#name", "Supported living countywide");
			commissioner.page.selectOption("#serviceType", "SUPPORTED_LIVING");
			commissioner.page.selectOption("#priceUnit", "PER_HOUR");
			commissioner.page.fill("#qualityWeight", "101");
			commissioner.page.click("main button[type=submit]");
			assertThat(commissioner.page.locator(".govuk-error-summary"))
				.containsText("Weight of quality must be a whole number between 0 and 100");
			commissioner.checkAccessibility();
			commissioner.page.fill("#qualityWeight", "60");
			commissioner.page.click("main button[type=submit]");
			assertThat(commissioner.page.locator("h1")).hasText("Lot 1: Supported living countywide");
			assertThat(commissioner.page.locator("main")).containsText("60% quality, 40% price");
			commissioner.checkAccessibility();

			provider.signIn(Role.PROVIDER);
			provider.go("/my-organisation/dynamic-markets");
			provider.checkAccessibility();
			provider.page
				.getByRole(AriaRole.LINK,
						new com.microsoft.playwright.Page.GetByRoleOptions()
							.setName("Apply Lot 1: Supported living countywide"))
				.click();
			provider.checkAccessibility();
			provider.page.fill("#price", "24.60");
			provider.page.click("main button[type=submit]");
			assertThat(provider.page.locator(".govuk-error-summary"))
				.containsText("Enter how your organisation meets the conditions for joining");
			provider.checkAccessibility();
			provider.page.fill("#statement", "We support 30 people in their own tenancies across the county.");
			provider.page.click("main button[type=submit]");
			assertThat(provider.page.locator(".govuk-notification-banner")).containsText("Application sent");
			assertThat(provider.page.locator("main")).containsText("Waiting for a decision");
			provider.checkAccessibility();

			commissioner.navigate("Frameworks and markets");
			commissioner.page.locator("main table")
				.last()
				.locator("tr",
						new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Supported living countywide"))
				.getByRole(AriaRole.LINK)
				.first()
				.click();
			assertThat(commissioner.page.locator("main")).containsText("We support 30 people");
			commissioner.checkAccessibility();
			commissioner.page.check("input[name=decision][value=ADMIT]");
			commissioner.page.fill("#reasons", "Meets the conditions of participation.");
			commissioner.page.click("main button[type=submit]");
			assertThat(commissioner.page.locator(".govuk-notification-banner")).containsText("Provider admitted");
			assertThat(commissioner.page.locator("main")).containsText("£24.60 an hour");
			commissioner.checkAccessibility();

			provider.go("/my-organisation/dynamic-markets");
			assertThat(provider.page.locator("main")).containsText("Meets the conditions of participation.");
			assertThat(provider.page.locator("main")).containsText("£24.60 an hour");
		}
	}

}
