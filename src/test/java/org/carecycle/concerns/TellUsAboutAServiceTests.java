package org.carecycle.concerns;

import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public home page leads to the directory, and a service's page in the directory
 * starts the public form with that service chosen; a service the form cannot take is left
 * out without an error.
 */
@ApplicationTest
class TellUsAboutAServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private UUID commissioned() {
		return this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE' and exists (select 1 from
				contract c where c.care_service_id = s.id and c.starts_on <= current_date and c.ends_on >= current_date)
				order by s.name limit 1""").query(UUID.class).single();
	}

	private String name(UUID service) {
		return this.jdbc.sql("select name from care_service where id = :id")
			.param("id", service)
			.query(String.class)
			.single();
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theHomePageLinksToTheDirectory() throws Exception {
		assertThat(page("/", new MockHttpSession())).contains("href=\"/directory\"",
				"Find a care service the council commissions");
	}

	@Test
	void aServicesDirectoryPageStartsTheFormWithTheServiceChosen() throws Exception {
		UUID service = commissioned();
		String name = name(service);
		assertThat(page("/directory/services/" + service, new MockHttpSession()))
			.contains("href=\"/tell-us?service=" + service + "\"", "Tell us about this service");
		String start = page("/tell-us?service=" + service, new MockHttpSession());
		assertThat(start).contains("You are telling us about:", name.replace("&", "&amp;"),
				"href=\"/tell-us/kind?service=" + service + "\"");

		MockHttpSession session = new MockHttpSession();
		page("/tell-us/kind?service=" + service, session);
		this.mvc.perform(post("/tell-us/kind").session(session).with(csrf()).param("kind", "COMPLIMENT"))
			.andExpect(redirectedUrl("/tell-us/service"));
		String choose = page("/tell-us/service", session);
		assertThat(choose)
			.containsPattern("value=\"" + service + "\"\\s+aria-describedby=\"serviceId-hint\" checked=\"checked\"");
		// continuing keeps it
		this.mvc.perform(post("/tell-us/service").session(session).with(csrf()).param("serviceId", service.toString()))
			.andExpect(redirectedUrl("/tell-us/what-happened"));
	}

	@Test
	void aServiceTheFormCannotTakeIsLeftOutWithoutAnError() throws Exception {
		UUID notOperating = this.jdbc.sql("select id from care_service where status <> 'ACTIVE' order by id limit 1")
			.query(UUID.class)
			.single();
		for (String value : new String[] { "not-an-id", UUID.randomUUID().toString(), notOperating.toString(),
				"<script>alert(1)</script>", "'; drop table concern; --", "%00", "x".repeat(5000) }) {
			assertThat(page("/tell-us?service=" + java.net.URLEncoder.encode(value, "UTF-8"), new MockHttpSession()))
				.as(value)
				.doesNotContain("You are telling us about:")
				.contains("href=\"/tell-us/kind\"");
			MockHttpSession session = new MockHttpSession();
			page("/tell-us/kind?service=" + java.net.URLEncoder.encode(value, "UTF-8"), session);
			this.mvc.perform(post("/tell-us/kind").session(session).with(csrf()).param("kind", "CONCERN"))
				.andExpect(redirectedUrl("/tell-us/service"));
			assertThat(page("/tell-us/service", session)).as(value).doesNotContain("checked=\"checked\"");
		}
	}

}
