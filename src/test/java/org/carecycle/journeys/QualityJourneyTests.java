package org.carecycle.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quality review from the officer who plans and carries it out, through the provider
 * who challenges the draft, to the senior officer who decides and publishes it and the
 * member of the public who reads it in the directory. Every page is scanned for
 * accessibility.
 */
class QualityJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	/**
	 * A commissioned service of the demo provider's organisation with no review in
	 * progress.
	 */
	private UUID serviceToReview() {
		return this.jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= current_date and c.ends_on >= current_date)
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				order by s.name limit 1""")
			.param("email", org.carecycle.SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(UUID.class)
			.single();
	}

	private static void link(Browser.Tab tab, String name) {
		tab.page
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName(name).setExact(true))
			.first()
			.click();
	}

	@Test
	void aReviewGoesFromTheOfficerToTheProviderTheSeniorOfficerAndThePublic() {
		UUID service = serviceToReview();
		LocalDate today = LocalDate.now(UkTime.ZONE);
		String reviewUrl;
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.navigate("Quality reviews");
			assertThat(tab.page.locator("h1")).hasText("Review coverage");
			assertThat(tab.page.locator("#coverage-kept")).containsText("%");
			tab.checkAccessibility();
			tab.screenshot("quality-coverage");
			tab.page.locator("main").getByText("Review programme").first().click();
			assertThat(tab.page.locator("h1")).hasText("Review programme");
			tab.checkAccessibility();
			tab.screenshot("quality-programme");
			tab.page.locator("main").getByText("Quality assurance framework").first().click();
			assertThat(tab.page.locator("main")).containsText("Safeguarding and safety");
			tab.checkAccessibility();

			tab.go("/services/" + service);
			link(tab, "Plan a review of this service");
			assertThat(tab.page.locator("h1")).hasText("Plan a review");
			tab.checkAccessibility();
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter the date of the visit");
			tab.checkAccessibility();
			tab.page.fill("#dateDay", String.valueOf(today.getDayOfMonth()));
			tab.page.fill("#dateMonth", String.valueOf(today.getMonthValue()));
			tab.page.fill("#dateYear", String.valueOf(today.getYear()));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Review planned");
			tab.checkAccessibility();
			reviewUrl = tab.page.url();

			link(tab, "Record the visit");
			tab.checkAccessibility();
			tab.page.check("input[name=announced][value=false]");
			tab.page.fill("#peopleSpokenTo", "The registered manager, the deputy, 3 care staff and 5 residents");
			tab.page.fill("#documentsRequested", "Rotas for 4 weeks, training matrix, 6 MAR charts");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Visit details saved");

			List<String> standards = tab.page.locator("main table tbody th a").allInnerTexts();
			assertThat(standards).hasSize(16);
			for (int i = 0; i < standards.size(); i++) {
				tab.page.locator("main table tbody th a")
					.getByText(standards.get(i), new Locator.GetByTextOptions().setExact(true))
					.click();
				assertThat(tab.page.locator("h1")).hasText(standards.get(i));
				if (i == 0) {
					tab.checkAccessibility();
					tab.page.check("input[name=kind][value=OBSERVATION]");
					tab.page.fill("#text", "Staff knocked before entering rooms and used people's preferred names.");
					tab.page.click("main button >> text=Add evidence");
					assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Evidence added");
					tab.page.click("main form button >> text=Save rating and findings");
					assertThat(tab.page.locator(".govuk-error-summary")).containsText("Select a rating");
					tab.checkAccessibility();
					tab.screenshot("quality-standard");
				}
				boolean medicines = standards.get(i).startsWith("Management of medicines");
				tab.page.check("input[name=rating][value=" + (medicines ? "REQUIRES_IMPROVEMENT" : "GOOD") + "]");
				tab.page.fill("#findings", medicines ? "Two of six MAR charts had gaps; the weekly audit had lapsed."
						: "What we saw and were told met the standard.");
				tab.page.click("main form button >> text=Save rating and findings");
				assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Rating and findings saved");
			}
			link(tab, "Write the summary");
			tab.checkAccessibility();
			tab.page.fill("#text", "A warm, well-run home. Medicines records need attention.");
			tab.page.click("main button[type=submit]");
			tab.page.click("main button >> text=Write the draft");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Draft written");
			tab.checkAccessibility();
			link(tab, "View the report");
			assertThat(tab.page.locator("main")).containsText("How the rating was worked out");
			tab.checkAccessibility();
			tab.screenshot("quality-draft-report");
			tab.go(reviewUrl.replace(tab.page.url().replaceAll("/quality/.*", ""), ""));
			tab.page.click("main button >> text=Send the draft to the provider");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Draft sent to the provider");
			tab.checkAccessibility();
			tab.screenshot("quality-review");
			assertThat(tab.problems()).isEmpty();
		}
		String path = reviewUrl.substring(reviewUrl.indexOf("/quality/reviews/"));
		String id = path.substring("/quality/reviews/".length());

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.go("/my-organisation/reviews/" + id);
			assertThat(tab.page.locator("main")).containsText("Management of medicines");
			tab.checkAccessibility();
			tab.screenshot("quality-provider-draft");
			Locator medicines = tab.page.locator("#finding-MEDICINES");
			medicines.locator("textarea").fill("The audit was done on the morning of the visit; we can show it.");
			medicines.locator("button").click();
			assertThat(tab.page.locator(".govuk-notification-banner--success")).containsText("Comment saved");
			tab.checkAccessibility();
			tab.page.click("#send-your-response ~ form button");
			assertThat(tab.page.locator(".govuk-notification-banner--success"))
				.containsText("Your comments have been sent to the council");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
		assertThat(this.jdbc.sql("select status from qa_review where id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("DISPUTE_REVIEW");

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.go(path);
			assertThat(tab.page.locator("main")).containsText("Challenged");
			tab.checkAccessibility();
			tab.page.getByText("Decide", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
			tab.checkAccessibility();
			tab.page.check("input[name=outcome][value=NOT_UPHELD]");
			tab.page.fill("#response", "The audit was not available on the day; the finding stands.");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Decision saved");
			tab.page.fill("#text", "The provider's comment on medicines was not upheld.");
			tab.page.click("main button >> text=Publish the report");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Report published");
			assertThat(tab.page.locator("main")).containsText("Action plan required");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/directory/services/" + service);
			link(tab, "Read the council's review report");
			assertThat(tab.page.locator("main")).containsText("How the rating was worked out");
			tab.checkAccessibility();
			tab.screenshot("quality-public-report");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
