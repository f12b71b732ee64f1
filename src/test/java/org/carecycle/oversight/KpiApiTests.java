package org.carecycle.oversight;

import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.ApiTokens;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The returns API as a provider's own system uses it: a token on every request, problem
 * details for every refusal (too many requests too), nothing half-saved, and sending the
 * same return twice safe.
 */
@ApplicationTest
class KpiApiTests {

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

	private SignedInUser provider;

	private String token;

	@BeforeEach
	void setUp() {
		this.fixtures = new KpiFixtures(this.jdbc, this.definitions);
		this.provider = this.fixtures.providerUser();
		this.token = this.tokens.issue(this.provider, "Rota system").secret();
	}

	private MvcResult send(String token, String body) throws Exception {
		var request = post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).content(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.mvc.perform(request).andReturn();
	}

	private static JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	private static String body(UUID service, String period, Map<String, String> values) {
		StringBuilder figures = new StringBuilder();
		values.forEach((code, value) -> figures.append(figures.isEmpty() ? "" : ",")
			.append('"')
			.append(code)
			.append("\":")
			.append(value));
		return "{\"serviceId\":\"" + service + "\",\"period\":\"" + period + "\",\"values\":{" + figures + "}}";
	}

	@Test
	void refusesRequestsWithoutAGoodTokenAsProblemDetails() throws Exception {
		MvcResult none = send(null, "{}");
		assertThat(none.getResponse().getStatus()).isEqualTo(401);
		assertThat(none.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(json(none).get("status").asInt()).isEqualTo(401);

		assertThat(send("cc_not-a-token", "{}").getResponse().getStatus()).isEqualTo(401);
		assertThat(send("Basic abc", "{}").getResponse().getStatus()).isEqualTo(401);

		var session = SignIn.as(this.mvc, Role.PROVIDER);
		MvcResult withSession = this.mvc.perform(get("/api/v1/returns/owed").session(session)).andReturn();
		assertThat(withSession.getResponse().getStatus()).as("a browser session does not open the API").isEqualTo(401);

		UUID id = this.jdbc.sql("select id from api_token where token_prefix = :p")
			.param("p", this.token.substring(0, 9))
			.query(UUID.class)
			.single();
		assertThat(this.mvc.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		this.tokens.revoke(this.provider, id);
		assertThat(this.mvc.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getStatus()).as("a revoked token").isEqualTo(401);
	}

	@Test
	void aTokenThatSendsTooManyRequestsIsToldToWaitInAProblemDetail() throws Exception {
		String address = "203.0.113.60";
		int served = 0;
		MvcResult refused = null;
		for (int i = 0; i < 240 && refused == null; i++) {
			MvcResult result = this.mvc
				.perform(get("/api/v1/returns/" + UUID.randomUUID()).header("Authorization", "Bearer " + this.token)
					.with(from(address)))
				.andReturn();
			if (result.getResponse().getStatus() == 429) {
				refused = result;
			}
			else {
				assertThat(result.getResponse().getStatus()).isEqualTo(404);
				served++;
			}
		}
		assertThat(refused).as("a token that never stops is refused").isNotNull();
		assertThat(served).as("a minute's worth is served first").isGreaterThanOrEqualTo(120);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 2);
		assertThat(json(refused).get("status").asInt()).isEqualTo(429);
		assertThat(json(refused).get("title").asString()).isEqualTo("Too Many Requests");
		assertThat(json(refused).get("detail").asString()).contains("120 requests a minute", "Try again in");

		String another = this.tokens.issue(this.provider, "Finance system").secret();
		assertThat(this.mvc
			.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + another).with(from(address)))
			.andReturn()
			.getResponse()
			.getStatus()).as("the provider's other token, from the same address").isEqualTo(200);
	}

	@Test
	void anAddressThatSendsWrongTokensIsRefusedForAWhileWhateverItSendsNext() throws Exception {
		String address = "203.0.113.61";
		int wrong = 0;
		MvcResult refused = null;
		for (int i = 0; i < 20 && refused == null; i++) {
			MvcResult result = this.mvc
				.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer cc_guess" + i).with(from(address)))
				.andReturn();
			if (result.getResponse().getStatus() == 429) {
				refused = result;
			}
			else {
				assertThat(result.getResponse().getStatus()).isEqualTo(401);
				wrong++;
			}
		}
		assertThat(refused).as("guessing tokens is refused").isNotNull();
		assertThat(wrong).as("ten wrong tokens a minute are answered").isGreaterThanOrEqualTo(10);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 6);
		assertThat(json(refused).get("status").asInt()).isEqualTo(429);
		assertThat(json(refused).get("detail").asString()).contains("token that is not valid");

		assertThat(this.mvc
			.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + this.token).with(from(address)))
			.andReturn()
			.getResponse()
			.getStatus()).as("even a good token, from that address, for now").isEqualTo(429);
		assertThat(this.mvc
			.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + this.token)
				.with(from("203.0.113.62")))
			.andReturn()
			.getResponse()
			.getStatus()).as("the good token from another address").isEqualTo(200);
	}

	/**
	 * A request from a client address other than the tests' own, which is never limited.
	 */
	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void sendsAReturnOnceAndExplainsEveryRefusal() throws Exception {
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous().previous();
		UUID service = this.fixtures.service(5, period, period);
		this.fixtures.forget(service, period);
		long before = this.fixtures.returns();

		MvcResult malformed = send(this.token, "{\"serviceId\": ");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(malformed).get("title").asString()).isEqualTo("Malformed JSON");

		UUID someoneElses = this.jdbc.sql("""
				select id from care_service where provider_id <> :p and status = 'ACTIVE' order by id limit 1""")
			.param("p", this.provider.providerId().value())
			.query(UUID.class)
			.single();
		assertThat(
				send(this.token, body(someoneElses, period.label(), this.fixtures.zeros(service, period))).getResponse()
					.getStatus())
			.as("another provider's service")
			.isEqualTo(404);

		Map<String, String> values = this.fixtures.zeros(service, period);
		values.put("STAFF_VACANCY_RATE", "250");
		MvcResult outOfRange = send(this.token, body(service, period.label(), values));
		assertThat(outOfRange.getResponse().getStatus()).isEqualTo(422);
		assertThat(json(outOfRange).get("errors").toString()).contains("STAFF_VACANCY_RATE", "100 or less");

		values.put("STAFF_VACANCY_RATE", "\"8\"");
		assertThat(send(this.token, body(service, period.label(), values)).getResponse().getStatus())
			.as("a figure sent as text")
			.isEqualTo(422);
		assertThat(send(this.token, "[1, 2]").getResponse().getStatus()).isEqualTo(400);
		assertThat(this.fixtures.returns()).as("nothing half-saved").isEqualTo(before);

		values.put("STAFF_VACANCY_RATE", "8.5");
		MvcResult created = send(this.token, body(service, period.label(), values));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String id = json(created).get("id").asString();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/returns/" + id);
		assertThat(json(created).get("values").get("STAFF_VACANCY_RATE").decimalValue()).isEqualByComparingTo("8.5");

		MvcResult again = send(this.token, body(service, period.label(), values));
		assertThat(again.getResponse().getStatus()).as("the same return again").isEqualTo(200);
		assertThat(json(again).get("id").asString()).isEqualTo(id);

		values.put("STAFF_VACANCY_RATE", "9");
		MvcResult conflict = send(this.token, body(service, period.label(), values));
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(conflict.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(this.fixtures.returns()).isEqualTo(before + 1);

		assertThat(this.mvc.perform(get("/api/v1/returns/" + id).header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		String othersReturn = this.jdbc.sql("select id::text from kpi_return where provider_id <> :p limit 1")
			.param("p", this.provider.providerId().value())
			.query(String.class)
			.single();
		assertThat(
				this.mvc.perform(get("/api/v1/returns/" + othersReturn).header("Authorization", "Bearer " + this.token))
					.andReturn()
					.getResponse()
					.getStatus())
			.as("another provider's return")
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/api/v1/returns/owed").header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(someoneElses.toString());
	}

}
