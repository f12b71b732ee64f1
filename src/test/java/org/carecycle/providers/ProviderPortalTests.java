package org.carecycle.providers;

import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A provider user sees their own organisation and never another's. */
@ApplicationTest
class ProviderPortalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private MockHttpSession provider;

	private UUID ownProvider;

	@BeforeEach
	void signIn() throws Exception {
		this.provider = SignIn.as(this.mvc, Role.PROVIDER);
		this.ownProvider = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
	}

	@Test
	void seesTheirOwnOrganisationAndEveryOneOfItsServices() throws Exception {
		String name = this.jdbc.sql("select name from provider where id = :id")
			.param("id", this.ownProvider)
			.query(String.class)
			.single();
		List<String> services = this.jdbc.sql("select name from care_service where provider_id = :id")
			.param("id", this.ownProvider)
			.query(String.class)
			.list();
		String page = this.mvc.perform(get("/my-organisation").session(this.provider))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(name));
		services
			.forEach(service -> assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(service)));
	}

	@Test
	void anotherOrganisationsServiceIsNotFoundNotForbidden() throws Exception {
		List<UUID> others = this.jdbc.sql("select id from care_service where provider_id <> :id order by id limit 25")
			.param("id", this.ownProvider)
			.query(UUID.class)
			.list();
		for (UUID other : others) {
			this.mvc.perform(get("/my-organisation/services/" + other).session(this.provider))
				.andExpect(status().isNotFound());
		}
		UUID own = this.jdbc.sql("select id from care_service where provider_id = :id limit 1")
			.param("id", this.ownProvider)
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/my-organisation/services/" + own).session(this.provider)).andExpect(status().isOk());
	}

	@Test
	void theHomePageShowsOnlyTheirOrganisation() throws Exception {
		String other = this.jdbc.sql("select name from care_service where provider_id <> :id order by name limit 1")
			.param("id", this.ownProvider)
			.query(String.class)
			.single();
		this.mvc.perform(get("/").session(this.provider))
			.andExpect(content().string(containsString("See your organisation")))
			.andExpect(content().string(not(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(other)))))
			.andExpect(content().string(not(containsString("The care market"))));
	}

	@Test
	void cannotOpenTheCouncilsRegister() throws Exception {
		this.mvc.perform(get("/services").session(this.provider)).andExpect(status().isForbidden());
		this.mvc.perform(get("/providers/" + this.ownProvider).session(this.provider))
			.andExpect(status().isForbidden());
	}

	@Test
	void keepsTheirOwnContactsUpToDate() throws Exception {
		String form = this.mvc.perform(get("/my-organisation/contacts").session(this.provider))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("action=\"/my-organisation/contacts\"");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/my-organisation/contacts")
				.session(this.provider)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("version", "0")
				.param("contacts[0].name", "Morwenna Hicks")
				.param("contacts[0].email", "not an email"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter an email address in the correct format")));
	}

}
