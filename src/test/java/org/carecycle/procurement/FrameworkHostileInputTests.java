package org.carecycle.procurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every field of every framework, dynamic market and partnership form, the commissioner's
 * and the provider's, given every hostile value: a GOV.UK error or a saved record, never
 * a server error nor script drawn as markup; no form is taken without its CSRF token; and
 * ids that are not ids are not found.
 */
@ApplicationTest
class FrameworkHostileInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private record Form(String path, MockHttpSession session, Map<String, String> fields) {
	}

	@Test
	void hostileValuesInEveryFieldGetAnErrorNeverAServerError() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID framework = id("select id from procurement_framework where kind = 'FRAMEWORK' limit 1");
		UUID frameworkLot = id(
				"select id from procurement_framework_lot where framework_id = '" + framework + "' limit 1");
		UUID market = id("select id from procurement_framework where kind = 'DYNAMIC_MARKET' limit 1");
		UUID marketLot = id("select id from procurement_framework_lot where framework_id = '" + market
				+ "' order by number desc limit 1");
		UUID admission = id("select id from procurement_admission where status = 'ADMITTED' order by id limit 1");
		String someProvider = this.jdbc.sql("""
				select s.provider_id::text from providers_service s join procurement_framework_lot l
				on l.service_type = s.service_type and l.id = :lot where s.status = 'ACTIVE' order by 1 limit 1""")
			.param("lot", frameworkLot)
			.query(String.class)
			.single();
		List<Form> forms = List.of(new Form("/procurement/frameworks/new", commissioner,
				fields("kind", "DYNAMIC_MARKET", "title", "Market", "description", "For care", "startsDay", "1",
						"startsMonth", "4", "startsYear", "2026", "endsDay", "", "endsMonth", "", "endsYear", "")),
				new Form("/procurement/frameworks/" + market + "/lots/new", commissioner,
						fields("name", "Lot", "serviceType", "CARE_HOME", "area", "", "priceUnit", "PER_WEEK",
								"qualityWeight", "60")),
				new Form("/procurement/frameworks/" + framework + "/lots/" + frameworkLot + "/admit", commissioner,
						fields("provider", someProvider, "price", "25.10", "reasons", "Award")),
				new Form("/procurement/frameworks/admissions/" + admission + "/decide", commissioner,
						fields("version", "0", "decision", "REPRICE", "price", "900", "reasons", "New price")),
				new Form("/procurement/partnerships/new", commissioner,
						fields("provider", someProvider, "title", "Partnership", "rationale", "Why", "services",
								"HOME_CARE", "scope", "", "startsDay", "1", "startsMonth", "4", "startsYear", "2026",
								"reviewDay", "1", "reviewMonth", "4", "reviewYear", "2027")),
				new Form("/my-organisation/dynamic-markets/lots/" + marketLot + "/apply", provider,
						fields("price", "800", "statement", "We meet the conditions")));
		List<String> wrong = new ArrayList<>();
		int tried = 0;
		for (Form form : forms) {
			for (String field : form.fields().keySet()) {
				for (String value : HostileValues.ALL) {
					var request = post(form.path()).session(form.session()).with(csrf());
					form.fields().forEach((name, good) -> request.param(name, name.equals(field) ? value : good));
					MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
					tried++;
					int status = response.getStatus();
					if (status != 200 && status != 302) {
						wrong.add(form.path() + " " + field + "=" + abbreviate(value) + " -> " + status);
					}
					if (response.getContentAsString().contains(HostileValues.SCRIPT)) {
						wrong.add(form.path() + " " + field + " draws script as markup");
					}
				}
			}
			MockHttpServletResponse noToken = this.mvc
				.perform(post(form.path()).session(form.session()).param(form.fields().keySet().iterator().next(), "x"))
				.andReturn()
				.getResponse();
			if (noToken.getStatus() != 403) {
				wrong.add(form.path() + " without a CSRF token -> " + noToken.getStatus());
			}
		}
		assertThat(tried).isGreaterThan(1_000);
		assertThat(wrong).isEmpty();
		// made-up and malformed ids are not found, never a server error
		for (String path : List.of("/procurement/frameworks/not-an-id", "/procurement/frameworks/" + UUID.randomUUID(),
				"/procurement/frameworks/" + market + "/lots/" + frameworkLot,
				"/procurement/frameworks/admissions/not-an-id/decide", "/procurement/partnerships/1")) {
			assertThat(this.mvc.perform(get(path).session(commissioner)).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(404);
		}
	}

	private UUID id(String sql) {
		return this.jdbc.sql(sql).query(UUID.class).single();
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static String abbreviate(String value) {
		return (value.length() > 20) ? value.substring(0, 20) + "..." : value;
	}

}
