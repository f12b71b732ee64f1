package org.carecycle.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationTest
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageForbidsInlineScriptFramingAndSniffing() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
							containsString("object-src 'none'"), not(containsString("unsafe-inline")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Permissions-Policy", containsString("camera=()")));
	}

	/**
	 * Not only the home page: public and signed-in pages, error pages, a refusal, static
	 * files, the API and a "too many requests" answer all carry the headers, since a page
	 * an attacker can frame or sniff is as good to them as any other.
	 */
	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		Map<String, ResultActions> responses = new LinkedHashMap<>();
		for (String path : List.of("/", "/directory", "/tell-us", "/tell-us/kind", "/sign-in", "/accessibility",
				"/directory/services/not-an-id", "/no-such-page")) {
			responses.put("anonymous " + path, this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)));
		}
		for (String path : List.of("/services", "/concerns", "/services/00000000-0000-0000-0000-000000000000",
				"/admin/users")) {
			responses.put("commissioner " + path,
					this.mvc.perform(get(path).session(commissioner).accept(MediaType.TEXT_HTML)));
		}
		for (String path : List.of("/css/carecycle.css", "/js/carecycle.mjs", "/favicon.svg",
				"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")) {
			responses.put("static " + path, this.mvc.perform(get(path)));
		}
		ResultActions tooMany = null;
		for (int i = 0; i < 500 && tooMany == null; i++) {
			ResultActions response = this.mvc.perform(get("/accessibility").with(request -> {
				request.setRemoteAddr("192.0.2.99");
				return request;
			}));
			if (response.andReturn().getResponse().getStatus() == 429) {
				tooMany = response;
			}
		}
		assertThat(tooMany).as("a client over the public rate limit").isNotNull();
		responses.put("too many requests", tooMany);
		List<Integer> statuses = new ArrayList<>();
		for (Map.Entry<String, ResultActions> response : responses.entrySet()) {
			statuses.add(response.getValue().andReturn().getResponse().getStatus());
			response.getValue()
				.andExpect(header().string("Content-Security-Policy",
						allOf(containsString("frame-ancestors 'none'"), containsString("script-src 'self'"),
								not(containsString("unsafe-inline")))))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
				.andExpect(header().string("Permissions-Policy", containsString("camera=()")));
		}
		assertThat(statuses).as("pages, redirects, refusals, errors and limits were all checked")
			.contains(200, 302, 403, 404, 429);
		ResultActions api = this.mvc.perform(get("/api/v1/returns/owed")).andExpect(status().isUnauthorized());
		api.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void pagesHaveNoInlineScript() throws Exception {
		this.mvc.perform(get("/").session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(
					matchesRegex("(?s).*<script type=\"module\" src=\"/js/carecycle-[0-9a-f]{32}\\.mjs\"></script>.*")))
			.andExpect(content().string(not(containsString(" style=\""))));
	}

	@Test
	void signedInPagesAreNotCached() throws Exception {
		this.mvc.perform(get("/services").session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/users").session(SignIn.as(this.mvc, Role.ADMIN))
				.param("displayName", "Forged")
				.param("email", "forged@example.org")
				.param("role", "ADMIN"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/sign-out").session(SignIn.as(this.mvc, Role.ADMIN))).andExpect(status().isForbidden());
	}

	@Test
	void servesTheGovukFrontendAssets() throws Exception {
		this.mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/js/carecycle.mjs"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("javascript")));
		this.mvc.perform(get("/css/carecycle.css")).andExpect(status().isOk());
		this.mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
	}

}
