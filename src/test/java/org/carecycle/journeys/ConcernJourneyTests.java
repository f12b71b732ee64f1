package org.carecycle.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A concern from the member of the public who sends it, through the safeguarding lead who
 * is emailed, the officer who assesses it and asks the provider, to the provider who
 * answers without learning who raised it. Every page is scanned for accessibility.
 */
class ConcernJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	private void next(Browser.Tab tab) {
		tab.checkAccessibility();
		tab.page.click("main button[type=submit] >> text=Continue");
	}

	@Test
	void aConcernGoesFromThePublicToSafeguardingTheOfficerAndTheProvider() {
		String service = this.jdbc.sql("""
				select s.name from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE' order by s.name limit 1""")
			.param("email", org.carecycle.SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(String.class)
			.single();
		String reference;
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/");
			tab.page.getByText("Tell us about an adult social care service").click();
			assertThat(tab.page.locator("h1")).hasText("Tell us about an adult social care service");
			tab.checkAccessibility();
			tab.page.getByText("Start now").click();

			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Select whether you want to tell us");
			assertThat(tab.page.locator(".govuk-error-summary")).isFocused();
			assertThat(tab.page).hasTitle(Pattern.compile("^Error: .*"));
			tab.checkAccessibility();
			answerTellUs(tab,
					new TellUs(service,
							"When I visited on Sunday my father had bruising on both arms and staff could not say how.",
							"Last Sunday afternoon", "My father, who lives there", "Loveday Penhaligon",
							"loveday.penhaligon@example.org"),
					true);

			assertThat(tab.page.locator("h1")).hasText("Check your answers before sending");
			assertThat(tab.page.locator("main")).containsText("Loveday Penhaligon");
			tab.checkAccessibility();
			tab.screenshot("tell-us-check");
			reference = sendTellUs(tab);
			assertThat(tab.page.locator(".govuk-panel__title")).hasText("Thank you, we have received it");
			tab.checkAccessibility();
			tab.screenshot("tell-us-sent");
			assertThat(tab.problems()).isEmpty();
		}
		// the safeguarding module opens the case and emails the leads once the concern is
		// saved
		String sent = reference;
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select count(*) from mail_outbox o join app_user u on u.email = o.recipient
					join safeguarding_concern c on o.subject like '%' || c.reference || '%'
					where u.role = 'SAFEGUARDING_LEAD' and c.ppmf_reference = :reference""")
				.param("reference", sent)
				.query(Long.class)
				.single()).isPositive());

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.SAFEGUARDING_LEAD);
			tab.navigate("Concerns");
			tab.checkAccessibility();
			tab.page.fill("#q", reference);
			tab.page.click("main form[method=get] button");
			Locator row = tab.page.locator("main table tr").filter(new Locator.FilterOptions().setHasText(reference));
			assertThat(row).containsText("Possible safeguarding");
			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference).setExact(true)).click();
			assertThat(tab.page.locator("main")).containsText("\"bruising\" matches the rule \"bruis*\"");
			tab.checkAccessibility();
			// the police ask for the concern to be kept: a legal hold, which needs a
			// reason
			tab.page.getByText("Place on legal hold").click();
			tab.checkAccessibility();
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter why this concern must be kept");
			tab.checkAccessibility();
			tab.page.fill("#reason", "Police investigation, reference DC 4471: keep until the case closes.");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Concern placed on legal hold");
			assertThat(tab.page.locator("#legal-hold")).containsText("Police investigation, reference DC 4471");
			tab.checkAccessibility();
			// and sees who has opened it: themselves, as safeguarding lead
			tab.page.getByText("Who has seen this concern").click();
			assertThat(tab.page.locator("main table")).containsText("Safeguarding");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.QA_OFFICER);
			tab.navigate("Concerns");
			tab.page.fill("#q", reference);
			tab.page.click("main form[method=get] button");
			tab.page.locator("main table")
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference).setExact(true))
				.click();
			tab.page.click("main button >> text=Acknowledge");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Concern acknowledged");
			tab.page.getByText("Assess concern").click();
			tab.checkAccessibility();
			tab.page.check("input[name=themes][value=FALLS]");
			tab.page.check("input[name=likelihood][value='3']");
			tab.page.check("input[name=impact][value='4']");
			tab.page.check("input[name=action][value=ASK_PROVIDER]");
			tab.page.fill("#rationale", "Unexplained bruising: the provider must account for it today.");
			tab.page.fill("#providerSummary",
					"A relative saw bruising on a resident's arms on Sunday. How did it happen, and what have you done?");
			tab.screenshot("concern-assess");
			tab.page.click("main button[type=submit] >> text=Save assessment");
			// The check before anything goes to the provider: what might identify someone
			// is
			// highlighted, and nothing is sent until the officer confirms they checked
			// it.
			assertThat(tab.page.locator("h1")).hasText("Check what the provider will see");
			assertThat(tab.page.locator("#provider-summary mark")).containsText("on Sunday");
			assertThat(tab.page.locator("#identifying-details")).containsText("a date or time");
			tab.checkAccessibility();
			tab.screenshot("concern-assess-check");
			tab.page.click("main button[type=submit] >> text=Send to the provider");
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("Confirm you have checked that the summary does not identify the person who told us");
			tab.checkAccessibility();
			tab.page.check("#summaryChecked");
			tab.page.click("main button[type=submit] >> text=Send to the provider");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Assessment saved");
			assertThat(tab.page.locator("main")).containsText("Likelihood 3 times impact 4 = 12 (High)");
			tab.checkAccessibility();
			tab.screenshot("concern");
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.navigate("Your organisation");
			tab.page.getByText("See concerns the council has asked you to respond to").click();
			tab.checkAccessibility();
			tab.page.locator("main table")
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference).setExact(true))
				.click();
			assertThat(tab.page.locator("main")).containsText("A relative saw bruising");
			assertThat(tab.page.locator("main")).not().containsText("Penhaligon");
			tab.checkAccessibility();
			tab.screenshot("provider-request");
			tab.page.fill("#response", "We found the hoist sling was the wrong size, replaced it and retrained staff.");
			tab.page.click("main button[type=submit] >> text=Send response");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Response sent");
			tab.checkAccessibility();

			tab.go("/my-organisation/concerns");
			tab.page.getByText("Report an incident").first().click();
			assertThat(tab.page.locator("h1")).hasText("Report an incident");
			tab.checkAccessibility();
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("Choose the service the incident happened at");
			tab.checkAccessibility();
			tab.page.selectOption("#service", new com.microsoft.playwright.options.SelectOption().setLabel(service));
			tab.page.fill("#whatHappened", "A resident slipped in the dining room; no injury, seen by the nurse.");
			tab.page.fill("#whenDay", "21");
			tab.page.fill("#whenMonth", "11");
			tab.page.fill("#whenYear", "2026");
			tab.page.check("input[name=atRisk][value=NO]");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("sent to the council");
			assertThat(tab.page.locator("main")).containsText("Incidents you have reported");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

}
