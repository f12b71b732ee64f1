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
			if (body.contains(SCRIPT) || body.contains("<img src=x onerror") || body.contains("<svg/onload")) {
				failures.add("markup rendered on " + form.path() + " " + hostileField);
			}
			if (response.getStatus() == 200 && form.path().startsWith("/tell-us")
					&& !body.contains("govuk-error-summary")) {
				failures.add("no message on " + form.path() + " " + hostileField + "=" + shorten(value));
			}
			cases++;
		}
		System.out.println("Hostile input cases run: " + cases);
		assertThat(failures).as("hostile input failures").isEmpty();
		// The staff form with a hostile field either refused it or saved a concern: count
		// those saved.
		long saved = count("concern") - concernsBefore;
		assertThat(saved).as("concerns saved by accepted staff forms").isLessThan(CASES);
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
		}
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
	}

}
