package org.carecycle.oversight;

import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * How the returns API reads what it is sent: decimals as written, never through a binary
 * double (which saved 1e-1000000 as 0), refused with a 400 problem detail naming the
 * field when no KPI figure could be that large or that precise; a key given twice refused
 * rather than the last one winning; and a body larger than the API accepts refused before
 * it is read.
 */
@ApplicationTest
class KpiApiParsingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	KpiDefinitions definitions;

	private KpiFixtures fixtures;

	private String token;

	@BeforeEach
	void setUp() {
		this.fixtures = new KpiFixtures(this.jdbc, this.definitions);
		this.token = this.tokens.issue(this.fixtures.providerUser(), "Parser checks").secret();
	}

	@Test
	void aFigureTooSmallOrTooLargeForAnyKpiIsRefusedNamingItsFieldAndNothingIsSaved() throws Exception {
		UUID service = UUID.randomUUID();
		long before = this.fixtures.returns();
		for (String figure : new String[] { "1e-1000000", "1e400", "-1e-999999999", "0.0000001", "1000000000000" }) {
			MockHttpServletResponse response = send("{\"serviceId\":\"" + service
					+ "\",\"period\":\"2026-01\",\"values\":{\"STAFF_VACANCY_RATE\":" + figure + "}}");
			assertThat(response.getStatus()).as(figure).isEqualTo(400);
			assertThat(response.getContentType()).as(figure).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.getContentAsString());
			assertThat(problem.get("title").asString()).as(figure).isEqualTo("Number out of range");
			assertThat(problem.get("errors").get(0).get("field").asString()).as(figure).isEqualTo("STAFF_VACANCY_RATE");
		}
		assertThat(this.fixtures.returns()).as("returns saved").isEqualTo(before);
	}

	@Test
	void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() throws Exception {
		for (String body : new String[] { "{\"serviceId\":\"a\",\"serviceId\":\"b\",\"values\":{}}", "{\"serviceId\":\""
				+ UUID.randomUUID()
				+ "\",\"period\":\"2026-01\",\"values\":{\"STAFF_VACANCY_RATE\":200,\"STAFF_VACANCY_RATE\":5}}" }) {
			MockHttpServletResponse response = send(body);
			assertThat(response.getStatus()).as(body).isEqualTo(400);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(JSON.readTree(response.getContentAsString()).get("title").asString()).isEqualTo("Duplicate key");
		}
	}

	@Test
	void aBodyLargerThanTheApiAcceptsIsRefusedBeforeItIsRead() throws Exception {
		String huge = "{\"serviceId\":\"" + "x".repeat(300 * 1024) + "\"}";
		MockHttpServletResponse response = send(huge);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString()).contains("256 KB");
	}

	@Test
	void numbersAndNestingBeyondTheParsersLimitsAreA400ProblemDetail() throws Exception {
		for (String body : new String[] { "{\"values\":{\"A\":" + "9".repeat(1_000) + "}}",
				"{\"values\":" + "[".repeat(500) + "]".repeat(500) + "}" }) {
			MockHttpServletResponse response = send(body);
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(JSON.readTree(response.getContentAsString()).get("title").asString())
				.isEqualTo("JSON beyond limits");
		}
	}

	private MockHttpServletResponse send(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse();
	}

}
