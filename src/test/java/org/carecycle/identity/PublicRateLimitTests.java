package org.carecycle.identity;

import java.net.http.HttpResponse;

import org.carecycle.ProductionServerTest;
import org.carecycle.ThroughTheProxy;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client address that asks for pages faster than anyone browsing could is told to
 * wait, on the GOV.UK "too many requests" page with {@code Retry-After}, and nobody else
 * notices: not other addresses, not the static files, not a signed-in member of staff at
 * the same address. Sent through the proxy, as in production, so that each visitor's own
 * address is the one counted.
 */
@ProductionServerTest
class PublicRateLimitTests {

	/**
	 * The shipped default: a burst of 60 requests (the refill is slowed for these tests,
	 * see {@link ProductionServerTest}).
	 */
	private static final int BURST = 60;

	@LocalServerPort
	int port;

	@Test
	void anAddressThatAsksForTooManyPagesIsToldToWaitAndNobodyElseNotices() throws Exception {
		ThroughTheProxy hammer = new ThroughTheProxy(this.port, "203.0.113.50");
		int served = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 5 * BURST && refused == null; i++) {
			HttpResponse<String> page = hammer.get((i % 2 == 0) ? "/directory" : "/directory?q=care&page=2");
			if (page.statusCode() == 429) {
				refused = page;
			}
			else {
				assertThat(page.statusCode()).isEqualTo(200);
				served++;
			}
		}
		assertThat(refused).as("the directory refuses an address that never stops").isNotNull();
		assertThat(served).as("a whole burst is served first").isGreaterThanOrEqualTo(BURST);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
		assertThat(refused.body())
			.contains("<title>There have been too many requests - CareCycle - Cornwall Council",
					"<h1 class=\"govuk-heading-l\">There have been too many requests</h1>", "Try again in a minute.",
					"govuk-header")
			.doesNotContain("Exception", "at org.", "Whitelabel");

		assertThat(hammer.get("/").statusCode()).as("the home page, at the same address").isEqualTo(429);
		assertThat(hammer.get("/sign-in").statusCode()).as("the sign-in page, at the same address").isEqualTo(429);
		assertThat(hammer.get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode())
			.as("static files are never counted")
			.isEqualTo(200);
		assertThat(new ThroughTheProxy(this.port, "203.0.113.51").get("/directory").statusCode()).as("another address")
			.isEqualTo(200);
		ThroughTheProxy staff = new ThroughTheProxy(this.port, "203.0.113.52").signedInAs(Role.COMMISSIONER)
			.movedTo("203.0.113.50");
		assertThat(staff.get("/directory").statusCode()).as("a signed-in member of staff at the same address")
			.isEqualTo(200);
		assertThat(staff.get("/services").statusCode()).isEqualTo(200);
	}

}
