package org.carecycle.safeguarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every field of every enquiry form, the council's and the provider's, given every
 * hostile value (empty, 10,000 characters and more, markup, NUL, bad choices, bad ids,
 * bad dates): a GOV.UK error or a saved step, never a server error nor script drawn as
 * markup; and no form is taken without its CSRF token.
 */
@ApplicationTest
class EnquiryHostileInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private record Form(String path, MockHttpSession session, Map<String, String> fields) {
	}

	@Test
	void hostileValuesInEveryFieldGetAnErrorNeverAServerError() throws Exception {
		EnquiryFixtures fixtures = new EnquiryFixtures(this.jdbc);
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		EnquiryFixtures.Case planning = fixtures.create(fixtures.demoProvider(), null);
		EnquiryFixtures.Case making = fixtures.create(fixtures.demoProvider(), null);
		this.jdbc.sql("""
				update safeguarding_enquiry set status = 'IN_PROGRESS', planning_held_on = date '2026-12-01',
				    lacked_capacity = 'NO', outcomes_asked = 'ASKED_EXPRESSED', desired_outcomes = 'Safe'
				where id = :id""").param("id", making.enquiryId()).update();
		EnquiryFixtures.Case caused = fixtures.create(fixtures.demoProvider(), null);
		this.jdbc
			.sql("""
					update safeguarding_enquiry set status = 'AWAITING_PROVIDER', made_by = 'CAUSED', caused_to_provider_id = :p,
					    caused_to_name = 'The provider', caused_request = 'Look', caused_at = now(), caused_due_on = current_date + 3
					where id = :id""")
			.param("p", fixtures.demoProvider())
			.param("id", caused.enquiryId())
			.update();
		Map<String, String> date = Map.of("Day", "1", "Month", "12", "Year", "2026");
		List<Form> forms = List.of(
				new Form(planning.page() + "/planning", lead,
						fields("version", "0", "heldOnDay", "1", "heldOnMonth", "12", "heldOnYear", "2026",
								"participants", "Lead", "notes", "Agreed")),
				new Form(planning.page() + "/maker", lead,
						fields("version", "0", "madeBy", "PROVIDER", "providerId", fixtures.demoProvider().toString(),
								"bodyName", "NHS", "request", "Look", "dueOnDay", "1", "dueOnMonth", "1", "dueOnYear",
								"2027")),
				new Form(making.page() + "/capacity", lead,
						fields("version", "0", "lackedCapacity", "YES", "advocacySupport", "NO")),
				new Form(making.page() + "/outcomes", lead,
						fields("version", "0", "outcomesAsked", "ASKED_EXPRESSED", "desiredOutcomes", "Safe")),
				new Form(making.page() + "/conclusion", lead,
						fields("version", "0", "actionAndResult", "RISK_IDENTIFIED_ACTION_TAKEN", "riskOutcome",
								"REDUCED", "outcomesAchieved", "PARTIALLY", "protectionPlan", "Plan", "conclusion",
								"Done", "concludedOnDay", date.get("Day"), "concludedOnMonth", date.get("Month"),
								"concludedOnYear", date.get("Year"))),
				new Form(making.page() + "/close", lead, fields("version", "0")),
				new Form("/my-organisation/safeguarding/" + caused.enquiryId(), provider, fields("findings", "Found")));
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
					String body = response.getContentAsString();
					if (status >= 500 || (status != 200 && status != 302)) {
						wrong.add(form.path() + " " + field + "=" + abbreviate(value) + " -> " + status);
					}
					if (body.contains(HostileValues.SCRIPT)) {
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
	}

	@Test
	void theCommonRefusalsReadAsGovukErrors() throws Exception {
		EnquiryFixtures fixtures = new EnquiryFixtures(this.jdbc);
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		EnquiryFixtures.Case c = fixtures.create(fixtures.demoProvider(), null);
		String tooLong = body(lead, c.page() + "/planning", "version", "0", "heldOnDay", "31", "heldOnMonth", "2",
				"heldOnYear", "2026", "participants", "x".repeat(2_001), "notes", "y".repeat(10_001));
		assertThat(tooLong).contains("There is a problem", "Date the planning discussion was held must be a real date",
				"Who took part must be 2,000 characters or fewer",
				"What was agreed must be 10,000 characters or fewer");
		assertThat(body(lead, c.page() + "/planning", "version", "0")).contains(
				"Enter the date the planning discussion was held", "Enter who took part in the planning discussion",
				"Enter what was agreed at the planning discussion");
		assertThat(body(lead, c.page() + "/planning", "version", "not-a-number", "heldOnDay", "1", "heldOnMonth", "12",
				"heldOnYear", "2026", "participants", "Lead", "notes", "Notes"))
			.contains("This enquiry was changed by someone else");
		assertThat(body(lead, c.page() + "/maker", "version", "0", "madeBy", "EVERYONE"))
			.contains("Select who will make the enquiry");
		assertThat(body(lead, c.page() + "/maker", "version", "0", "madeBy", "PROVIDER", "providerId",
				"00000000-0000-0000-0000-000000000000", "request", "Look"))
			.contains("Select the provider that will make the enquiry");
		assertThat(body(lead, c.page() + "/maker", "version", "0", "madeBy", "OTHER", "bodyName", "NHS", "request",
				"Look", "dueOnDay", "1", "dueOnMonth", "1", "dueOnYear", "2020"))
			.contains("Due date must be in the future");
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/safeguarding/concerns/not-an-id/enquiry")
				.session(lead))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(fixtures.version(c)).isZero();
	}

	private String body(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
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
