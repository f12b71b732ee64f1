package org.carecycle.journeys;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's journeys in a real browser, as the people who make them: a commissioner
 * commissioning a service, a provider keeping its details up to date, a member of the
 * public looking for care, and an officer importing the CQC's file. Every page visited is
 * scanned for accessibility.
 */
class RegisterJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommissionerFindsAnUncommissionedServiceAndAddsItsContract() {
		String name = this.jdbc.sql("""
				select s.name from care_service s where s.status = 'ACTIVE' and s.service_type = 'CARE_HOME'
				and not exists (select 1 from contract c where c.care_service_id = s.id and c.ends_on >= current_date)
				order by s.name limit 1""").query(String.class).single();
		String reference = "CC-JOURNEY-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.navigate("Services");
			tab.page.fill("#q", name);
			tab.page.selectOption("#commissioned", "no");
			tab.page.locator("form.carecycle-filter button").click();
			tab.page.locator("main table").getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
			assertThat(tab.page.locator("h1")).hasText(name);
			tab.checkAccessibility();

			tab.page.getByText("Add a contract").click();
			assertThat(tab.page.locator("h1")).hasText("Add a contract");
			tab.checkAccessibility();
			tab.page.fill("#reference", reference);
			tab.page.fill("#startsDay", "1");
			tab.page.fill("#startsMonth", "4");
			tab.page.fill("#startsYear", "2026");
			tab.page.fill("#endsDay", "31");
			tab.page.fill("#endsMonth", "3");
			tab.page.fill("#endsYear", "2025");
			tab.page.fill("#unitPrice", "nine hundred");
			tab.page.click("main button[type=submit]");
			Locator summary = tab.page.locator(".govuk-error-summary");
			assertThat(summary).containsText("The end date must be the same as or after the start date");
			assertThat(summary).containsText("Unit price must be an amount of money in pounds");
			assertThat(summary).isFocused();
			assertThat(tab.page).hasTitle(Pattern.compile("^Error: .*"));
			assertThat(tab.page.locator("#reference")).hasValue(reference);
			tab.checkAccessibility();

			tab.page.fill("#endsYear", "2029");
			tab.page.fill("#unitPrice", "£1,012.40");
			tab.page.check("input[name=priceUnit][value=PER_WEEK]");
			tab.page.fill("#commissionedCapacity", "12");
			tab.page.setInputFiles("#specification", new FilePayload("Service specification.pdf", "application/pdf",
					"%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Contract added");
			assertThat(tab.page.locator("main")).containsText(reference);
			assertThat(tab.page.locator("main")).containsText("£1,012.40 a week");
			assertThat(tab.page.locator("main")).containsText("Service specification.pdf");
			tab.checkAccessibility();
			tab.screenshot("contract");

			tab.navigate("Contracts");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void aProviderUpdatesItsVacanciesAndContactsAndSeesOnlyItsOwnServices() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.navigate("Your organisation");
			tab.checkAccessibility();
			tab.screenshot("my-organisation");
			tab.page.locator("main table a.govuk-link").first().click();
			String service = tab.page.locator("h1").innerText();
			tab.checkAccessibility();
			tab.page.getByText("Update vacancies").click();
			tab.page.fill("#vacancies", "three");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("must be a whole number");
			tab.checkAccessibility();
			tab.page.fill("#vacancies", "3");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).isVisible();
			assertThat(tab.page.locator("main")).containsText(service);
			assertThat(tab.page.locator("main")).containsText("3, reported on");

			tab.navigate("Your organisation");
			tab.page.getByText("Change contacts").click();
			tab.checkAccessibility();
			tab.page.fill("[id='contacts[0].email']", "not an email");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).isVisible();
			tab.checkAccessibility();
			tab.page.fill("[id='contacts[0].email']", "registered.manager@example.org");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator("main")).containsText("registered.manager@example.org");

			tab.allowing(403);
			tab.go("/services");
			assertThat(tab.page.locator("h1")).hasText("You do not have access to this page");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void thePublicFindsCommissionedCareNearThem() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/directory");
			assertThat(tab.page.locator("h1")).isVisible();
			tab.checkAccessibility();
			tab.page.selectOption("#type", "HOME_CARE");
			tab.page.locator("main form button").first().click();
			assertThat(tab.page).hasURL(Pattern.compile(".*type=HOME_CARE.*"));
			tab.checkAccessibility();
			tab.screenshot("directory");
			tab.page.locator("main h2 a.govuk-link").first().click();
			assertThat(tab.page.locator("h1")).isVisible();
			assertThat(tab.page.locator("main")).containsText("Care Quality Commission rating");
			tab.checkAccessibility();
			tab.screenshot("directory-service");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void anOfficerImportsTheCqcFileAndWatchesItFinish() {
		String csv = """
				Location ID,Location Name,Care home?,Location Type/Sector,Location Local Authority,Location Postal Code,Care homes beds,Provider ID,Provider Name,Service type - Care home service without nursing
				1-9777000001,Journey House,Y,Social Care Org,Cornwall,TR1 2QD,20,1-9777000000,Journey Care Ltd,Y
				1-9777000002,Lost House,Y,Social Care Org,Cornwall,NOT A POSTCODE,20,1-9777000000,Journey Care Ltd,Y
				""";
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.navigate("Imports");
			tab.checkAccessibility();
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).isVisible();
			tab.checkAccessibility();
			tab.page.setInputFiles("#file",
					new FilePayload("HSCA_Active_Locations.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
			tab.page.check("input[name=scope][value=area]");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator("h1")).hasText("HSCA_Active_Locations.csv");
			assertThat(tab.page.locator("main .govuk-tag").first()).hasText("Finished");
			assertThat(tab.page.getByText("Download the 1 refused rows")).isVisible();
			tab.checkAccessibility();
			tab.screenshot("import");
			Page.WaitForDownloadOptions options = new Page.WaitForDownloadOptions();
			var download = tab.page.waitForDownload(options,
					() -> tab.page.getByText("Download the 1 refused rows").click());
			assertThat(download.suggestedFilename()).endsWith(".csv");
			tab.navigate("Services");
			tab.page.fill("#q", "Journey House");
			tab.page.locator("form.carecycle-filter button").click();
			assertThat(tab.page.locator("main table")).containsText("Journey House");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void caseManagersSeeTheMarketMapAndItsTable() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.CASE_MANAGER);
			tab.navigate("Market map");
			assertThat(tab.page.locator("main figure svg")).isVisible();
			tab.page.selectOption("#type", "CARE_HOME");
			tab.page.locator("main form button").first().click();
			assertThat(tab.page).hasURL(Pattern.compile(".*type=CARE_HOME.*"));
			tab.checkAccessibility();
			tab.screenshot("market-map");
			tab.page.locator("main svg a").first().click();
			assertThat(tab.page).hasURL(Pattern.compile(".*/services/[0-9a-f-]{36}$"));
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

}
