package org.carecycle.journeys;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.carecycle.SignIn;
import org.carecycle.safeguarding.SacReturns;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's journey in a browser: a concern from the public that the screen flags
 * becomes a safeguarding concern; the safeguarding lead records the section 42 decision
 * and causes the provider to make the enquiry; the provider sends its findings without
 * learning who raised it or what they said; the lead concludes with the Making
 * Safeguarding Personal outcome, closes it, and finds it counted in the year's
 * Safeguarding Adults Collection tables. Then a whole-service enquiry runs from being
 * raised to its closing meeting. Every page is scanned for accessibility.
 */
class SafeguardingJourneyTests extends JourneyTest {

	private static final String WORDS = "Mum has bruses on both arms and the night carer yanked her arm to get her out of"
			+ " the chair. She is frightened of him now.";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SacReturns returns;

	private void submit(Browser.Tab tab) {
		tab.checkAccessibility();
		tab.page.click("main button[type=submit]:not([name=more])");
	}

	@Test
	void aFlaggedConcernIsDecidedEnquiredIntoByTheProviderConcludedAndCounted() {
		String service = this.jdbc.sql("""
				select s.name from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE' order by s.name limit 1""")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(String.class)
			.single();
		String ppmf = tellUs(service);
		UUID caseId = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select id from safeguarding_concern where ppmf_reference = :r")
				.param("r", ppmf)
				.query(UUID.class)
				.optional()
				.orElse(null), id -> id != null);
		String reference = this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		String caseUrl = "/safeguarding/concerns/" + caseId;

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.SAFEGUARDING_LEAD);
			tab.navigate("Safeguarding");
			tab.checkAccessibility();
			// other tests add cases of their own: the lead finds this one by its
			// reference
			tab.page.fill("#reference", reference);
			tab.page.locator("#reference").press("Enter");
			assertThat(tab.page.locator("main table")).containsText(reference);
			tab.checkAccessibility();
			tab.page.locator("main table a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(reference))
				.click();
			assertThat(tab.page.locator("h1")).hasText(reference);
			assertThat(tab.page.locator("main")).containsText("matches the rule \"bruis*\"");
			assertThat(tab.page.locator("main")).containsText(ppmf);
			tab.checkAccessibility();

			tab.go(caseUrl + "/edit");
			tab.page.fill("#adultInitials", "JT");
			choose(tab, "ageBand", "AGE_85_94");
			choose(tab, "gender", "FEMALE");
			choose(tab, "ethnicity", "WHITE");
			choose(tab, "supportReason", "MEMORY_AND_COGNITION");
			tab.page.check("input[name=riskTypes][value=PHYSICAL]");
			choose(tab, "locationOfRisk", "CARE_HOME_RESIDENTIAL");
			tab.page.check("input[name=sourcesOfRisk][value=SERVICE_PROVIDER]");
			submit(tab);
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Details changed");

			tab.go(caseUrl + "/decision");
			submit(tab);
			assertThat(tab.page.locator(".govuk-error-summary"))
				.containsText("Select yes if the adult has needs for care and support");
			tab.checkAccessibility();
			for (String question : new String[] { "careNeeds", "abuse", "unableToProtect" }) {
				tab.page.check("input[name=" + question + "][value=yes]");
			}
			tab.page.fill("#reasons", "Lives with dementia in a residential home; bruising and a carer seen pulling"
					+ " her arm; she cannot protect herself from night staff.");
			tab.page.check("input[name=outcome][value=SECTION_42]");
			submit(tab);
			assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Section 42 decision recorded");

			String enquiry = caseUrl + "/enquiry";
			tab.go(enquiry);
			tab.checkAccessibility();
			tab.go(enquiry + "/planning");
			tab.page.fill("input[name=heldOnDay]", "7");
			tab.page.fill("input[name=heldOnMonth]", "12");
			tab.page.fill("input[name=heldOnYear]", "2026");
			tab.page.fill("#participants", "Safeguarding lead, QA officer, the registered manager by phone");
			tab.page.fill("#notes", "The provider investigates the night shift and sends rotas and body maps.");
			submit(tab);
			tab.go(enquiry + "/maker");
			tab.page.check("input[name=madeBy][value=PROVIDER]");
			tab.page.fill("#request", "Find out what happened on the night shift, who was on duty and how the"
					+ " bruising was recorded; send the rota, body maps and what you have done.");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Waiting for the provider");
			tab.go(enquiry + "/capacity");
			tab.page.check("input[name=lackedCapacity][value=YES]");
			tab.page.check("input[name=advocacySupport][value=YES]");
			submit(tab);
			tab.go(enquiry + "/outcomes");
			tab.page.check("input[name=outcomesAsked][value=ASKED_EXPRESSED]");
			tab.page.fill("#desiredOutcomes", "Her daughter, for her: to feel safe at night and that carer kept away.");
			submit(tab);
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.PROVIDER);
			tab.go("/my-organisation/safeguarding");
			tab.checkAccessibility();
			tab.page.locator("main table a").first().click();
			assertThat(tab.page.locator("main")).containsText("night shift");
			// never who raised it, nor what they said
			assertThat(tab.page.locator("main")).not().containsText("Demelza");
			assertThat(tab.page.locator("main")).not().containsText("yanked");
			assertThat(tab.page.locator("main")).not().containsText("bruses");
			tab.page.fill("#findings", "The carer on nights has been suspended. The rota, body maps and the"
					+ " night manager's statement are attached to our reply by email.");
			submit(tab);
			assertThat(tab.page.locator(".govuk-notification-banner")).isVisible();
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}

		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.SAFEGUARDING_LEAD);
			String enquiry = caseUrl + "/enquiry";
			tab.go(enquiry);
			assertThat(tab.page.locator("main")).containsText("The carer on nights has been suspended");
			tab.go(enquiry + "/conclusion");
			tab.page.check("input[name=actionAndResult][value=RISK_IDENTIFIED_ACTION_TAKEN]");
			tab.page.check("input[name=riskOutcome][value=REDUCED]");
			tab.page.check("input[name=outcomesAchieved][value=PARTIALLY]");
			tab.page.fill("#protectionPlan", "Two staff for personal care at night; weekly checks by the manager.");
			tab.page.fill("#conclusion", "Risk identified and reduced; the carer is suspended pending a referral to"
					+ " the Disclosure and Barring Service.");
			java.time.LocalDate today = java.time.LocalDate.now(org.carecycle.shared.UkTime.ZONE);
			tab.page.fill("input[name=concludedOnDay]", String.valueOf(today.getDayOfMonth()));
			tab.page.fill("input[name=concludedOnMonth]", String.valueOf(today.getMonthValue()));
			tab.page.fill("input[name=concludedOnYear]", String.valueOf(today.getYear()));
			submit(tab);
			tab.go(enquiry + "/close");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Closed");
			tab.checkAccessibility();

			int year = this.returns.currentYear();
			tab.go("/safeguarding/returns/" + year);
			assertThat(tab.page.locator("main")).containsText("SG2a");
			tab.checkAccessibility();
			assertThat(this.returns
				.cases(year, SacReturns.table("SG2a").orElseThrow(),
						SacReturns.table("SG2a").orElseThrow().row("PHYSICAL").orElseThrow(), SacReturns.Column.S42, 1,
						1000)
				.items()
				.stream()
				.anyMatch(line -> line.reference().equals(reference))).as("counted under physical abuse in SG2a")
				.isTrue();
			assertThat(tab.problems()).isEmpty();
		}
	}

	@Test
	void aWholeServiceEnquiryRunsFromBeingRaisedToItsClosingMeeting() {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.signIn(Role.SAFEGUARDING_LEAD);
			tab.go("/safeguarding/whole-service");
			tab.checkAccessibility();
			tab.go("/safeguarding/whole-service/new");
			String value = this.jdbc.sql("""
					select s.id::text from care_service s
					where s.id in (select care_service_id from safeguarding_concern) and not exists (
					    select 1 from safeguarding_whole_service_enquiry w
					    where w.care_service_id = s.id and w.status in ('SUGGESTED', 'OPEN'))
					order by s.name desc limit 1""").query(String.class).single();
			tab.page.selectOption("select[name=service]", value);
			tab.page.fill("#detail", "Three families and the district nurses describe residents left in bed until"
					+ " noon and call bells unanswered at night.");
			submit(tab);
			assertThat(tab.page)
				.hasURL(java.util.regex.Pattern.compile(".*/safeguarding/whole-service/[0-9a-f-]{36}.*"));
			String url = tab.page.url().replaceAll("[?#].*", "");
			tab.checkAccessibility();
			tab.page.navigate(url + "/decide");
			tab.page.check("input[name=decision][value=OPEN]");
			tab.page.fill("#reasons", "The pattern across residents needs one enquiry into the home's practice.");
			tab.page.check("input[name=suspendPlacements][value=false]");
			submit(tab);
			String enquiry = tab.page.url().replaceAll("\\?.*", "");
			assertThat(tab.page.locator("main")).containsText("Open");
			tab.checkAccessibility();

			tab.page.navigate(enquiry + "/meetings/new");
			tab.page.check("input[name=kind][value=CLOSING]");
			java.time.LocalDate today = java.time.LocalDate.now(org.carecycle.shared.UkTime.ZONE);
			tab.page.fill("input[name=heldDay]", String.valueOf(today.getDayOfMonth()));
			tab.page.fill("input[name=heldMonth]", String.valueOf(today.getMonthValue()));
			tab.page.fill("input[name=heldYear]", String.valueOf(today.getYear()));
			tab.page.fill("#agenda", "Progress on the action plan; residents' views; closing the enquiry.");
			tab.page.fill("#minutes", "Actions complete; night staffing meets the agreed levels.");
			tab.page.fill("input[name='attendees[0].name']", "Priya Shah");
			tab.page.selectOption("select[name='attendees[0].agency']", "COUNCIL");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Priya Shah");
			tab.page.navigate(enquiry + "/close");
			tab.page.fill("#summary", "Closed at the closing meeting: practice has changed and is monitored.");
			submit(tab);
			assertThat(tab.page.locator("main")).containsText("Closed");
			tab.checkAccessibility();
			assertThat(tab.problems()).isEmpty();
		}
	}

	private String tellUs(String service) {
		try (Browser.Tab tab = this.browser.open(true)) {
			tab.go("/tell-us");
			tab.page.getByText("Start now").click();
			answerTellUs(tab, new TellUs(service, WORDS, "Saturday night", "My mother, who lives there",
					"Demelza Trevithick", "demelza.trevithick@example.org"), false);
			return sendTellUs(tab);
		}
	}

	/** Picks a value whether the page asks with a select or with radios. */
	private static void choose(Browser.Tab tab, String name, String value) {
		if (tab.page.locator("select[name=" + name + "]").count() > 0) {
			tab.page.selectOption("select[name=" + name + "]", value);
		}
		else {
			tab.page.check("input[name=" + name + "][value=" + value + "]");
		}
	}

	private void next(Browser.Tab tab) {
		tab.page.click("main button[type=submit] >> text=Continue");
	}

}
