package org.carecycle.journeys;

import java.util.regex.Pattern;

import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in from the address people guess, {@code /login}, and landing on the home page
 * with the work waiting, for every role, with an accessibility scan of each page.
 */
class HomeJourneyTests extends JourneyTest {

	@ParameterizedTest
	@EnumSource(Role.class)
	void eachRoleSignsInFromLoginAndSeesItsWorkWaiting(Role role) {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/login");
			assertThat(tab.page).hasURL(Pattern.compile(".*/sign-in$"));
			tab.checkAccessibility();
			tab.page.fill("#email", SignIn.DEMO_EMAILS.get(role));
			tab.page.fill("#password", SignIn.DEMO_PASSWORD);
			tab.page.click("#sign-in");
			tab.secondStep(role, true);
			assertThat(tab.page).hasURL(Pattern.compile(".*/$"));
			assertThat(tab.page.locator("h1")).containsText("Welcome");
			assertThat(tab.page.locator("main")).not().containsText("You do not have access");
			assertThat(tab.page.locator("#todo-title")).hasText("Work waiting for you");
			if (role == Role.CASE_MANAGER) {
				assertThat(tab.page.locator("#todo-nothing")).hasText("Nothing is waiting for you today.");
			}
			else {
				assertThat(tab.page.locator("#todo .govuk-task-list__item").first()).isVisible();
			}
			tab.checkAccessibility();
			tab.screenshot("home-todo-" + role.name().toLowerCase());
			if (tab.page.locator("#todo a").count() > 0) {
				tab.page.locator("#todo a").first().click();
				assertThat(tab.page.locator("h1")).isVisible();
				assertThat(tab.page.locator("main")).not().containsText("You do not have access");
				tab.checkAccessibility();
			}
			assertThat(tab.problems()).isEmpty();
		}
	}

}
