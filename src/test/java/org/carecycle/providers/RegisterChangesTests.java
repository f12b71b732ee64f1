package org.carecycle.providers;

import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Commissioners and QA officers keep the register up to date, and every change is checked
 * and audited.
 */
@ApplicationTest
class RegisterChangesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addsAProviderAndAServiceThatIsPlacedByItsPostcode() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String name = "Trewince Care " + UUID.randomUUID().toString().substring(0, 6);
		MvcResult added = this.mvc
			.perform(post("/providers/new").session(officer)
				.param("version", "0")
				.param("name", name)
				.param("ownership", "VOLUNTARY")
				.param("groupName", "Trewince Group")
				.param("email", "office@trewince.example")
				.param("postcode", "tr1 3lj")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String providerPage = added.getResponse().getRedirectedUrl();
		this.mvc.perform(get(providerPage).session(officer).flashAttrs(added.getFlashMap()))
			.andExpect(content().string(containsString("Provider added")))
			.andExpect(content().string(containsString("Voluntary or charity")))
			.andExpect(content().string(containsString("Trewince Group")))
			.andExpect(content().string(containsString("TR1 3LJ")));

		MvcResult service = this.mvc
			.perform(post(providerPage + "/services/new").session(officer)
				.param("version", "0")
				.param("name", name + " Lodge")
				.param("type", "CARE_HOME")
				.param("clientGroups", "OLDER_PEOPLE", "DEMENTIA")
				.param("addressLine1", "2 Chapel Street")
				.param("town", "Penzance")
				.param("postcode", "TR18 4AQ")
				.param("capacity", "24")
				.param("registeredDay", "3")
				.param("registeredMonth", "4")
				.param("registeredYear", "2015")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		UUID serviceId = UUID.fromString(service.getResponse().getRedirectedUrl().replace("/services/", ""));
		Map<String, Object> row = this.jdbc.sql("""
				select s.beds, s.client_groups::text as groups, l.name as locality, s.latitude
				from care_service s left join locality l on l.id = s.locality_id where s.id = :id""")
			.param("id", serviceId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("beds", 24).containsEntry("locality", "West Penwith");
		assertThat((String) row.get("groups")).contains("OLDER_PEOPLE", "DEMENTIA");
		assertThat(row.get("latitude")).isNotNull();
		assertThat(audited("CREATED", "CareService", serviceId)).isEqualTo(1);
	}

	@Test
	void explainsEveryProblemWithAServiceOnTheForm() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		UUID provider = this.jdbc.sql("select id from provider order by name limit 1").query(UUID.class).single();
		String taken = this.jdbc
			.sql("select cqc_location_id from care_service where cqc_location_id is not null limit 1")
			.query(String.class)
			.single();
		this.mvc
			.perform(post("/providers/" + provider + "/services/new").session(commissioner)
				.param("version", "0")
				.param("name", "")
				.param("cqcLocationId", "12345")
				.param("postcode", "TR99 9ZZZ")
				.param("capacity", "lots")
				.param("registeredDay", "31")
				.param("registeredMonth", "2")
				.param("registeredYear", "2020")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the service&#39;s name")))
			.andExpect(content().string(containsString("Enter a CQC ID in the correct format, like 1-545611283")))
			.andExpect(content().string(containsString("Select the type of service")))
			.andExpect(content().string(containsString("Select who the service is for")))
			.andExpect(content().string(containsString("Enter address line 1")))
			.andExpect(content().string(containsString("Enter a real postcode")))
			.andExpect(content().string(containsString("Capacity must be a whole number, like 12")))
			.andExpect(content().string(containsString("Date registered must be a real date")));
		this.mvc
			.perform(post("/providers/" + provider + "/services/new").session(commissioner)
				.param("version", "0")
				.param("name", "Duplicate Place")
				.param("cqcLocationId", taken)
				.param("type", "HOME_CARE")
				.param("clientGroups", "OLDER_PEOPLE")
				.param("addressLine1", "1 Fore Street")
				.param("town", "Truro")
				.param("postcode", "TR1 1AA")
				.with(csrf()))
			.andExpect(content().string(containsString("Another service already has this CQC location ID")));
	}

	@Test
	void twoPeopleEditingTheSameServiceNeverOverwriteEachOther() throws Exception {
		UUID id = anyActiveService();
		MockHttpSession first = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession second = SignIn.as(this.mvc, Role.QA_OFFICER);
		int version = this.jdbc.sql("select version from care_service where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		String original = this.jdbc.sql("select name from care_service where id = :id")
			.param("id", id)
			.query(String.class)
			.single();

		this.mvc.perform(edit(id, version, original + " (first)").session(first))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(edit(id, version, original + " (second)").session(second))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this record while you were editing it")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(original + " (first)"))));
		assertThat(this.jdbc.sql("select name from care_service where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(original + " (first)");
	}

	@Test
	void closesAServiceOnlyWithASensibleDate() throws Exception {
		UUID id = anyActiveService();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		int version = this.jdbc.sql("select version from care_service where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post("/services/" + id + "/status").session(officer)
				.param("version", String.valueOf(version))
				.param("status", "CLOSED")
				.with(csrf()))
			.andExpect(content().string(containsString("Enter the date the service closed")));
		this.mvc
			.perform(post("/services/" + id + "/status").session(officer)
				.param("version", String.valueOf(version))
				.param("status", "CLOSED")
				.param("sinceDay", "1")
				.param("sinceMonth", "1")
				.param("sinceYear", "2099")
				.with(csrf()))
			.andExpect(content().string(containsString("Date the service closed must be today or in the past")));
		this.mvc
			.perform(post("/services/" + id + "/status").session(officer)
				.param("version", String.valueOf(version))
				.param("status", "CLOSED")
				.param("sinceDay", "1")
				.param("sinceMonth", "1")
				.param("sinceYear", "1990")
				.with(csrf()))
			.andExpect(content().string(containsString("A service cannot close before it opened")));
		this.mvc
			.perform(post("/services/" + id + "/status").session(officer)
				.param("version", String.valueOf(version))
				.param("status", "CLOSED")
				.param("sinceDay", "1")
				.param("sinceMonth", "9")
				.param("sinceYear", "2026")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select status from care_service where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("CLOSED");
	}

	@Test
	void changesContactsAsARowForEachPerson() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		UUID provider = this.jdbc.sql("select id from provider order by name desc limit 1").query(UUID.class).single();
		int version = this.jdbc.sql("select version from provider where id = :id")
			.param("id", provider)
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post("/providers/" + provider + "/contacts").session(officer)
				.param("version", String.valueOf(version))
				.param("contacts[0].name", "")
				.param("contacts[0].email", "not-an-email")
				.param("contacts[1].name", "Jenna Pascoe")
				.param("contacts[1].jobTitle", "Registered manager")
				.with(csrf()))
			.andExpect(content().string(containsString("Enter the person&#39;s full name, or clear all their details")))
			.andExpect(content().string(containsString("href=\"#contacts[0].email\"")));
		this.mvc
			.perform(post("/providers/" + provider + "/contacts").session(officer)
				.param("version", String.valueOf(version))
				.param("contacts[0].name", "Jenna Pascoe")
				.param("contacts[0].jobTitle", "Registered manager")
				.param("contacts[0].email", "jenna@example.org")
				.param("contacts[1].name", "")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select name from provider_contact where provider_id = :id order by position")
			.param("id", provider)
			.query(String.class)
			.list()).containsExactly("Jenna Pascoe");
	}

	@Test
	void onlyCommissionersAndQaOfficersChangeTheRegister() throws Exception {
		UUID id = anyActiveService();
		for (Role role : new Role[] { Role.CASE_MANAGER, Role.SAFEGUARDING_LEAD, Role.ADMIN }) {
			this.mvc.perform(edit(id, 0, "Not allowed").session(SignIn.as(this.mvc, role)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void aProviderUpdatesItsOwnVacanciesAndNobodyElses() throws Exception {
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID own = this.jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = 'provider@carecycle.example' and s.status = 'ACTIVE'
				  and coalesce(s.beds, s.places, s.weekly_hours) >= 3 limit 1""").query(UUID.class).single();
		UUID theirs = this.jdbc.sql("""
				select s.id from care_service s where s.provider_id <> (select provider_id from app_user
				where email = 'provider@carecycle.example') and s.vacancies is distinct from 1
				limit 1""").query(UUID.class).single();
		this.mvc
			.perform(post("/my-organisation/services/" + own + "/vacancies").session(provider)
				.param("vacancies", "-1")
				.with(csrf()))
			.andExpect(content().string(containsString("Vacancies must be 0 or more")));
		this.mvc
			.perform(post("/my-organisation/services/" + own + "/vacancies").session(provider)
				.param("vacancies", "2")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select vacancies from care_service where id = :id")
			.param("id", own)
			.query(Integer.class)
			.single()).isEqualTo(2);
		this.mvc
			.perform(post("/my-organisation/services/" + theirs + "/vacancies").session(provider)
				.param("vacancies", "1")
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select vacancies from care_service where id = :id")
			.param("id", theirs)
			.query(Integer.class)
			.optional()).isNotEqualTo(java.util.Optional.of(1));
	}

	private MockHttpServletRequestBuilder edit(UUID id, int version, String name) {
		Map<String, Object> row = this.jdbc.sql("select * from care_service where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		return post("/services/" + id + "/edit").param("version", String.valueOf(version))
			.param("name", name)
			.param("type", (String) row.get("service_type"))
			.param("clientGroups", "OLDER_PEOPLE")
			.param("addressLine1", (String) row.get("address_line1"))
			.param("town", (String) row.get("town"))
			.param("postcode", (String) row.get("postcode"))
			.with(csrf());
	}

	private UUID anyActiveService() {
		return this.jdbc.sql("""
				select id from care_service where status = 'ACTIVE' and registered_on < date '2020-01-01'
				order by random() limit 1""").query(UUID.class).single();
	}

	private long audited(String action, String type, UUID id) {
		return this.jdbc
			.sql("select count(*) from audit_event where action = :action and record_type = :type and record_id = :id")
			.param("action", action)
			.param("type", type)
			.param("id", id.toString())
			.query(Long.class)
			.single();
	}

}
