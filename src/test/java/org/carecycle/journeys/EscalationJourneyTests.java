package org.carecycle.journeys;

import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.options.AriaRole;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior manager walks a service up every stage of the escalation ladder and back down,
 * with the suspension's timers and the embargo in the public directory; every page is
 * scanned for accessibility.
 */
class EscalationJourneyTests extends JourneyTest {

	@Autowired
	JdbcClient jdbc;

	private void move(Browser.Tab tab, String stage, String expected, LocalDate review) {
		tab.page
			.getByRole(AriaRole.LINK,
					new com.microsoft.playwright.Page.GetByRoleOptions().setName("Change the stage").setExact(true))
			.first()
			.click();
		tab.checkAccessibility();
		tab.page.check("input[name=stage][value=" + stage + "]");
		tab.page.fill("#evidence", "Concerns, the last review and the CQC report for " + stage + ".");
		tab.page.fill("#rationale", "The evidence shows this stage is needed now.");
		if (review != null) {
			tab.page.fill("#reviewDay", String.valueOf(review.getDayOfMonth()));
			tab.page.fill("#reviewMonth", String.valueOf(review.getMonthValue()));
			tab.page.fill("#reviewYear", String.valueOf(review.getYear()));
		}
		tab.page.click("main button[type=submit]");
		assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Stage changed and everyone told");
		assertThat(tab.page.locator("main")).containsText(expected + " (current stage)");
		tab.checkAccessibility();
	}

	@Test
	void aServiceIsWalkedUpEveryStageAndBackDown() {
		UUID service = this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= current_date and c.ends_on >= current_date)
				and not exists (select 1 from escalation e where e.care_service_id = s.id or
				                (e.subject_kind = 'PROVIDER' and e.provider_id = s.provider_id))
				order by s.name desc limit 1""").query(UUID.class).single();
		LocalDate review = LocalDate.now(UkTime.ZONE).plusDays(60);
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.COMMISSIONER);
			tab.navigate("Oversight");
			tab.checkAccessibility();
			tab.go("/services/" + service);
			tab.page.getByText("Escalate this service").click();
			assertThat(tab.page.locator("h1")).hasText("Change the stage");
			tab.checkAccessibility();
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-error-summary")).containsText("Select the stage");
			tab.checkAccessibility();
			tab.page.check("input[name=stage][value=ENHANCED]");
			tab.page.fill("#evidence", "Four concerns about late medicines in two months.");
			tab.page.fill("#rationale", "An improvement plan with monthly visits.");
			tab.page.fill("#reviewDay", String.valueOf(review.getDayOfMonth()));
			tab.page.fill("#reviewMonth", String.valueOf(review.getMonthValue()));
			tab.page.fill("#reviewYear", String.valueOf(review.getYear()));
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator("main")).containsText("Enhanced monitoring (current stage)");
			tab.checkAccessibility();

			move(tab, "PROVIDER_CONCERNS", "Provider concerns", review);
			tab.page.getByText("Record a multi-agency meeting").click();
			tab.checkAccessibility();
			LocalDate today = LocalDate.now(UkTime.ZONE);
			tab.page.fill("#heldDay", String.valueOf(today.getDayOfMonth()));
			tab.page.fill("#heldMonth", String.valueOf(today.getMonthValue()));
			tab.page.fill("#heldYear", String.valueOf(today.getYear()));
			tab.page.fill("#attendees", "Council (chair), CQC inspector, ICB quality lead");
			tab.page.fill("#minutes", "Agreed a whole-service concern and a lead officer.");
			tab.page.click("main button[type=submit]");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Meeting recorded");

			move(tab, "SUSPENSION", "Suspension of new placements", review);
			assertThat(tab.page.locator("main")).containsText("The provider may appeal until");
			assertThat(tab.page.locator("main")).containsText("suspended new placements");
			tab.screenshot("escalation-suspension");
			tab.page.fill("#letter-day", String.valueOf(today.getDayOfMonth()));
			tab.page.fill("#letter-month", String.valueOf(today.getMonthValue()));
			tab.page.fill("#letter-year", String.valueOf(today.getYear()));
			tab.page.click("#letter button");
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Letter recorded");
			tab.checkAccessibility();

			try (Browser.Tab visitor = this.browser.open(true)) {
				visitor.go("/directory/services/" + service);
				assertThat(visitor.page.locator("main"))
					.containsText("Not currently accepting new placements by the council");
				visitor.checkAccessibility();
			}

			move(tab, "CONTRACT_ACTION", "Contract default or termination", review);
			move(tab, "ROUTINE", "Routine monitoring", null);
			tab.go("/oversight");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from escalation_decision d join escalation e on e.id = d.escalation_id
				where e.care_service_id = :id""").param("id", service).query(Long.class).single()).isEqualTo(5);
		assertThat(this.jdbc.sql("""
				select count(distinct dedupe_key) from mail_outbox where dedupe_key like 'escalation:%'
				and dedupe_key like (select 'escalation:' || id || ':%' from escalation where care_service_id = :id)""")
			.param("id", service)
			.query(Long.class)
			.single()).isPositive();
	}

}
