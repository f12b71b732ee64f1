package org.carecycle.journeys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import org.carecycle.quality.Reviews;
import org.carecycle.quality.ReviewSteps;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider checks a draft review report in the portal, comments on a finding and sends
 * the response; later writes the action plan the published report needs. Every page is
 * scanned for accessibility.
 */
class ProviderReviewJourneyTests extends JourneyTest {

	@Autowired
	Reviews reviews;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	private ReviewSteps steps;

	@BeforeAll
	void prepareReviewSteps() {
		this.steps = new ReviewSteps(this.reviews, this.jdbc, this.users, this.clock);
	}

	@AfterAll
	void markReviewEmailsSent() {
		this.steps.markEmailsSent();
	}

	@Test
	void aProviderChecksTheDraftThenWritesTheActionPlan() {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), ReviewSteps.TWO_BELOW_GOOD);
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.navigate("Your organisation");
			tab.page.getByText("See quality assurance reviews of your services").click();
			assertThat(tab.page.locator("h1")).hasText("Quality assurance reviews");
			tab.checkAccessibility();
			tab.screenshot("provider-reviews");
			tab.page.locator("main table tr")
				.filter(new Locator.FilterOptions()
					.setHasText(this.reviews.get(id, org.carecycle.identity.ProviderScope.everything()).reference()))
				.locator("a")
				.click();
			assertThat(tab.page.locator("h1")).hasText("Draft quality assurance report");
			tab.checkAccessibility();

			Locator medicines = tab.page.locator("#finding-MEDICINES");
			medicines.locator("textarea").fill("The fridge log was in the office on both days.");
			medicines.locator("button").click();
			assertThat(tab.page.locator(".govuk-notification-banner--success")).containsText("Comment saved");
			assertThat(tab.page.locator("#send-your-response")).isVisible();
			tab.checkAccessibility();
			tab.screenshot("provider-review-draft");
			tab.page.click("#send-your-response ~ form button");
			assertThat(tab.page.locator(".govuk-notification-banner--success"))
				.containsText("Your comments have been sent to the council");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}

		this.steps.as(Role.COMMISSIONER, () -> {
			this.reviews.decide(id, this.steps.version(id), "MEDICINES",
					org.carecycle.quality.Finding.DisputeOutcome.NOT_UPHELD,
					"The log could not be found on either day of the visit.", null, null);
			this.reviews.publish(id, this.steps.version(id), "One comment, not upheld.");
			return null;
		});
		LocalDate due = this.steps.today().plusMonths(2);
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.go("/my-organisation/reviews/" + id);
			assertThat(tab.page.locator("h1")).hasText("Quality assurance report");
			Locator form = tab.page.locator("form.qa-add-action:has(input[name=standard][value=MEDICINES])");
			form.locator("button").click();
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter what you will do");
			assertThat(tab.page.locator(".govuk-error-summary")).isFocused();
			tab.checkAccessibility();
			form = tab.page.locator("form.qa-add-action:has(input[name=standard][value=MEDICINES])");
			form.locator("textarea").fill("Audit medicines records every week and act on every error.");
			form.locator("input[name=owner]").fill("Registered manager");
			form.locator("input[name=dueDay]").fill(String.valueOf(due.getDayOfMonth()));
			form.locator("input[name=dueMonth]").fill(String.valueOf(due.getMonthValue()));
			form.locator("input[name=dueYear]").fill(String.valueOf(due.getYear()));
			form.locator("button").click();
			assertThat(tab.page.locator(".govuk-notification-banner--success")).containsText("Action added");
			tab.checkAccessibility();
			tab.screenshot("provider-review-action-plan");
			assertThat(tab.problems()).isEmpty();
		}
		assertThat(this.reviews.actions(id)).hasSize(1);
	}

}
