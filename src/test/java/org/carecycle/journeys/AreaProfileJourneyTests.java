package org.carecycle.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's area profiles in a browser: a commissioner opens the list of localities,
 * opens one from its table, finds each section, prints it without the page's navigation
 * and downloads it as a PDF. Every page is scanned for accessibility.
 */
class AreaProfileJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommissionerOpensALocalitysProfileAndDownloadsItAsAPdf() {
		String locality = this.jdbc.sql("""
				select l.name from locality l join care_service s on s.locality_id = l.id
				where s.status = 'ACTIVE' group by l.name order by count(*) desc, l.name limit 1""")
			.query(String.class)
			.single();
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go("/commissioning/areas");
			assertThat(tab.page.locator("h1")).hasText("Area profiles");
			assertThat(tab.page.locator("main svg.carecycle-map")).isVisible();
			tab.checkAccessibility();
			tab.screenshot("area-profiles");
			tab.page.locator("#area-list th a")
				.getByText(locality, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
				.click();
			assertThat(tab.page.locator("h1")).hasText(locality);
			for (String heading : new String[] { "Supply and its quality", "Vacancies", "Concerns and their themes",
					"Risk", "Safeguarding activity" }) {
				assertThat(tab.page.locator("main h2", new Page.LocatorOptions().setHasText(heading)).first())
					.isVisible();
			}
			tab.checkAccessibility();
			tab.screenshot("area-profile");
			tab.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
			assertThat(tab.page.locator("#area-profile-pdf")).isHidden();
			assertThat(tab.page.locator(".govuk-header")).isHidden();
			assertThat(tab.page.locator("#area-supply-heading")).isVisible();
			tab.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
			// the PDF is laid out on the server while the browser waits: generous on two
			// busy
			// cores
			var download = tab.page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(120_000),
					() -> tab.page.locator("#area-profile-pdf")
						.click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(120_000)));
			assertThat(download.suggestedFilename()).startsWith("area-profile-").endsWith(".pdf");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
