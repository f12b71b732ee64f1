package org.carecycle.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
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
 * Hostile values in every field of the quality review pages: never a server error, never
 * markup rendered, a message on the page for what is refused, and what is saved shown as
 * text.
 */
@ApplicationTest
class QualityHostileInputTests {

	private static final int CASES = 3_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	@Autowired
	Frameworks frameworks;

	private record Form(String path, Role role, Map<String, String> fields) {
	}

	@Test
	void hostileValuesInEveryReviewFormNeverBreakTheServiceNorGetRenderedAsMarkup() throws Exception {
		UUID service = this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE'
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				order by s.name limit 1""").query(UUID.class).single();
		UUID officer = this.jdbc.sql("select id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(Role.QA_OFFICER))
			.query(UUID.class)
			.single();
		LocalDate today = LocalDate.now(UkTime.ZONE);
		UUID review = AuditLog.asSystem("test", () -> {
			Review planned = this.reviews.plan(service, ReviewKind.ANNUAL, today, officer, null);
			this.reviews.recordVisit(planned.id(), planned.version(), today, today, true, "Manager", null);
			return planned.id();
		});
		UUID draft = this.frameworks.draft().map(Framework::id).orElse(null);
		String day = String.valueOf(today.getDayOfMonth());
		String month = String.valueOf(today.getMonthValue());
		String year = String.valueOf(today.getYear());
		String base = "/quality/reviews/" + review;
		List<Form> forms = new ArrayList<>(List.of(
				new Form("/quality/reviews/new", Role.QA_OFFICER,
						Map.of("service", service.toString(), "kind", "ANNUAL", "dateDay", day, "dateMonth", month,
								"dateYear", year, "officer", officer.toString())),
				new Form(base + "/visit", Role.QA_OFFICER,
						Map.ofEntries(Map.entry("version", "1"), Map.entry("startDay", day),
								Map.entry("startMonth", month), Map.entry("startYear", year), Map.entry("endDay", day),
								Map.entry("endMonth", month), Map.entry("endYear", year),
								Map.entry("announced", "true"), Map.entry("peopleSpokenTo", "Manager"),
								Map.entry("documentsRequested", "Rotas"))),
				new Form(base + "/standards/CONSENT", Role.QA_OFFICER,
						Map.of("version", "1", "rating", "GOOD", "findings", "Consent recorded")),
				new Form(base + "/evidence/CONSENT", Role.QA_OFFICER, Map.of("kind", "NOTE", "text", "Seen")),
				new Form(base + "/summary", Role.QA_OFFICER, Map.of("version", "1", "text", "Summary")),
				new Form(base + "/cancel", Role.QA_OFFICER, Map.of("version", "1", "text", "Closed")),
				new Form(base + "/reschedule", Role.QA_OFFICER,
						Map.of("version", "1", "dateDay", day, "dateMonth", month, "dateYear", year, "officer",
								officer.toString())),
				new Form(base + "/decide/CONSENT", Role.COMMISSIONER,
						Map.of("version", "1", "outcome", "UPHELD", "response", "Yes", "rating", "GOOD", "findings",
								"Fine")),
				new Form(base + "/publish", Role.COMMISSIONER, Map.of("version", "1", "text", "Decided")),
				new Form(base + "/action-plan", Role.QA_OFFICER,
						Map.of("version", "1", "decision", "return", "text", "Vague")),
				new Form("/quality/programme/capacity", Role.QA_OFFICER,
						Map.of("officer", officer.toString(), "perMonth", "8")),
				new Form("/quality/programme/accept", Role.QA_OFFICER, Map.of("selected", service.toString()))));
		if (draft != null) {
			forms.add(new Form("/admin/qa-framework/" + draft + "/standards/CONSENT", Role.ADMIN,
					Map.of("name", "Consent", "prompts", "Asked?", "evidence", "Records", "weight", "1")));
		}
		Map<Role, MockHttpSession> sessions = Map.of(Role.QA_OFFICER, SignIn.as(this.mvc, Role.QA_OFFICER),
				Role.COMMISSIONER, SignIn.as(this.mvc, Role.COMMISSIONER), Role.ADMIN, SignIn.as(this.mvc, Role.ADMIN));
		Random random = new Random(2026);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		while (cases < CASES) {
			Form form = forms.get(random.nextInt(forms.size()));
			String hostileField = new ArrayList<>(form.fields().keySet()).get(random.nextInt(form.fields().size()));
			String value = HostileValues.ALL.get(random.nextInt(HostileValues.ALL.size()));
			MockHttpServletRequestBuilder request = post(form.path()).session(sessions.get(form.role()));
			for (Map.Entry<String, String> field : form.fields().entrySet()) {
				String sent = field.getKey().equals(hostileField) ? value : field.getValue();
				if (field.getKey().equals("version") && !field.getKey().equals(hostileField)) {
					sent = String.valueOf(version(review));
				}
				request = request.param(field.getKey(), sent);
			}
			MockHttpServletResponse response = this.mvc.perform(request.with(csrf())).andReturn().getResponse();
			String body = response.getContentAsString();
			if (response.getStatus() >= 500) {
				failures.add(response.getStatus() + " on " + form.path() + " " + hostileField + "=" + shorten(value));
			}
			if (body.contains(HostileValues.SCRIPT) || body.contains("<img src=x onerror")
					|| body.contains("<svg/onload")) {
				failures.add("markup rendered on " + form.path() + " " + hostileField);
			}
			if (response.getStatus() == 200 && !body.contains("govuk-error-summary")) {
				failures.add("no message on " + form.path() + " " + hostileField + "=" + shorten(value));
			}
			cases++;
		}
		System.out.println("Quality hostile input cases run: " + cases);
		assertThat(failures).as("hostile input failures").isEmpty();
		// whatever was saved is shown as text
		for (String page : List.of(base, base + "/standards/CONSENT", base + "/report", "/quality/programme")) {
			String html = this.mvc.perform(get(page).session(sessions.get(Role.QA_OFFICER)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page).doesNotContain(HostileValues.SCRIPT).doesNotContain("<img src=x onerror");
		}
		Review after = this.reviews.get(review, ProviderScope.everything());
		assertThat(after.status()).isIn(ReviewStatus.EVIDENCE, ReviewStatus.CANCELLED);
	}

	private int version(UUID review) {
		return this.jdbc.sql("select version from qa_review where id = :id")
			.param("id", review)
			.query(Integer.class)
			.single();
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
	}

}
