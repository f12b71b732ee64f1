package org.carecycle.quality;

import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.ProviderScope;
import org.carecycle.quality.ReviewEvents.ActionPlanOverdue;
import org.carecycle.quality.ReviewEvents.ReviewPublished;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A review taken through the officers' pages from planned to follow-up, with the
 * provider's challenge decided by a senior officer, and every step out of turn refused
 * with a message on the page.
 */
@ApplicationTest
@RecordApplicationEvents
class ReviewWorkflowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	@Autowired
	QualityDeadlines deadlines;

	@Autowired
	ApplicationEvents events;

	private UUID freeCommissionedService() {
		return this.jdbc.sql("""
				select s.id from care_service s
				where s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= current_date and c.ends_on >= current_date)
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				and exists (select 1 from app_user u where u.provider_id = s.provider_id)
				order by s.name desc limit 1""").query(UUID.class).optional().orElseGet(() -> this.jdbc.sql("""
				select s.id from care_service s
				where s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= current_date and c.ends_on >= current_date)
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				order by s.name desc limit 1""").query(UUID.class).single());
	}

	private UUID userId(Role role) {
		return this.jdbc.sql("select id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(role))
			.query(UUID.class)
			.single();
	}

	private int version(UUID review) {
		return this.jdbc.sql("select version from qa_review where id = :id")
			.param("id", review)
			.query(Integer.class)
			.single();
	}

	private String statusOf(UUID review) {
		return this.jdbc.sql("select status from qa_review where id = :id")
			.param("id", review)
			.query(String.class)
			.single();
	}

	private static LocalDate today() {
		return LocalDate.now(UkTime.ZONE);
	}

	private MvcResult step(MockHttpSession session, String path, String... params) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request)
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection())
			.andReturn();
	}

	@Test
	void anOfficerTakesAReviewFromPlannedToPublishedAndTheProviderChallengesIt() throws Exception {
		UUID service = freeCommissionedService();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		LocalDate today = today();

		// planning: a bad date is refused on the page, a good one plans the review
		String page = this.mvc
			.perform(post("/quality/reviews/new").session(officer)
				.with(csrf())
				.param("service", service.toString())
				.param("kind", "ANNUAL")
				.param("dateDay", "31")
				.param("dateMonth", "2")
				.param("dateYear", "2027")
				.param("officer", userId(Role.QA_OFFICER).toString()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The date of the visit must be a real date");
		MvcResult planned = step(officer, "/quality/reviews/new", "service", service.toString(), "kind", "ANNUAL",
				"dateDay", String.valueOf(today.getDayOfMonth()), "dateMonth", String.valueOf(today.getMonthValue()),
				"dateYear", String.valueOf(today.getYear()), "officer", userId(Role.QA_OFFICER).toString());
		UUID id = UUID.fromString(planned.getResponse().getRedirectedUrl().replace("/quality/reviews/", ""));
		assertThat(statusOf(id)).isEqualTo("PLANNED");
		// a second review of the same service cannot be planned while this one is open
		page = this.mvc
			.perform(post("/quality/reviews/new").session(officer)
				.with(csrf())
				.param("service", service.toString())
				.param("kind", "ANNUAL")
				.param("dateDay", "1")
				.param("dateMonth", "1")
				.param("dateYear", "2027")
				.param("officer", userId(Role.QA_OFFICER).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("already has a review planned or in progress");

		// out of order: sending a draft that does not exist
		MvcResult refused = step(officer, "/quality/reviews/" + id + "/send", "version", String.valueOf(version(id)));
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("Only a draft can be sent to the provider");
		assertThat(statusOf(id)).isEqualTo("PLANNED");

		String day = String.valueOf(today.getDayOfMonth());
		String month = String.valueOf(today.getMonthValue());
		String year = String.valueOf(today.getYear());
		step(officer, "/quality/reviews/" + id + "/visit", "version", String.valueOf(version(id)), "startDay", day,
				"startMonth", month, "startYear", year, "endDay", day, "endMonth", month, "endYear", year, "announced",
				"false", "peopleSpokenTo", "The registered manager, 3 staff and 4 residents");
		assertThat(statusOf(id)).isEqualTo("EVIDENCE");

		Framework framework = this.reviews.frameworkOf(this.reviews.get(id, ProviderScope.everything()));
		for (Framework.Standard standard : framework.standards()) {
			step(officer, "/quality/reviews/" + id + "/standards/" + standard.key(), "version",
					String.valueOf(version(id)), "rating", "GOOD", "findings",
					"People told us staff were kind. " + standard.name() + " met the standard.");
		}
		// a second officer working from an old page is told, and nothing is overwritten
		MvcResult stale = step(officer, "/quality/reviews/" + id + "/standards/CONSENT", "version", "0", "rating",
				"POOR", "findings", "Overwrite");
		assertThat(stale.getFlashMap().get("problemKey")).isEqualTo("review.changedByOthers");
		assertThat(this.reviews.get(id, ProviderScope.everything()).findingFor("CONSENT").orElseThrow().rating())
			.isEqualTo(QaRating.GOOD);
		String reviewPage = this.mvc
			.perform(get("/quality/reviews/" + id).session(SignIn.as(this.mvc, Role.QA_OFFICER))
				.flashAttrs(stale.getFlashMap()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reviewPage).contains("This review was changed by someone else");

		step(officer, "/quality/reviews/" + id + "/summary", "version", String.valueOf(version(id)), "text",
				"A caring service where people are safe.");
		step(officer, "/quality/reviews/" + id + "/draft", "version", String.valueOf(version(id)));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		step(officer, "/quality/reviews/" + id + "/send", "version", String.valueOf(version(id)));
		assertThat(statusOf(id)).isEqualTo("FACTUAL_ACCURACY");

		// findings are locked once the draft is with the provider
		MvcResult locked = step(officer, "/quality/reviews/" + id + "/standards/CONSENT", "version",
				String.valueOf(version(id)), "rating", "POOR", "findings", "Changed");
		assertThat((String) locked.getFlashMap().get("problem")).contains("can no longer be edited");

		// publishing before the provider has had its 14 days is refused
		MvcResult early = step(officer, "/quality/reviews/" + id + "/publish", "version", String.valueOf(version(id)));
		assertThat((String) early.getFlashMap().get("problem")).contains("to comment on the draft");

		// the provider challenges one finding
		Review review = this.reviews.get(id, ProviderScope.everything());
		ProviderScope provider = ProviderScope.only(new ProviderId(review.providerId()));
		AuditLog.asSystem("test", () -> {
			this.reviews.comment(id, version(id), provider, "MEDICINES",
					"The medicines audit was done on the morning of the visit.");
			this.reviews.respond(id, version(id), provider);
			return null;
		});
		assertThat(statusOf(id)).isEqualTo("DISPUTE_REVIEW");
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key like :key")
			.param("key", "qa-dispute:" + id + ":%")
			.query(Long.class)
			.single()).isPositive();

		// a QA officer cannot decide a challenge; a senior officer can
		MvcResult notSenior = step(officer, "/quality/reviews/" + id + "/decide/MEDICINES", "version",
				String.valueOf(version(id)), "outcome", "NOT_UPHELD", "response", "No");
		assertThat((String) notSenior.getFlashMap().get("problem")).contains("senior officer");
		MockHttpSession senior = SignIn.as(this.mvc, Role.COMMISSIONER);
		step(senior, "/quality/reviews/" + id + "/decide/MEDICINES", "version", String.valueOf(version(id)), "outcome",
				"UPHELD", "response", "The audit was seen; the finding is corrected.", "rating", "REQUIRES_IMPROVEMENT",
				"findings", "The audit was done but two charts had gaps.");
		step(senior, "/quality/reviews/" + id + "/publish", "version", String.valueOf(version(id)), "text",
				"One comment upheld.");
		review = this.reviews.get(id, ProviderScope.everything());
		assertThat(review.isPublished()).isTrue();
		assertThat(review.overallRating()).isEqualTo(QaRating.GOOD);
		assertThat(review.status()).isEqualTo(ReviewStatus.ACTION_PLAN_DUE);
		assertThat(this.events.stream(ReviewPublished.class)).anySatisfy(event -> {
			assertThat(event.reviewId()).isEqualTo(id);
			assertThat(event.rating()).isEqualTo(QaRating.GOOD);
		});

		// the public directory shows the published rating
		String directory = this.mvc.perform(get("/directory/services/" + service))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(directory).contains("Good");

		// nothing can be edited after publication
		MvcResult afterPublication = step(officer, "/quality/reviews/" + id + "/standards/CONSENT", "version",
				String.valueOf(version(id)), "rating", "POOR", "findings", "Changed");
		assertThat((String) afterPublication.getFlashMap().get("problem")).contains("published");

		// the provider's action plan, overdue first, then sent and approved
		this.jdbc.sql("update qa_review set action_plan_due_on = current_date - 1 where id = :id")
			.param("id", id)
			.update();
		// as the hourly schedule runs it (it once failed there, outside a transaction)
		this.deadlines.scheduled();
		AuditLog.asSystem("test", () -> this.deadlines.run());
		assertThat(this.events.stream(ActionPlanOverdue.class).filter(e -> e.reviewId().equals(id))).hasSize(1);
		AuditLog.asSystem("test", () -> {
			this.reviews.addAction(id, provider, "MEDICINES", "Daily MAR chart audit by the senior carer",
					"Registered manager", today.plusDays(30));
			this.reviews.submitActionPlan(id, version(id), provider);
			return null;
		});
		assertThat(statusOf(id)).isEqualTo("ACTION_PLAN_SUBMITTED");
		step(officer, "/quality/reviews/" + id + "/action-plan", "version", String.valueOf(version(id)), "decision",
				"approve");
		assertThat(statusOf(id)).isEqualTo("FOLLOW_UP");
		UUID followUp = this.jdbc.sql("select follow_up_review_id from qa_review where id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();
		assertThat(statusOf(followUp)).isEqualTo("PLANNED");
		assertThat(this.reviews.get(followUp, ProviderScope.everything()).kind()).isEqualTo(ReviewKind.FOLLOW_UP);

		// every step is on the review's history
		assertThat(this.reviews.timeline(id)).extracting(Reviews.TimelineEntry::toStatus)
			.contains("PLANNED", "EVIDENCE", "DRAFT", "FACTUAL_ACCURACY", "DISPUTE_REVIEW", "ACTION_PLAN_DUE",
					"OVERDUE", "ACTION_PLAN_SUBMITTED", "FOLLOW_UP");
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_type = 'Review' and record_id = :id")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void theCoverageAndProgrammePagesShowThePromiseAndThePlan() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String coverage = this.mvc.perform(get("/quality").session(officer))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(coverage).contains("Review coverage", "services overdue for a review");
		org.springframework.mock.web.MockHttpServletResponse programmeResponse = this.mvc
			.perform(get("/quality/programme").session(officer))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse();
		String programme = programmeResponse.getContentAsString();
		assertThat(programme).contains("Proposed reviews", "govuk-input--width-3")
			.doesNotContain("milliseconds", "planner-time", "govuk-input--width-2\" id=\"capacity-");
		// the planner's time is for the benchmark and the logs, not for the officer
		assertThat(programmeResponse.getHeader("Server-Timing")).matches("planner;dur=\\d+");
		// case managers do not see reviews in progress
		MockHttpSession caseManager = SignIn.as(this.mvc, Role.CASE_MANAGER);
		this.mvc.perform(get("/quality").session(caseManager))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}

	@Test
	void evidenceThatIsTooLargeOrNotADocumentIsRefusedOnThePage() throws Exception {
		UUID service = freeCommissionedService();
		LocalDate today = today();
		UUID officerId = userId(Role.QA_OFFICER);
		UUID id = AuditLog.asSystem("test", () -> {
			Review planned = this.reviews.plan(service, ReviewKind.ANNUAL, today, officerId, null);
			this.reviews.recordVisit(planned.id(), planned.version(), today, today, true, "Manager", null);
			return planned.id();
		});
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String tooLarge = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/quality/reviews/" + id + "/evidence/MEDICINES")
				.file(new org.springframework.mock.web.MockMultipartFile("document", "audit.pdf", "application/pdf",
						new byte[11 * 1024 * 1024]))
				.param("kind", "NOTE")
				.session(officer)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tooLarge).contains("The selected file must be smaller than 10 MB");
		String script = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/quality/reviews/" + id + "/evidence/MEDICINES")
				.file(new org.springframework.mock.web.MockMultipartFile("document", "audit.pdf", "application/pdf",
						"#!/bin/sh\nrm -rf /".getBytes()))
				.param("kind", "NOTE")
				.session(officer)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(script).contains("must be a PDF, Word, OpenDocument or Excel file");
		assertThat(this.reviews.evidence(id)).isEmpty();
	}

}
