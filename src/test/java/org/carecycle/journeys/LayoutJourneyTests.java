package org.carecycle.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commissioner on a phone: every list and profile fits the screen (wide tables scroll
 * in their own focusable region), each page has one main heading, and a review report and
 * a risk profile print without the navigation.
 */
class LayoutJourneyTests extends JourneyTest {

	private static final int PHONE_WIDTH = 360;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsFitAPhoneAndReportsPrintWithoutNavigation() {
		UUID service = this.jdbc
			.sql("select r.care_service_id from qa_review r where r.published_on is not null and exists (select 1"
					+ " from contract c where c.care_service_id = r.care_service_id and c.starts_on <= current_date"
					+ " and c.ends_on >= current_date) order by r.published_on desc limit 1")
			.query(UUID.class)
			.single();
		UUID review = this.jdbc
			.sql("select id from qa_review where care_service_id = :s and published_on is not null"
					+ " order by published_on desc limit 1")
			.param("s", service)
			.query(UUID.class)
			.single();
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.page.setViewportSize(PHONE_WIDTH, 800);
			List<String> tooWide = new ArrayList<>();
			for (String path : List.of("/services", "/services/" + service, "/concerns?view=ALL",
					"/quality/reviews?view=ALL", "/oversight/risk", "/oversight/returns", "/oversight",
					"/quality/reviews/" + review + "/report", "/oversight/risk/" + service)) {
				tab.go(path);
				int width = ((Number) tab.page.evaluate("document.documentElement.scrollWidth")).intValue();
				if (width > PHONE_WIDTH) {
					tooWide.add(path + " is " + width + " px wide");
				}
				assertThat(tab.page.locator("h1").count()).as("main headings on " + path).isEqualTo(1);
				tab.checkAccessibility();
			}
			assertThat(tooWide).isEmpty();
			tab.go("/services");
			assertThat(tab.page.locator("main .carecycle-table-scroll[role=region][tabindex='0'][aria-label]").count())
				.isPositive();

			tab.page.setViewportSize(1280, 900);
			tab.page
				.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
			for (String path : List.of("/quality/reviews/" + review + "/report", "/oversight/risk/" + service)) {
				tab.go(path);
				PlaywrightAssertions.assertThat(tab.page.locator(".govuk-service-navigation")).isHidden();
				PlaywrightAssertions.assertThat(tab.page.locator(".govuk-header")).isHidden();
				PlaywrightAssertions.assertThat(tab.page.locator(".govuk-footer")).isHidden();
				PlaywrightAssertions.assertThat(tab.page.locator("h1")).isVisible();
				tab.screenshot("print" + path.replace('/', '-'));
			}
			assertThat(tab.problems()).isEmpty();
		}
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.page.setViewportSize(PHONE_WIDTH, 800);
			tab.go("/directory/services/" + service + "/quality-review");
			assertThat(tab.page.locator("h1").count()).isEqualTo(1);
			int width = ((Number) tab.page.evaluate("document.documentElement.scrollWidth")).intValue();
			assertThat(width).isLessThanOrEqualTo(PHONE_WIDTH);
			tab.checkAccessibility();
		}
	}

}
