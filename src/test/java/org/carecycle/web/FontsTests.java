package org.carecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecycle.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every font GOV.UK Frontend's style sheet names is answered with a font anyone may
 * fetch, never with the sign-in page: a browser that lays a page out before CareCycle's
 * own style sheet applies (which sets Arial) asks for them, and a web page in place of a
 * font is an error in its console.
 */
@ApplicationTest
class FontsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyFontTheGovukStyleSheetNamesIsATrueTypeFontForAnyone() throws Exception {
		Set<String> fonts = fontsNamedByTheGovukStyleSheet();
		assertThat(fonts).hasSizeGreaterThanOrEqualTo(4);
		for (String font : fonts) {
			MvcResult result = this.mvc.perform(get(font)).andExpect(status().isOk()).andReturn();
			assertThat(result.getResponse().getContentType()).as(font).isEqualTo("font/ttf");
			byte[] body = result.getResponse().getContentAsByteArray();
			assertThat(body).as(font).startsWith(0, 1, 0, 0);
		}
	}

	@Test
	void onlyFontNamesAreAnswered() throws Exception {
		this.mvc.perform(get("/assets/fonts/../../application.properties")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/assets/fonts/light.ttf")).andExpect(status().isNotFound());
	}

	private static Set<String> fontsNamedByTheGovukStyleSheet() throws IOException {
		String css;
		try (InputStream in = new ClassPathResource("META-INF/resources/webjars/govuk-frontend/")
			.createRelative(version() + "/dist/govuk/govuk-frontend.min.css")
			.getInputStream()) {
			css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Set<String> fonts = new LinkedHashSet<>();
		Matcher url = Pattern.compile("url\\(\"?(/assets/fonts/[^\")]+)\"?\\)").matcher(css);
		while (url.find()) {
			fonts.add(url.group(1));
		}
		return fonts;
	}

	private static String version() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")
			.getInputStream()) {
			java.util.Properties properties = new java.util.Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
	}

}
