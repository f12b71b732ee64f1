package org.carecycle.matching;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.ApiTokens;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A provider keeps many services' vacancies current by a CSV upload or the API: saved
 * whole or not at all, every refused line explained, and another organisation's service
 * never changed whatever id is sent.
 */
@ApplicationTest
class VacancyReportsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	private UUID provider;

	private UUID own;

	private int ownCapacity;

	private UUID foreign;

	@BeforeEach
	void services() {
		this.provider = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
		this.own = this.jdbc.sql("""
				select id from care_service where provider_id = :p and status = 'ACTIVE' and beds >= 3
				order by id limit 1""").param("p", this.provider).query(UUID.class).single();
		this.ownCapacity = this.jdbc.sql("select beds from care_service where id = :id")
			.param("id", this.own)
			.query(Integer.class)
			.single();
		this.foreign = this.jdbc.sql("""
				select id from care_service where provider_id <> :p and status = 'ACTIVE' and beds >= 3
				order by id limit 1""").param("p", this.provider).query(UUID.class).single();
		for (UUID each : new UUID[] { this.own, this.foreign }) {
			this.jdbc
				.sql("update care_service set vacancies = 1, vacancies_reported_at = now() - interval '30 days'"
						+ " where id = :id")
				.param("id", each)
				.update();
		}
	}

	private Integer vacancies(UUID service) {
		return this.jdbc.sql("select vacancies from care_service where id = :id")
			.param("id", service)
			.query(Integer.class)
			.single();
	}

	private MockHttpServletResponse upload(MockHttpSession session, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/my-organisation/vacancies")
				.file(new MockMultipartFile("file", "vacancies.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	@Test
	void anUploadWithAnotherOrganisationsServiceSavesNothingAndSaysWhichLine() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.PROVIDER);
		MockHttpServletResponse refused = upload(session,
				"service_id,service_name,vacancies\n" + this.own + ",Ours,2\n" + this.foreign + ",Theirs,3\n");
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("Nothing was saved")
			.contains("Line 3: service_id is not the id of one of your open services");
		assertThat(vacancies(this.own)).isEqualTo(1);
		assertThat(vacancies(this.foreign)).isEqualTo(1);
	}

	@Test
	void anUploadExplainsEveryWrongLine() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.PROVIDER);
		String body = upload(session,
				"service_id,vacancies\n" + this.own + ",-1\n" + this.own + ",2\nnot-an-id,1\n" + this.own + ","
						+ (this.ownCapacity + 1) + "\n<script>alert(1)</script>,=cmd|' /C calc'!A0\n")
			.getContentAsString();
		assertThat(body).contains("Line 2: vacancies must be a whole number, 0 or more")
			.contains("Line 4: service_id is not the id")
			.contains("Line 3: the same service is on line 2")
			.contains("Line 5: the same service is on line 2")
			.doesNotContain("<script>alert(1)</script>");
		assertThat(upload(session, "service_id,vacancies\n" + this.own + "," + (this.ownCapacity + 1) + "\n")
			.getContentAsString()).contains("Line 2: vacancies must be " + this.ownCapacity + " or fewer");
		assertThat(upload(session, "name,count\nx,1\n").getContentAsString())
			.contains("must have the columns service_id and vacancies");
		MockHttpServletResponse binary = this.mvc
			.perform(multipart("/my-organisation/vacancies")
				.file(new MockMultipartFile("file", "v.csv", "text/csv", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 }))
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(binary.getContentAsString()).contains("must be a CSV file saved as UTF-8");
		assertThat(vacancies(this.own)).isEqualTo(1);
	}

	@Test
	void aGoodUploadSavesEveryLineWithTodaysDate() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.PROVIDER);
		MockHttpServletResponse saved = upload(session, "\uFEFFservice_id,vacancies\n" + this.own + ",2\n");
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(vacancies(this.own)).isEqualTo(2);
		String page = this.mvc.perform(get("/my-organisation/vacancies").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Vacancies saved for 1 service").contains("updated today");
	}

	@Test
	void theApiRefusesAnotherOrganisationsServiceWithAProblemAndSavesNothing() throws Exception {
		String token = this.tokens
			.issue(this.jdbc
				.sql("select id, email, display_name from app_user where email = 'provider@carecycle.example'")
				.query((rs, n) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("email"),
						rs.getString("display_name"), Role.PROVIDER, new ProviderId(this.provider)))
				.single(), "Vacancies test")
			.secret();
		MockHttpServletResponse refused = this.mvc
			.perform(post("/api/v1/vacancies").header("Authorization", "Bearer " + token)
				.contentType("application/json")
				.content("{\"vacancies\": [{\"serviceId\": \"" + this.own + "\", \"vacancies\": 2}, {\"serviceId\": \""
						+ this.foreign + "\", \"vacancies\": 3}]}"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentType()).contains("application/problem+json");
		assertThat(refused.getContentAsString()).contains("Line 2: service_id is not the id");
		assertThat(vacancies(this.own)).isEqualTo(1);
		assertThat(vacancies(this.foreign)).isEqualTo(1);

		for (String bad : new String[] { "{", "[]", "{\"vacancies\": 3}",
				"{\"vacancies\": [{\"serviceId\": 7, \"vacancies\": \"two\"}]}",
				"{\"vacancies\": [{\"serviceId\": \"" + this.own + "\", \"vacancies\": 1e400}]}" }) {
			MockHttpServletResponse response = this.mvc
				.perform(post("/api/v1/vacancies").header("Authorization", "Bearer " + token)
					.contentType("application/json")
					.content(bad))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(bad).isIn(400, 422);
			assertThat(response.getContentType()).as(bad).contains("application/problem+json");
		}

		MockHttpServletResponse saved = this.mvc
			.perform(post("/api/v1/vacancies").header("Authorization", "Bearer " + token)
				.contentType("application/json")
				.content("{\"vacancies\": [{\"serviceId\": \"" + this.own + "\", \"vacancies\": 2}]}"))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(vacancies(this.own)).isEqualTo(2);
		String current = this.mvc.perform(get("/api/v1/vacancies").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(current).contains(this.own.toString()).doesNotContain(this.foreign.toString());
	}

	@Test
	void aProviderCannotChangeAnotherOrganisationsSpecialisms() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.PROVIDER);
		int status = this.mvc
			.perform(post("/my-organisation/services/" + this.foreign + "/specialisms").param("specialism", "BARIATRIC")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(404);
		assertThat(this.jdbc.sql("select 'BARIATRIC' = any(specialisms) from care_service where id = :id")
			.param("id", this.foreign)
			.query(Boolean.class)
			.single()).isFalse();
		MockHttpServletResponse own = this.mvc
			.perform(post("/my-organisation/services/" + this.own + "/specialisms").param("specialism", "DEMENTIA")
				.param("specialism", "POLISH")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(own.getStatus()).isEqualTo(302);
		assertThat(this.jdbc.sql("select array_to_string(specialisms, ',') from care_service where id = :id")
			.param("id", this.own)
			.query(String.class)
			.single()).isEqualTo("DEMENTIA,POLISH");
	}

}
