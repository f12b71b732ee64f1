package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
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
 * Every field of every strategy, intention and Market Position Statement form given every
 * hostile value (empty, very long, markup, NUL, bad choices, bad ids, bad dates): a
 * GOV.UK error or a saved change, never a server error nor script drawn as markup; no
 * form is taken without its CSRF token; and the common refusals read as GOV.UK errors.
 */
@ApplicationTest
class PlanHostileInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private record Form(String path, Map<String, String> fields) {
	}

	@Test
	void hostileValuesInEveryFieldGetAnErrorNeverAServerError() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		LocalDate today = LocalDate.now(UkTime.ZONE);
		String owner = owner();
		String strategy = "/commissioning/strategies/" + approvedStrategy();
		String priority = this.jdbc.sql(
				"select id::text from commissioning_strategy_priority where strategy_id = :id order by position limit 1")
			.param("id", UUID.fromString(strategy.substring(strategy.lastIndexOf('/') + 1)))
			.query(String.class)
			.single();
		String intention = this.jdbc.sql("select id::text from commissioning_intention where priority_id = :id limit 1")
			.param("id", UUID.fromString(priority))
			.query(String.class)
			.single();
		String locality = this.jdbc.sql("select id::text from geography_locality order by name limit 1")
			.query(String.class)
			.single();
		List<Form> forms = List.of(new Form("/commissioning/strategies/new",
				fields("version", "0", "title", "A strategy", "careGroup", "CARERS", "owner", owner, "summary",
						"Summary", "fromDay", "1", "fromMonth", "4", "fromYear", "2026", "toDay", "31", "toMonth", "3",
						"toYear", "2030", "reviewDay", "1", "reviewMonth", "4", "reviewYear", "2027")),
				new Form(strategy + "/edit",
						fields("version", "999", "title", "A strategy", "careGroup", "CARERS", "owner", owner,
								"fromDay", "1", "fromMonth", "4", "fromYear", "2026", "toDay", "31", "toMonth", "3",
								"toYear", "2030")),
				new Form(strategy + "/care-act-review",
						fields("version", "999", "onDay", "1", "onMonth", "1", "onYear", "2026", "reviewer", "Lead",
								"findings", "Compliant")),
				new Form(strategy + "/status", fields("version", "999", "status", "IN_REVIEW")),
				new Form(strategy + "/priorities/new",
						fields("title", "Priority", "owner", "Lead", "timetable", "2026", "dueDay", "1", "dueMonth",
								"1", "dueYear", "2027", "resources", "Money")),
				new Form(strategy + "/evidence/new",
						fields("kind", "CONCERN_THEME", "label", "Falls", "href", "/concerns", "serviceType",
								"CARE_HOME", "theme", "FALLS", "locality", locality, "measure", "1A", "figure",
								"12.5")),
				new Form(strategy + "/review",
						fields("version", "999", "onDay", String.valueOf(today.getDayOfMonth()), "onMonth",
								String.valueOf(today.getMonthValue()), "onYear", String.valueOf(today.getYear()),
								"reviewer", "Lead", "notes", "Read", "nextDay", "1", "nextMonth", "1", "nextYear",
								String.valueOf(today.getYear() + 1))),
				new Form(strategy + "/intentions/new",
						fields("version", "0", "priority", priority, "title", "Home care", "description", "More",
								"serviceType", "HOME_CARE", "locality", locality, "timescale", "2026", "startsDay", "1",
								"startsMonth", "1", "startsYear", "2027", "route", "TENDER", "status", "PROPOSED")),
				new Form("/commissioning/intentions/" + intention + "/edit",
						fields("version", "999", "priority", priority, "title", "Home care", "serviceType", "HOME_CARE",
								"timescale", "2026", "route", "TENDER", "status", "PLANNED")),
				new Form("/commissioning/market-position/sections/workforce", fields("narrative", "Workforce text")),
				new Form("/commissioning/market-position/publish", fields("title", "", "summary", "Changes")));
		List<String> wrong = new ArrayList<>();
		int tried = 0;
		for (Form form : forms) {
			for (String field : form.fields().keySet()) {
				for (String value : HostileValues.ALL) {
					var request = post(form.path()).session(commissioner).with(csrf());
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
				.perform(post(form.path()).session(commissioner).param(form.fields().keySet().iterator().next(), "x"))
				.andReturn()
				.getResponse();
			if (noToken.getStatus() != 403) {
				wrong.add(form.path() + " without a CSRF token -> " + noToken.getStatus());
			}
		}
		assertThat(tried).isGreaterThan(1_000);
		assertThat(wrong).isEmpty();
		// what was saved under a hostile title is drawn as text on the pages that list it
		for (String page : List.of("/commissioning/strategies", "/commissioning", "/commissioning/intentions",
				"/market-position-statement", "/commissioning/market-position")) {
			String body = this.mvc.perform(get(page).session(commissioner))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(page).doesNotContain(HostileValues.SCRIPT);
		}
	}

	@Test
	void theCommonRefusalsReadAsGovukErrors() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		assertThat(body(commissioner, "/commissioning/strategies/new", "version", "0")).contains("There is a problem",
				"Enter the title of the strategy", "Select the care group", "Select the owner of the strategy",
				"Enter the start of the period", "Enter the end of the period");
		assertThat(body(commissioner, "/commissioning/strategies/new", "version", "0", "title", "x".repeat(201),
				"careGroup", "NOBODY", "owner", UUID.randomUUID().toString(), "fromDay", "31", "fromMonth", "2",
				"fromYear", "2026", "toDay", "1", "toMonth", "1", "toYear", "2026"))
			.contains("Title must be 200 characters or fewer", "Select the care group",
					"Start of the period must be a real date");
		assertThat(body(commissioner, "/commissioning/strategies/new", "version", "0", "title", "T", "careGroup",
				"CARERS", "owner", owner(), "fromDay", "1", "fromMonth", "4", "fromYear", "2027", "toDay", "1",
				"toMonth", "4", "toYear", "2026"))
			.contains("End of the period must be the same as or after the start");
		String strategy = "/commissioning/strategies/" + approvedStrategy();
		assertThat(body(commissioner, strategy + "/evidence/new", "kind", "NEEDS_GAP", "label", "Gap", "href",
				"javascript:alert(1)", "figure", "lots"))
			.contains("Select the type of service", "Enter a link that starts with / or https://",
					"Figure must be a number, like 42 or 17.5");
		assertThat(body(commissioner, strategy + "/status", "version", "0", "status", "DRAFT"))
			.contains("Select the new status");
		assertThat(this.mvc.perform(get("/commissioning/strategies/not-an-id").session(commissioner))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(
				this.mvc.perform(get("/market-position-statement/versions/-1")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/commissioning/market-position/sections/nothing").session(commissioner))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private String owner() {
		return this.jdbc.sql("select id::text from identity_user_name where role = 'COMMISSIONER' limit 1")
			.query(String.class)
			.single();
	}

	private String approvedStrategy() {
		return this.jdbc.sql("""
				select s.id::text from commissioning_strategy s where status = 'APPROVED'
				and exists (select 1 from commissioning_intention i where i.strategy_id = s.id)
				order by reference limit 1""").query(String.class).single();
	}

	private String body(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
