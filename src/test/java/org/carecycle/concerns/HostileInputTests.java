package org.carecycle.concerns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Generated hostile input (markup and script, SQL and template-expression fragments, very
 * long values, control and zero-width characters, broken surrogates, path traversal)
 * driven through every field of the concerns module's forms with a fixed seed: never a
 * server error, never script rendered as markup, a message for what was refused, and
 * nothing saved by a refused form.
 */
@ApplicationTest
class HostileInputTests {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final List<String> HOSTILE = org.carecycle.HostileValues.ALL;

	private static final int CASES = 10_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SafeguardingScreen screen;

	/**
	 * A form: where it posts, who posts it, and its fields with a sensible value each.
	 */
	private record Form(String path, Role role, Map<String, String> fields) {
	}

	@Test
	void hostileValuesInEveryFieldNeverBreakTheServiceNorGetRenderedAsMarkup() throws Exception {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
		UUID concern = this.jdbc.sql("select id from concern where status <> 'CLOSED' order by reference limit 1")
			.query(UUID.class)
			.single();
		UUID askable = this.jdbc.sql("""
				select id from concern where status not in ('CLOSED', 'AWAITING_PROVIDER')
				and provider_id is not null order by reference limit 1""").query(UUID.class).single();
		List<Form> forms = List.of(new Form("/tell-us/kind", null, Map.of("kind", "CONCERN")),
				new Form("/tell-us/service", null,
						Map.of("serviceId", service.toString(), "serviceDescription", "A home")),
				new Form("/tell-us/what-happened", null, Map.of("whatHappened", "Cold meals")),
				new Form("/tell-us/when", null,
						Map.of("whenDay", "1", "whenMonth", "2", "whenYear", "2026", "whenText", "Last week")),
				new Form("/tell-us/who-was-affected", null, Map.of("peopleAffected", "My aunt")),
				new Form("/tell-us/risk", null, Map.of("atRisk", "NO")),
				new Form("/tell-us/about-you", null, Map.of("reporterRole", "MEMBER_OF_PUBLIC")),
				new Form("/tell-us/your-details", null, Map.of("giveDetails", "yes")),
				new Form("/tell-us/contact", null,
						Map.of("name", "Ann", "email", "ann@example.org", "phone", "01872 000000", "consent", "true")),
				new Form("/concerns/new", Role.QA_OFFICER,
						Map.ofEntries(Map.entry("service", service.toString()), Map.entry("kind", "CONCERN"),
								Map.entry("channel", "PHONE"), Map.entry("receivedDay", "1"),
								Map.entry("receivedMonth", "2"), Map.entry("receivedYear", "2026"),
								Map.entry("whatHappened", "Rude staff"), Map.entry("atRisk", "NO"),
								Map.entry("reporterRole", "PROFESSIONAL"), Map.entry("name", "Ann"),
								Map.entry("email", "ann@example.org"))),
				new Form("/concerns/" + concern + "/assess", Role.QA_OFFICER,
						Map.of("version", "999", "themes", "FALLS", "likelihood", "2", "impact", "2", "action",
								"INTELLIGENCE_ONLY", "rationale", "Log")),
				// the check of what the provider will see, and its send with the
				// confirmations
				new Form("/concerns/" + askable + "/assess", Role.QA_OFFICER,
						Map.of("version", "999", "themes", "FALLS", "likelihood", "2", "impact", "2", "action",
								"ASK_PROVIDER", "rationale", "Ask", "providerSummary", "Please tell us about falls.")),
				new Form("/concerns/" + askable + "/assess", Role.QA_OFFICER,
						Map.of("version", "999", "themes", "FALLS", "likelihood", "2", "impact", "2", "action",
								"ASK_PROVIDER", "rationale", "Ask", "providerSummary", "Please tell us about falls.",
								"step", "send", "summaryChecked", "yes", "colleagueChecked", "yes")),
				new Form("/concerns/" + concern + "/close", Role.QA_OFFICER,
						Map.of("version", "999", "outcome", "Done", "lessons", "None")),
				new Form("/concerns/" + concern + "/duplicate", Role.QA_OFFICER,
						Map.of("version", "999", "original", "PPMF-2026-000001")),
				new Form("/concerns/" + concern + "/assign", Role.QA_OFFICER,
						Map.of("version", "999", "officer", UUID.randomUUID().toString())),
				new Form("/concerns/bulk", Role.QA_OFFICER, Map.of("selected", concern.toString(), "action", "assign")),
				new Form("/concerns/" + concern + "/legal-hold", Role.SAFEGUARDING_LEAD,
						Map.of("version", "999", "reason", "Police investigation")),
				new Form("/concerns/" + concern + "/legal-hold/lift", Role.SAFEGUARDING_LEAD, Map.of("version", "999")),
				new Form("/admin/safeguarding-rules", Role.ADMIN, Map.of("phrase", "hit", "abuseType", "PHYSICAL")));
		Map<Role, MockHttpSession> sessions = Map.of(Role.QA_OFFICER, SignIn.as(this.mvc, Role.QA_OFFICER), Role.ADMIN,
				SignIn.as(this.mvc, Role.ADMIN), Role.SAFEGUARDING_LEAD, SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD));
		Random random = new Random(2026);
		long concernsBefore = count("concern");
		java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		long acceptedStaffConcerns = 0;
		while (cases < CASES) {
			Form form = forms.get(random.nextInt(forms.size()));
			String hostileField = new ArrayList<>(form.fields().keySet()).get(random.nextInt(form.fields().size()));
			String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
			MockHttpServletRequestBuilder request = post(form.path());
			request = (form.role() != null) ? request.session(sessions.get(form.role()))
					: request.session(new MockHttpSession());
			for (Map.Entry<String, String> field : form.fields().entrySet()) {
				request = request.param(field.getKey(), field.getKey().equals(hostileField) ? value : field.getValue());
			}
			if (random.nextInt(50) == 0) {
				// A forged or missing token is refused outright.
				MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
				if (response.getStatus() != 403) {
					failures.add("no CSRF token accepted on " + form.path() + ": " + response.getStatus());
				}
				cases++;
				continue;
			}
			MockHttpServletResponse response = this.mvc.perform(request.with(csrf())).andReturn().getResponse();
			String body = response.getContentAsString();
			if (response.getStatus() >= 500) {
				failures.add(response.getStatus() + " on " + form.path() + " " + hostileField + "=" + shorten(value));
			}
			if (rendersMarkup(body)) {
				failures.add("markup or a javascript: link rendered on " + form.path() + " " + hostileField);
			}
			if (form.path().equals("/concerns/new") && response.getStatus() == 302
					&& response.getRedirectedUrl().matches("/concerns/[0-9a-f-]{36}")) {
				acceptedStaffConcerns++;
			}
			if (response.getStatus() == 200 && form.path().startsWith("/tell-us")
					&& !body.contains("govuk-error-summary")) {
				failures.add("no message on " + form.path() + " " + hostileField + "=" + shorten(value));
			}
			cases++;
		}
		System.out.println("Hostile input cases run: " + cases);
		assertThat(failures).as("hostile input failures").isEmpty();
		// The staff form with a hostile field either refused it, saving nothing, or saved
		// exactly one concern and went to it.
		long saved = count("concern") - concernsBefore;
		assertThat(acceptedStaffConcerns).as("staff forms accepted despite a hostile value").isPositive();
		assertThat(saved).as("concerns saved: one for each accepted staff form, none for a refused one")
			.isEqualTo(acceptedStaffConcerns);
		assertThat(this.jdbc.sql("select count(*) from concern where id = :id and legal_hold_since is not null")
			.param("id", concern)
			.query(Long.class)
			.single()).as("legal holds placed from a stale page").isZero();
		assertThat(this.jdbc.sql("select phrase from safeguarding_rule").query(String.class).list())
			.as("rule phrases are words only")
			.allMatch(phrase -> phrase.matches("[\\p{L}\\p{N}'’* _-]+"));
		// Word-like values (true, null, -1) became rules: take them out again for the
		// tests that follow.
		for (UUID rule : this.jdbc.sql("select id from safeguarding_rule where created_at >= :started and enabled")
			.param("started", started)
			.query(UUID.class)
			.list()) {
			this.screen.setEnabled(rule, false);
		}
		// Whatever was saved is shown as text, never as markup.
		for (UUID id : this.jdbc.sql("select id from concern order by created_at desc limit 20")
			.query(UUID.class)
			.list()) {
			String page = this.mvc.perform(get("/concerns/" + id).session(sessions.get(Role.QA_OFFICER)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x onerror");
			assertThat(JAVASCRIPT_LINK.matcher(page).find()).as("a javascript: link on a concern's page").isFalse();
		}
	}

	/**
	 * Each hostile value through the whole public form to its final "Send", in every free
	 * text field at once (a field that refuses it gets a plain answer instead): the check
	 * page and the saved concern's page show it as text, never as markup or a link, and
	 * what was accepted is saved as it was typed.
	 */
	@Test
	void hostileValuesGoThroughThePublicFormToTheSavedConcern() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		int visitor = 0;
		for (String value : HOSTILE) {
			MockHttpSession session = new MockHttpSession();
			String address = "198.51.100." + (++visitor % 250);
			Map<String, String> accepted = new java.util.LinkedHashMap<>();
			step(session, address, "/tell-us/kind", Map.of("kind", "CONCERN"), null, accepted);
			step(session, address, "/tell-us/service", Map.of("serviceId", "unknown", "serviceDescription", value),
					"serviceDescription", accepted);
			step(session, address, "/tell-us/what-happened", Map.of("whatHappened", value), "whatHappened", accepted);
			step(session, address, "/tell-us/when", Map.of("whenText", value), "whenText", accepted);
			step(session, address, "/tell-us/who-was-affected", Map.of("peopleAffected", value), "peopleAffected",
					accepted);
			step(session, address, "/tell-us/risk", Map.of("atRisk", "NO"), null, accepted);
			step(session, address, "/tell-us/about-you", Map.of("reporterRole", "MEMBER_OF_PUBLIC"), null, accepted);
			step(session, address, "/tell-us/your-details", Map.of("giveDetails", "yes"), null, accepted);
			step(session, address, "/tell-us/contact",
					Map.of("name", value, "email", "ann@example.org", "phone", "01872 000000", "consent", "true"),
					"name", accepted);
			String check = this.mvc.perform(get("/tell-us/check").session(session).accept("text/html"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (rendersMarkup(check)) {
				failures.add("markup on the check page for " + shorten(value));
			}
			MockHttpServletResponse send = this.mvc
				.perform(post("/tell-us/check").session(session).with(csrf()).with(from(address)))
				.andReturn()
				.getResponse();
			if (send.getStatus() != 302 || !"/tell-us/sent".equals(send.getRedirectedUrl())) {
				failures
					.add("not sent with " + shorten(value) + ": " + send.getStatus() + " " + send.getRedirectedUrl());
				continue;
			}
			sent++;
			Map<String, Object> saved = this.jdbc.sql("""
					select id, service_description, what_happened, happened_when_text, people_affected, reporter_name
					from concern where channel = 'PUBLIC_FORM' order by created_at desc, reference desc limit 1""")
				.query()
				.singleRow();
			Map<String, String> columns = Map.of("serviceDescription", "service_description", "whatHappened",
					"what_happened", "whenText", "happened_when_text", "peopleAffected", "people_affected", "name",
					"reporter_name");
			accepted.forEach((field, typed) -> {
				Object stored = saved.get(columns.get(field));
				// saved as the form cleans it (no control or invisible formatting
				// characters,
				// no surrounding space); half a surrogate pair cannot be stored in UTF-8
				// and
				// arrives as "?" (a browser would have sent U+FFFD instead)
				String expected = org.carecycle.web.FormText.clean(typed);
				expected = (expected != null) ? UNPAIRED_SURROGATE.matcher(expected).replaceAll("?") : null;
				boolean same = java.util.Objects.equals(expected, stored);
				if (!same) {
					failures.add(field + " saved as " + shorten(String.valueOf(stored)) + " for " + shorten(typed));
				}
			});
			String page = this.mvc.perform(get("/concerns/" + saved.get("id")).session(officer))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (rendersMarkup(page)) {
				failures.add("markup on the saved concern's page for " + shorten(value));
			}
		}
		assertThat(failures).as("hostile values through the public form").isEmpty();
		assertThat(sent).as("journeys that reached the final submission").isEqualTo(HOSTILE.size());
	}

	/**
	 * Posts one page of the public form with the hostile value in {@code field}; if the
	 * page refuses it, posts a plain answer instead so that the journey goes on.
	 */
	private void step(MockHttpSession session, String address, String path, Map<String, String> fields, String field,
			Map<String, String> accepted) throws Exception {
		MockHttpServletResponse response = postStep(session, address, path, fields);
		if (response.getStatus() == 302) {
			if (field != null) {
				accepted.put(field, fields.get(field));
			}
			return;
		}
		assertThat(response.getStatus()).as(path + " refuses with a message").isEqualTo(200);
		assertThat(rendersMarkup(response.getContentAsString())).as("markup on " + path).isFalse();
		Map<String, String> plain = new java.util.HashMap<>(fields);
		plain.put(field, field.equals("name") ? "Ann" : "A plain answer");
		assertThat(postStep(session, address, path, plain).getStatus()).as(path + " with a plain answer")
			.isEqualTo(302);
	}

	private MockHttpServletResponse postStep(MockHttpSession session, String address, String path,
			Map<String, String> fields) throws Exception {
		MockHttpServletRequestBuilder request = post(path).session(session).with(csrf()).with(from(address));
		for (Map.Entry<String, String> field : fields.entrySet()) {
			request = request.param(field.getKey(), field.getValue());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static final java.util.regex.Pattern UNPAIRED_SURROGATE = java.util.regex.Pattern
		.compile("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

	/**
	 * An attribute that would run script: a link, source or form address starting
	 * javascript:.
	 */
	private static final java.util.regex.Pattern JAVASCRIPT_LINK = java.util.regex.Pattern
		.compile("(?i)(href|src|action|formaction|xlink:href)\\s*=\\s*[\"']?\\s*javascript:");

	private static boolean rendersMarkup(String body) {
		return body.contains(SCRIPT) || body.contains("<img src=x onerror") || body.contains("<svg/onload")
				|| JAVASCRIPT_LINK.matcher(body).find();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static String shorten(String value) {
		String visible = value.codePoints()
			.mapToObj(c -> (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| Character.getType(c) == Character.SURROGATE) ? String.format("\\u%04X", c)
							: new String(Character.toChars(c)))
			.collect(java.util.stream.Collectors.joining());
		return (visible.length() > 40) ? visible.substring(0, 40) + "… (" + value.length() + ")" : visible;
	}

}
