package org.carecycle.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.carecycle.HttpVisitor;
import org.carecycle.ServerTest;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are GOV.UK pages inside the layout: page not found, no access, a problem with
 * the request. Never a Whitelabel page, never a stack trace, and never a hint that a
 * record of another organisation exists.
 */
@ServerTest
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMissingRecordIsPageNotFoundInTheLayout() throws Exception {
		HttpResponse<String> response = visitor(Role.COMMISSIONER).get("/services/" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<h1 class=\"govuk-heading-l\">Page not found</h1>", "govuk-header",
				"<title>Page not found - CareCycle - Cornwall Council</title>", "href=\"/services\"");
	}

	@Test
	void somethingThatIsNotAnIdInTheAddressIsPageNotFound() throws Exception {
		HttpResponse<String> response = visitor(Role.COMMISSIONER).get("/services/%3Cscript%3E");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").doesNotContain("<script>alert");
	}

	@Test
	void aMalformedQueryIsAProblemWithTheRequest() throws Exception {
		HttpResponse<String> response = visitor(Role.COMMISSIONER).get("/services?page=many");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("There is a problem with your request").doesNotContain("Exception");
	}

	@Test
	void aPageOfAnotherRoleSaysSoAndKeepsTheirNavigation() throws Exception {
		HttpResponse<String> response = visitor(Role.QA_OFFICER).get("/admin/audit");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You do not have access to this page", "href=\"/services\"");
	}

	@Test
	void anotherProvidersServiceLooksExactlyLikeOneThatDoesNotExist() throws Exception {
		UUID own = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
		UUID theirs = this.jdbc.sql("select id from care_service where provider_id <> :own limit 1")
			.param("own", own)
			.query(UUID.class)
			.single();
		HttpVisitor provider = visitor(Role.PROVIDER);
		HttpResponse<String> existing = provider.get("/my-organisation/services/" + theirs);
		HttpResponse<String> missing = provider.get("/my-organisation/services/" + UUID.randomUUID());
		assertThat(existing.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(withoutTokens(existing.body())).isEqualTo(withoutTokens(missing.body()));
	}

	@Test
	void neverShowsAWhitelabelPageOrStackTrace() throws Exception {
		HttpResponse<String> response = new HttpVisitor(this.port).get("/error");
		assertThat(response.body()).doesNotContain("Whitelabel", "at org.", "Exception");
		HttpResponse<String> unknown = new HttpVisitor(this.port).get("/no/such/page");
		assertThat(unknown.statusCode()).isEqualTo(302);
	}

	/** The page without its per-request CSRF tokens, which differ on every page. */
	private static String withoutTokens(String html) {
		return html.replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private HttpVisitor visitor(Role role) throws Exception {
		return new HttpVisitor(this.port).signedInAs(role);
	}

}
