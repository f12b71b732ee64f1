package org.carecycle.journeys;

import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's tender in a browser: a commissioner plans and publishes a tender; a provider
 * asks a question and bids; the commissioner answers the question to every bidder; the
 * bids stay sealed until the deadline, after which the commissioner opens them and reads
 * the provider's price. Every page is scanned for accessibility.
 */
class TenderJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTenderIsPublishedQuestionedBidForAnsweredAndOpenedAfterTheDeadline() throws Exception {
		String title = "Supported living journey " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate tomorrow = UkTime.today(java.time.Clock.systemUTC()).plusDays(1);
		String tenderUrl;
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.navigate("Tenders");
			tab.checkAccessibility();
			tab.page.click("text=Plan a tender");
			tab.checkAccessibility();
			tab.page.fill("#title", title);
			tab.page.fill("#description", "Supported living for adults with learning disabilities in the west.");
			tab.page.check("#procedure");
			tab.page.fill("#estimatedValue", "600000");
			tab.page.fill("#closesDay", Integer.toString(tomorrow.getDayOfMonth()));
			tab.page.fill("#closesMonth", Integer.toString(tomorrow.getMonthValue()));
			tab.page.fill("#closesYear", Integer.toString(tomorrow.getYear()));
			tab.page.fill("#closesTime", "12:00");
			tab.page.click("main button[type=submit]");
			PlaywrightAssertions.assertThat(tab.page.locator("h1")).hasText(title);
			tenderUrl = tab.page.url();
			tab.checkAccessibility();
			tab.page.click("text=Add a lot");
			tab.page.fill("form[action$='/lots'] #lotTitle", "Supported living in the west");
			tab.page.fill("form[action$='/lots'] #lotDescription", "About 40 tenancies");
			tab.page.click("form[action$='/lots'] button[type=submit]");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Lot added");
			addCriterion(tab, "#kind", "Quality", "70");
			addCriterion(tab, "#kind-2", "Price", "30");
			tab.checkAccessibility();
			tab.page.click("text=Publish tender");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner"))
				.containsText("Tender published");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
		UUID tender = UUID.fromString(tenderUrl.substring(tenderUrl.lastIndexOf('/') + 1));

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.go("/my-organisation/opportunities");
			tab.checkAccessibility();
			tab.page.click("text=" + title);
			tab.checkAccessibility();
			tab.page.fill("#question", "Are the tenancies already let?");
			tab.page.click("form[action$='/questions'] button[type=submit]");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner"))
				.containsText("Question sent");
			tab.page.click("main table a:has-text('Bid')");
			tab.checkAccessibility();
			tab.page.fill("#price", "587,500");
			tab.page.locator("main textarea").first().fill("We support people to choose who they live with.");
			tab.page.click("main button[type=submit]");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-panel")).containsText("Bid received: version 1");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go("/procurement/tenders/" + tender);
			tab.page.fill("#answer-1", "Yes: all 40 tenancies are let.");
			tab.page.click("form[action*='/clarifications/'] button[type=submit]");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner"))
				.containsText("Answer published to all bidders");
			tab.checkAccessibility();
			tab.go("/procurement/tenders/" + tender + "/bids");
			PlaywrightAssertions.assertThat(tab.page.locator("main"))
				.containsText("Bids are sealed until the deadline");
			PlaywrightAssertions.assertThat(tab.page.locator("main")).not().containsText("587,500");
			tab.checkAccessibility();
			// the deadline comes: moved to two seconds from now, as time passing would
			this.jdbc
				.sql("""
						update procurement_tender set closes_at = date_trunc('milliseconds', clock_timestamp()) + interval '2 seconds'
						where id = :id""")
				.param("id", tender)
				.update();
			Thread.sleep(3_000);
			tab.go("/procurement/tenders/" + tender + "/bids");
			tab.page.click("text=Open the bids");
			PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Bids opened");
			PlaywrightAssertions.assertThat(tab.page.locator("main")).containsText("£587,500.00");
			PlaywrightAssertions.assertThat(tab.page.locator("main"))
				.containsText("We support people to choose who they live with.");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	private void addCriterion(Browser.Tab tab, String kind, String title, String weight) {
		tab.page.click("text=Add an award criterion or pass/fail question");
		tab.page.check("form[action$='/criteria'] " + kind);
		tab.page.fill("form[action$='/criteria'] #criterionTitle", title);
		tab.page.fill("form[action$='/criteria'] #weight", weight);
		tab.page.click("form[action$='/criteria'] button[type=submit]");
		PlaywrightAssertions.assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Criterion added");
	}

}
