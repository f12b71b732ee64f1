package org.carecycle.identity;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationTest
class UserAdministrationTests {

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("id=\"temporary-password\">([a-z0-9-]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration administration;

	@Test
	void anAdministratorAddsAPersonWhoMustChooseTheirOwnPassword() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String email = unique("new.officer");
		MvcResult added = this.mvc
			.perform(post("/admin/users").session(admin)
				.param("displayName", "Demelza Uren")
				.param("email", email.toUpperCase())
				.param("role", "QA_OFFICER")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = this.mvc
			.perform(get(added.getResponse().getRedirectedUrl()).session(admin).flashAttrs(added.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Person added", "Demelza Uren", email, "Quality assurance officer");
		String temporary = temporaryPassword(page);

		MockHttpSession newcomer = SignIn.as(this.mvc, email, temporary);
		this.mvc.perform(get("/services").session(newcomer)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").session(newcomer))
			.andExpect(content().string(containsString("Choose your own password")));
		this.mvc
			.perform(post("/account/password").session(newcomer)
				.param("currentPassword", temporary)
				.param("newPassword", "password1234")
				.param("confirmPassword", "password1234")
				.with(csrf()))
			.andExpect(content().string(containsString("it is one of the most common passwords")));
		this.mvc
			.perform(post("/account/password").session(newcomer)
				.param("currentPassword", temporary)
				.param("newPassword", "granite harbour lantern")
				.param("confirmPassword", "granite harbour lanterns")
				.with(csrf()))
			.andExpect(content().string(containsString("Passwords must match")));
		this.mvc
			.perform(post("/account/password").session(newcomer)
				.param("currentPassword", temporary)
				.param("newPassword", "granite harbour lantern")
				.param("confirmPassword", "granite harbour lantern")
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		this.mvc.perform(get("/services").session(newcomer)).andExpect(status().isOk());
		SignIn.as(this.mvc, email, "granite harbour lantern");
	}

	@Test
	void explainsWhatIsWrongWithTheFormOnTheSamePage() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc
			.perform(post("/admin/users").session(admin)
				.param("displayName", "")
				.param("email", "not-an-email")
				.param("role", "PROVIDER")
				.param("providerId", "")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Error: Add a person")))
			.andExpect(content().string(containsString("href=\"#displayName\">Enter the person&#39;s full name")))
			.andExpect(content().string(containsString("href=\"#email\">Enter an email address in the correct format")))
			.andExpect(content().string(containsString("href=\"#providerId\">Select the provider organisation")))
			.andExpect(content().string(containsString("value=\"not-an-email\"")));
		this.mvc
			.perform(post("/admin/users").session(admin)
				.param("displayName", "Someone")
				.param("email", "commissioner@carecycle.example")
				.with(csrf()))
			.andExpect(content().string(containsString("Select a role")))
			.andExpect(content().string(containsString("An account with this email address already exists")));
	}

	@Test
	void addsAProviderUserToTheirOrganisation() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		UUID provider = this.jdbc.sql("select id from provider order by name limit 1").query(UUID.class).single();
		String email = unique("manager");
		this.mvc
			.perform(post("/admin/users").session(admin)
				.param("displayName", "Tamsin Rowe")
				.param("email", email)
				.param("role", "PROVIDER")
				.param("providerId", provider.toString())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		UUID saved = this.jdbc.sql("select provider_id from app_user where email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
		assertThat(saved).isEqualTo(provider);
	}

	@Test
	void disablingSomeoneEndsTheirSessionAndStopsThemSigningIn() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String email = unique("leaver");
		var account = this.administration.addWithPassword(email, "Jago Leaver", Role.CASE_MANAGER, null,
				"a long enough password 1");
		MockHttpSession leaver = SignIn.as(this.mvc, email, "a long enough password 1");
		this.mvc.perform(get("/services").session(leaver)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/users/" + account + "/disable").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + account));
		this.mvc.perform(get("/services").session(leaver)).andExpect(redirectedUrl("/sign-in?ended"));
		assertThatThrownBy(() -> SignIn.as(this.mvc, email, "a long enough password 1"))
			.hasMessageContaining("/sign-in?error=details");

		this.mvc.perform(post("/admin/users/" + account + "/enable").session(admin).with(csrf()));
		SignIn.as(this.mvc, email, "a long enough password 1");
	}

	@Test
	void changingARoleChangesWhatTheyCanOpen() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String email = unique("mover");
		var account = this.administration.addWithPassword(email, "Piran Mover", Role.CASE_MANAGER, null,
				"a long enough password 2");
		this.mvc.perform(post("/admin/users/" + account + "/role").session(admin).param("role", "ADMIN").with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + account));
		MockHttpSession mover = SignIn.as(this.mvc, email, "a long enough password 2");
		this.mvc.perform(get("/admin/users").session(mover)).andExpect(status().isOk());
		String history = this.mvc.perform(get("/admin/users/" + account).session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("role", "CASE_MANAGER", "ADMIN");
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		UUID self = this.jdbc.sql("select id from app_user where email = 'admin@carecycle.example'")
			.query(UUID.class)
			.single();
		this.mvc.perform(post("/admin/users/" + self + "/disable").session(admin).with(csrf()))
			.andExpect(content().string(containsString("You cannot disable your own account")));
		this.mvc
			.perform(post("/admin/users/" + self + "/role").session(admin).param("role", "COMMISSIONER").with(csrf()))
			.andExpect(content().string(containsString("You cannot take away your own administrator role")));
		this.mvc.perform(get("/admin/users/" + self).session(admin))
			.andExpect(content().string(not(containsString("Disable account</a>"))));
	}

	@Test
	void resettingAPasswordGivesANewTemporaryOneAndAuditsWithoutTheHash() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String email = unique("forgetful");
		var account = this.administration.addWithPassword(email, "Kitto Forgetful", Role.COMMISSIONER, null,
				"a long enough password 3");
		MvcResult reset = this.mvc
			.perform(post("/admin/users/" + account + "/reset-password").session(admin).with(csrf()))
			.andReturn();
		String page = this.mvc.perform(get("/admin/users/" + account).session(admin).flashAttrs(reset.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String temporary = temporaryPassword(page);
		assertThatThrownBy(() -> SignIn.as(this.mvc, email, "a long enough password 3"));
		SignIn.as(this.mvc, email, temporary);

		String changes = this.jdbc.sql("""
				select changes::text from audit_event where record_id = :id and action = 'CHANGED'
				order by id desc limit 1""").param("id", account.toString()).query(String.class).single();
		assertThat(changes).contains("passwordHash", "(redacted)", "mustChangePassword").doesNotContain("{bcrypt}");
	}

	@Test
	void nobodyButAnAdministratorManagesPeople() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.mvc.perform(get("/admin/users").session(commissioner)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/users").session(commissioner)
				.param("displayName", "Sneaky")
				.param("email", unique("sneaky"))
				.param("role", "ADMIN")
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void searchesPeopleByNameRoleAndStatus() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/users?q=hicks").session(admin))
			.andExpect(content().string(containsString("Morwenna Hicks")))
			.andExpect(content().string(not(containsString("Jo Trewin"))));
		this.mvc.perform(get("/admin/users?q=carecycle.example&role=PROVIDER&status=enabled").session(admin))
			.andExpect(content().string(containsString("Kerenza Mitchell")))
			.andExpect(content().string(not(containsString("Sam Kitto"))));
		this.mvc.perform(get("/admin/users?q=%25").session(admin))
			.andExpect(content().string(containsString("No results found")));
	}

	private static String unique(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static String temporaryPassword(String page) {
		Matcher matcher = TEMPORARY_PASSWORD.matcher(page);
		assertThat(matcher.find()).as("a temporary password on the page").isTrue();
		return matcher.group(1);
	}

}
