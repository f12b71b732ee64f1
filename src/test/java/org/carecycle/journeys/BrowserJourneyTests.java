package org.carecycle.journeys;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's journey in a real browser: sign in, see that role's navigation and nothing
 * else, open every section, sign out, with an accessibility scan of every page visited
 * and no console error or failed request along the way.
 */
class BrowserJourneyTests extends JourneyTest {

	/** The navigation each role should see, in order. */
	private static final Map<Role, List<String>> NAVIGATION = Map
		.of(Role.ADMIN,
				List.of("Providers", "Concerns", "Services", "Quality reviews", "Oversight", "Market map",
						"Commissioning", "Frameworks and markets", "Contracts", "Tenders", "Imports", "People",
						"Audit log", "QA framework", "KPIs"),
				Role.COMMISSIONER,
				List.of("Providers", "Concerns", "Services", "Quality reviews", "Oversight", "Market map",
						"Commissioning", "Find a service", "Frameworks and markets", "Contracts", "Tenders", "Imports"),
				Role.QA_OFFICER,
				List.of("Providers", "Concerns", "Safeguarding", "Services", "Quality reviews", "Oversight",
						"Market map", "Commissioning", "Frameworks and markets", "Contracts", "Tenders", "Imports"),
				Role.SAFEGUARDING_LEAD,
				List.of("Providers", "Concerns", "Safeguarding", "Services", "Quality reviews", "Oversight",
						"Market map", "Commissioning", "Frameworks and markets", "Tenders"),
				Role.CASE_MANAGER, List.of("Providers", "Services", "Market map", "Commissioning", "Find a service",
						"Frameworks and markets", "Tenders"),
				Role.PROVIDER, List.of("Your organisation"));

	@ParameterizedTest
	@EnumSource(Role.class)
	void eachRoleSignsInSeesItsSectionsAndSignsOut(Role role) {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/sign-in");
			tab.page.locator("[data-module=govuk-password-input][data-govuk-password-input-init]").waitFor();
			tab.checkAccessibility();
			tab.page.fill("#email", SignIn.DEMO_EMAILS.get(role));
			tab.page.fill("#password", SignIn.DEMO_PASSWORD);
			tab.page.click("#sign-in");
			tab.secondStep(role, true);
			assertThat(tab.page).hasURL(Pattern.compile(".*/$"));
			assertThat(tab.page.locator("h1")).containsText("Welcome");
			List<String> navigation = tab.page.locator("#navigation > li:not(.carecycle-navigation__account) a")
				.allInnerTexts()
				.stream()
				.map(String::strip)
				.filter(text -> !text.equals("Your account"))
				.toList();
			assertThat(navigation).isEqualTo(NAVIGATION.get(role));
			tab.checkAccessibility();
			tab.screenshot("home-" + role.name().toLowerCase());

			for (String section : NAVIGATION.get(role)) {
				tab.page.locator("#navigation")
					.getByText(section, new Locator.GetByTextOptions().setExact(true))
					.click();
				assertThat(tab.page.locator("#navigation .govuk-service-navigation__item--active"))
					.containsText(section);
				tab.checkAccessibility();
				Locator firstRecord = tab.page.locator("main table.govuk-table tbody a.govuk-link").first();
				if (firstRecord.count() > 0) {
					firstRecord.click();
					assertThat(tab.page.locator("h1")).isVisible();
					tab.checkAccessibility();
				}
			}
			tab.page.getByText("Your account", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true))
				.click();
			assertThat(tab.page.locator("h1")).hasText("Your account");
			tab.checkAccessibility();

			tab.page.locator("#navigation").getByText("Sign out").click();
			assertThat(tab.page).hasURL(Pattern.compile(".*/sign-in\\?signed-out$"));
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("You have signed out");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void aSafeguardingLeadReadsTheScreensFiguresAndTriesAnExample() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.SAFEGUARDING_LEAD);
			tab.go("/admin/safeguarding-rules");
			assertThat(tab.page.locator("caption").first()).containsText("On the held-out test set");
			assertThat(tab.page.locator("main")).containsText("Neglect and acts of omission");
			tab.checkAccessibility();
			tab.page.getByText("Add an example", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true))
				.click();
			tab.page
				.locator("button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Check the effect"))
				.click();
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter an example");
			tab.checkAccessibility();
			tab.page.fill("#text", "they leave him in bed all day now and nobody gets him up or changes him");
			tab.page.check("#abuseType-NEGLECT");
			tab.page
				.locator("button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Check the effect"))
				.click();
			assertThat(tab.page.locator("#effect")).hasText("What this example would change");
			tab.checkAccessibility();
			tab.screenshot("safeguarding-example-effect");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void thePublicSeesTheStartAndInformationPagesAndIsAskedToSignInForTheRest() {
		try (Browser.Tab tab = this.browser.open(true)) {
			for (String page : List.of("/", "/accessibility", "/cookies", "/privacy")) {
				tab.go(page);
				assertThat(tab.page.locator("h1")).isVisible();
				tab.checkAccessibility();
			}
			tab.screenshot("start");
			tab.go("/services");
			assertThat(tab.page).hasURL(Pattern.compile(".*/sign-in$"));
			tab.screenshot("sign-in");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void errorPagesAndFormErrorsAreAccessible() {
		try (Browser.Tab tab = this.browser.open(true).allowing(404).allowing(403)) {
			tab.go("/sign-in");
			tab.page.click("#sign-in");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter your email address");
			assertThat(tab.page.locator(".govuk-error-summary")).isFocused();
			tab.checkAccessibility();
			tab.page.locator(".govuk-error-summary a").first().click();
			assertThat(tab.page.locator("#email")).isFocused();

			tab.signIn(Role.ADMIN);
			tab.go("/admin/users/new");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter the person's full name");
			assertThat(tab.page).hasTitle(Pattern.compile("^Error: Add a person.*"));
			tab.checkAccessibility();
			tab.go("/admin/audit?fromDay=31&fromMonth=2&fromYear=2026");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("From must be a real date");
			tab.checkAccessibility();
			tab.go("/services/00000000-0000-0000-0000-000000000000");
			assertThat(tab.page.locator("h1")).hasText("Page not found");
			tab.checkAccessibility();
			tab.go("/my-organisation");
			assertThat(tab.page.locator("h1")).hasText("You do not have access to this page");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void everythingWorksWithoutJavaScript() {
		try (Browser.Tab tab = this.browser.open(false)) {
			tab.signIn(Role.COMMISSIONER);
			assertThat(tab.page.locator("h1")).containsText("Welcome, Jo Trewin");
			tab.page.locator("#navigation")
				.getByText("Services", new Locator.GetByTextOptions().setExact(true))
				.click();
			tab.page.selectOption("#type", "HOME_CARE");
			tab.page.locator("form.carecycle-filter button").click();
			assertThat(tab.page).hasURL(Pattern.compile(".*type=HOME_CARE.*"));
			tab.page.locator("main table thead").getByText("Capacity").click();
			assertThat(tab.page).hasURL(Pattern.compile(".*sort=capacity.*"));
			tab.page.locator(".govuk-pagination__next a").click();
			assertThat(tab.page).hasURL(Pattern.compile(".*page=2.*"));
			tab.page.locator("#navigation").getByText("Sign out").click();
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("You have signed out");
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void warnsBeforeTheSessionEndsAndSignsOutWhenTheTimeIsUp() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.page.clock().install();
			tab.signIn(Role.QA_OFFICER);
			Locator warning = tab.page.locator("#timeout-warning");
			tab.page.locator("#timeout-warning[data-ready]")
				.waitFor(new Locator.WaitForOptions()
					.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
			assertThat(warning).isHidden();
			tab.page.clock().runFor(29 * 60_000);
			assertThat(warning).isVisible();
			assertThat(warning).containsText("You're about to be signed out");
			tab.checkAccessibility();
			tab.page.getByText("Stay signed in").click();
			assertThat(warning).isHidden();
			tab.page.clock().runFor(29 * 60_000);
			assertThat(warning).isVisible();
			tab.page.clock().runFor(2 * 60_000);
			assertThat(tab.page).hasURL(Pattern.compile(".*/sign-in\\?timeout$"));
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("We signed you out");
			assertThat(tab.problems()).isEmpty();
		}
	}

}
