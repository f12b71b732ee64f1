package org.carecycle.web;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
