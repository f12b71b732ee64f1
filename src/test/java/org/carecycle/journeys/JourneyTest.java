package org.carecycle.journeys;

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

}
