package org.carecycle.providers;

import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Council staff find providers and services in the demo county. */
@ApplicationTest
class RegisterPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void filtersServicesByTypeAndCountsThem() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.COMMISSIONER);
		long careHomes = this.jdbc
			.sql("select count(*) from care_service where service_type = 'CARE_HOME' and status = 'ACTIVE'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/services?type=CARE_HOME").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("of " + careHomes + " results")));
	}

	@Test
	void findsServicesByTheirProvidersNameAlsoAfterTheProviderIsRenamed() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.COMMISSIONER);
		UUID provider = this.jdbc.sql("""
				select provider_id from care_service where status = 'ACTIVE'
				group by provider_id having count(*) = 1 order by provider_id limit 1""").query(UUID.class).single();
		String service = this.jdbc.sql("select name from care_service where provider_id = :id")
			.param("id", provider)
			.query(String.class)
			.single();
		String renamed = "Zennor Quoit Care " + UUID.randomUUID().toString().substring(0, 6);
		this.jdbc.sql("update provider set name = :name where id = :id")
			.param("name", renamed)
			.param("id", provider)
			.update();
		this.mvc.perform(get("/services").param("q", "zennor quoit").session(session))
			.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(service))))
			.andExpect(content().string(containsString("Showing 1 to 1 of 1 result<")));
		this.mvc.perform(get("/services").param("q", "ZENNOR QUOIT CARE " + renamed.substring(18)).session(session))
			.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(service))));
	}

	@Test
	void findsAServiceByPostcodeWithOrWithoutItsSpace() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		var service = this.jdbc
			.sql("select name, postcode from care_service where status = 'ACTIVE' order by id limit 1")
			.query((rs, row) -> new String[] { rs.getString("name"), rs.getString("postcode") })
			.single();
		String compact = service[1].replace(" ", "").toLowerCase();
		String page = this.mvc.perform(get("/services").param("q", compact).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(service[0]));
	}

	@Test
	void sortsByRatingWorstFirstWhenAskedAndKeepsUnratedLast() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.QA_OFFICER);
		String page = this.mvc.perform(get("/services?sort=rating&order=descending").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("aria-sort=\"descending\"");
		int firstTag = page.indexOf("govuk-tag--");
		assertThat(page.substring(firstTag, firstTag + 20)).contains("govuk-tag--red");
	}

	@Test
	void showsAServiceWithItsRatingHistory() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		UUID id = this.jdbc.sql("""
				select s.id from care_service s join cqc_rating r on r.cqc_location_id = s.cqc_location_id
				where r.key_question = 'OVERALL' group by s.id having count(*) > 2 limit 1""")
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/services/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CQC ratings")))
			.andExpect(content().string(containsString("Well-led")))
			.andExpect(content().string(containsString("Registered manager")));
	}

	@Test
	void treatsWildcardsInSearchesAsText() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.mvc.perform(get("/providers").param("q", "%").session(session))
			.andExpect(content().string(containsString("No results found")));
		this.mvc.perform(get("/services").param("q", "' or 1=1 --").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No results found")));
	}

}
