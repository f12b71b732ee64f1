package org.carecycle.oversight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.identity.ApiTokens;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile values (fixed seed) through every KPI form, the CSV upload and the API: never a
 * server error, never markup rendered, always a message or a problem detail, and no
 * return saved from a hostile figure.
 */
@ApplicationTest
class KpiHostileInputTests {

	private static final int CASES = 2_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	KpiDefinitions definitions;

	@Test
	void hostileValuesInEveryKpiFormAndApiCallNeverBreakAnythingNorSaveAFigure() throws Exception {
		KpiFixtures fixtures = new KpiFixtures(this.jdbc, this.definitions);
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous().previous().previous();
		UUID service = fixtures.service(0, period, period);
		fixtures.forget(service, period);
		Map<String, String> zeros = fixtures.zeros(service, period);
		String token = this.tokens.issue(fixtures.providerUser(), "Hostile input test").secret();
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		long returnsBefore = fixtures.returns();
		Random random = new Random(2026);
		List<String> failures = new ArrayList<>();
		List<String> hostile = HostileValues.ALL;
		int cases = 0;
		while (cases < CASES) {
			String value = hostile.get(random.nextInt(hostile.size()));
			int kind = random.nextInt(6);
			MockHttpServletResponse response;
			String where;
			if (kind == 0) {
				// the portal's return form, one figure hostile
				where = "return form";
				List<String> codes = new ArrayList<>(zeros.keySet());
				String target = codes.get(random.nextInt(codes.size()));
				var request = post("/my-organisation/returns/" + service + "/" + period.label()).session(provider)
					.with(csrf());
				for (String code : codes) {
					request.param("kpi-" + code, code.equals(target) ? value : "0");
				}
				response = this.mvc.perform(request).andReturn().getResponse();
				if (response.getStatus() == 200 && !response.getContentAsString().contains("govuk-error-summary")) {
					failures.add("no message on the return form for " + shorten(value));
				}
			}
			else if (kind == 1) {
				where = "KPI form";
				String[] fields = { "code", "name", "hint", "unit", "frequency", "serviceTypes", "highest",
						"toleranceAbove", "toleranceBelow" };
				String target = fields[random.nextInt(fields.length)];
				Map<String, String> form = new LinkedHashMap<>(Map.of("code", "HOSTILE_TEST", "name", "Hostile test",
						"unit", "NUMBER", "frequency", "QUARTERLY", "serviceTypes", "DAY_SERVICE", "highest", "10"));
				form.put(target, value);
				var request = post("/admin/kpis/new").session(admin).with(csrf());
				form.forEach(request::param);
				response = this.mvc.perform(request).andReturn().getResponse();
			}
			else if (kind == 2) {
				where = "API token name";
				response = this.mvc
					.perform(post("/my-organisation/api-tokens").session(provider).with(csrf()).param("name", value))
					.andReturn()
					.getResponse();
			}
			else if (kind == 3) {
				where = "API figure";
				Map<String, Object> values = new LinkedHashMap<>();
				zeros.keySet().forEach(code -> values.put(code, 0));
				List<String> codes = new ArrayList<>(zeros.keySet());
				values.put(random.nextBoolean() ? codes.get(random.nextInt(codes.size())) : value, number(value));
				String body = JSON
					.writeValueAsString(Map.of("serviceId", random.nextBoolean() ? service.toString() : value, "period",
							random.nextBoolean() ? period.label() : value, "values", values));
				response = api(token, body);
				if (response.getStatus() < 400) {
					failures.add("hostile figure accepted by the API: " + shorten(value));
				}
			}
			else if (kind == 4) {
				where = "API body";
				response = api(token, value);
				if (response.getStatus() != 400 && response.getStatus() != 422) {
					failures.add("raw hostile body gave " + response.getStatus() + ": " + shorten(value));
				}
			}
			else {
				where = "CSV upload";
				String csv = "service_id,period,kpi,value\n" + service + "," + period.label() + "," + value + ","
						+ value + "\n" + value + "\n";
				response = this.mvc
					.perform(
							multipart("/my-organisation/returns/upload")
								.file(new MockMultipartFile("file", value.replaceAll("[\\u0000/\\\\]", "") + ".csv",
										"text/csv", csv.getBytes(StandardCharsets.UTF_8)))
								.session(provider)
								.with(csrf()))
					.andReturn()
					.getResponse();
				if (response.getStatus() == 200 && !response.getContentAsString().contains("govuk-error-summary")) {
					failures.add("no message on the upload for " + shorten(value));
				}
			}
			String body = response.getContentAsString();
			if (response.getStatus() >= 500) {
				failures.add(response.getStatus() + " on " + where + ": " + shorten(value));
			}
			if (body.contains(HostileValues.SCRIPT) || body.contains("<img src=x onerror")
					|| body.contains("<svg/onload")) {
				failures.add("markup rendered on " + where);
			}
			cases++;
		}
		System.out.println("KPI hostile input cases run: " + cases);
		assertThat(failures).as("hostile input failures").isEmpty();
		assertThat(fixtures.returns()).as("no return saved from a hostile figure").isEqualTo(returnsBefore);
	}

	private MockHttpServletResponse api(String token, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/returns").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	/** A hostile value that reads as a number goes as a JSON number, the rest as text. */
	private static Object number(String value) {
		try {
			return new java.math.BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
