package org.carecycle.journeys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.carecycle.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: the real server on its port, one Chromium for the
 * class, opened before the first journey and closed after the last, and the time an
 * assertion waits for the page (generous, for two busy cores).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyTest {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		this.browser = new Browser(this.port);
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@AfterAll
	void stopBrowser() {
		this.browser.close();
	}

	/** What a member of the public tells us about a service through "Tell us". */
	record TellUs(String service, String whatHappened, String when, String peopleAffected, String name, String email) {
	}

	/**
	 * Answers the "Tell us" pages from what the person wants to tell us (a concern) to
	 * their contact details, from the first question to "Check your answers"; checks each
	 * page's accessibility before leaving it if asked.
	 */
	static void answerTellUs(Browser.Tab tab, TellUs answers, boolean checkEachPage) {
		tab.page.check("input[name=kind][value=CONCERN]");
		continueOn(tab, checkEachPage);
		tab.page.fill("#q", answers.service());
		tab.page.click("main form[method=get] button");
		tab.page.locator("main .govuk-radios__item")
			.filter(new Locator.FilterOptions().setHasText(answers.service()))
			.first()
			.locator("input")
			.check();
		continueOn(tab, checkEachPage);
		tab.page.fill("#whatHappened", answers.whatHappened());
		continueOn(tab, checkEachPage);
		tab.page.fill("#whenText", answers.when());
		continueOn(tab, checkEachPage);
		tab.page.fill("#peopleAffected", answers.peopleAffected());
		continueOn(tab, checkEachPage);
		tab.page.check("input[name=atRisk][value=NOT_SURE]");
		continueOn(tab, checkEachPage);
		tab.page.check("input[name=reporterRole][value=RELATIVE_OR_FRIEND]");
		continueOn(tab, checkEachPage);
		tab.page.check("input[name=giveDetails][value=yes]");
		continueOn(tab, checkEachPage);
		tab.page.fill("#name", answers.name());
		tab.page.fill("#email", answers.email());
		tab.page.check("#consent");
		continueOn(tab, checkEachPage);
	}

	/** Sends the checked answers and gives the concern's reference on the panel. */
	static String sendTellUs(Browser.Tab tab) {
		tab.page.click("main button[type=submit] >> text=Send");
		Matcher matcher = Pattern.compile("PPMF-\\d{4}-\\d{6}")
			.matcher(tab.page.locator(".govuk-panel__body").innerText());
		PlaywrightAssertions.assertThat(tab.page.locator(".govuk-panel__body")).containsText("PPMF-");
		if (!matcher.find()) {
			throw new AssertionError(
					"No reference on the confirmation: " + tab.page.locator(".govuk-panel__body").innerText());
		}
		return matcher.group();
	}

	private static void continueOn(Browser.Tab tab, boolean check) {
		if (check) {
			tab.checkAccessibility();
		}
		tab.page.click("main button[type=submit] >> text=Continue");
	}

}
