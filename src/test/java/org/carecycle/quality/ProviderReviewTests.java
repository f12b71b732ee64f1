package org.carecycle.quality;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.Documents;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The provider's side of a review in the portal: the draft is checked and commented on
 * within 14 days and the response sent; a rating below Good needs an action plan with an
 * action for every such standard; once in force, actions are marked done with evidence.
 * Another organisation's review is "not found", and a late or stale step is explained on
 * the page without changing anything. Runs on a clock the tests can move.
 */
@ApplicationTest
class ProviderReviewTests {

	private static final String CHANGED = "This review was changed by someone else. Check the latest version below and try again.";

	private static final byte[] PDF = "%PDF-1.4\n% evidence that the action was done\n"
		.getBytes(StandardCharsets.US_ASCII);

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(UkTime.ZONE);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviews reviews;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MovableClock clock;

	private ReviewSteps steps;

	@BeforeEach
	void steps() {
		this.steps = new ReviewSteps(this.reviews, this.jdbc, this.users, this.clock);
	}

	@AfterEach
	void resetClockAndEmails() {
		this.clock.reset();
		this.steps.markEmailsSent();
	}

	@Test
	void theProviderChecksTheDraftCommentsAndRespondsAndTheCommentsGoToASeniorOfficer() throws Exception {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), ReviewSteps.TWO_BELOW_GOOD);
		Review review = this.reviews.get(id, ProviderScope.everything());
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key like :key")
			.param("key", "qa-draft:" + id + ":%")
			.query(Long.class)
			.single()).as("the provider's users are emailed about the draft").isPositive();
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);

		this.mvc.perform(get("/my-organisation").session(provider))
			.andExpect(content().string(containsString("href=\"/my-organisation/reviews\"")));
		this.mvc.perform(get("/my-organisation/reviews").session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(review.reference())))
			.andExpect(content().string(containsString("Check the draft report and send your response")));
		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft quality assurance report")))
			.andExpect(content().string(containsString("How the rating was worked out")))
			.andExpect(content().string(containsString("/my-organisation/reviews/" + id + "/comments/MEDICINES")))
			.andExpect(content().string(containsString("Send your response")));

		comment(provider, id, "MEDICINES", "The medicines fridge was checked daily; the log was in the office.",
				this.steps.version(id))
			.andExpect(status().is3xxRedirection());
		assertThat(comment(id, "MEDICINES"))
			.isEqualTo("The medicines fridge was checked daily; the log was in the office.");
		comment(provider, id, "RECORDS", "  ", this.steps.version(id)).andExpect(status().is3xxRedirection());
		assertThat(comment(id, "RECORDS")).isNull();

		this.mvc
			.perform(post("/my-organisation/reviews/" + id + "/respond").session(provider)
				.param("version", String.valueOf(this.steps.version(id)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.steps.status(id)).isEqualTo("DISPUTE_REVIEW");
		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A senior officer at the council is deciding them")))
			.andExpect(content().string(containsString("The medicines fridge was checked daily")))
			.andExpect(content().string(not(containsString("/comments/MEDICINES"))))
			.andExpect(content().string(not(containsString("/respond"))));
		comment(provider, id, "MEDICINES", "Changed my mind", this.steps.version(id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("This review is not waiting for your comments")));
		assertThat(comment(id, "MEDICINES")).startsWith("The medicines fridge");

		this.steps.as(Role.COMMISSIONER, () -> {
			this.reviews.decide(id, this.steps.version(id), "MEDICINES", Finding.DisputeOutcome.NOT_UPHELD,
					"The log was not in the office on either day of the visit.", null, null);
			this.reviews.publish(id, this.steps.version(id), "One comment, not upheld.");
			return null;
		});
		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not upheld")))
			.andExpect(content().string(containsString("The log was not in the office on either day of the visit.")))
			.andExpect(content().string(not(containsString("Draft quality assurance report"))));
	}

	@Test
	void anotherOrganisationsReviewAndAReviewNotYetSentAreNotFound() throws Exception {
		UUID other = this.steps.drafted(this.steps.otherProvidersService(), Map.of());
		UUID evidence = this.steps.as(Role.QA_OFFICER, () -> {
			UUID document = this.documents.store("rota.pdf", PDF, DocumentKind.TEXT_DOCUMENTS).document().id();
			this.reviews.addEvidence(other, "STAFFING", "DOCUMENT", "Rota for March", document);
			this.reviews.sendToProvider(other, this.steps.version(other));
			return document;
		});
		UUID notSent = this.steps.as(Role.QA_OFFICER,
				() -> this.reviews
					.plan(this.steps.ownService(), ReviewKind.RISK_BASED, this.steps.today().plusDays(7),
							this.steps.userId(Role.QA_OFFICER), null)
					.id());
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);

		for (String path : new String[] { "", "/report.pdf", "/documents/" + evidence }) {
			this.mvc.perform(get("/my-organisation/reviews/" + other + path).session(provider))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/my-organisation/reviews/" + notSent).session(provider)).andExpect(status().isNotFound());
		this.mvc.perform(get("/my-organisation/reviews/" + notSent + "/report.pdf").session(provider))
			.andExpect(status().isNotFound());
		comment(provider, other, "STAFFING", "Not ours", this.steps.version(other)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/my-organisation/reviews/" + other + "/respond").session(provider)
				.param("version", String.valueOf(this.steps.version(other)))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(comment(other, "STAFFING")).isNull();
		assertThat(this.steps.status(other)).isEqualTo("FACTUAL_ACCURACY");
		this.mvc.perform(get("/my-organisation/reviews").session(provider))
			.andExpect(content().string(not(containsString(reference(other)))))
			.andExpect(content().string(not(containsString(reference(notSent)))));

		this.steps.as(Role.QA_OFFICER, () -> {
			this.reviews.cancel(notSent, this.steps.version(notSent), "Visit no longer needed");
			return null;
		});
		this.mvc.perform(get("/my-organisation/reviews/" + notSent).session(provider)).andExpect(status().isNotFound());
		this.steps.respondAndPublish(other);
	}

	@Test
	void aCommentAfterTheFourteenDaysIsRefusedWithTheReasonAndChangesNothing() throws Exception {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), Map.of());
		LocalDate due = this.reviews.get(id, ProviderScope.everything()).commentsDueOn();
		this.clock.move(Duration.ofDays(ReviewTimeLimits.COMMENT_DAYS + 1));
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);

		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/comments/"))))
			.andExpect(content().string(not(containsString("/respond"))));
		int version = this.steps.version(id);
		comment(provider, id, "CONSENT", "Consent forms were in the new folder.", version).andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content()
				.string(containsString("The 14 days for comments on this draft ended on " + due.getDayOfMonth() + " "
						+ due.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK))));
		assertThat(comment(id, "CONSENT")).isNull();
		assertThat(this.steps.version(id)).isEqualTo(version);
		this.mvc
			.perform(post("/my-organisation/reviews/" + id + "/respond").session(provider)
				.param("version", String.valueOf(version))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The 14 days for comments on this draft ended")));
		assertThat(this.steps.status(id)).isEqualTo("FACTUAL_ACCURACY");
		// the council can now publish without the provider's response
		this.steps.publish(id);
	}

	@Test
	void aCommentOnAPageSomeoneElseHasChangedIsRefusedWithoutOverwriting() throws Exception {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), Map.of());
		int drawn = this.steps.version(id);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		comment(provider, id, "NUTRITION", "Menus offer two hot choices.", drawn)
			.andExpect(status().is3xxRedirection());

		comment(provider, id, "NUTRITION", "A colleague's different comment.", drawn).andExpect(status().isOk())
			.andExpect(content().string(containsString(CHANGED)))
			.andExpect(content().string(containsString("A colleague&#39;s different comment.")));
		assertThat(comment(id, "NUTRITION")).isEqualTo("Menus offer two hot choices.");
		this.mvc
			.perform(post("/my-organisation/reviews/" + id + "/respond").session(provider)
				.param("version", String.valueOf(drawn))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CHANGED)));
		assertThat(this.steps.status(id)).isEqualTo("FACTUAL_ACCURACY");
		this.steps.respondAndPublish(id);
	}

	@Test
	void theActionPlanNeedsAnActionForEveryStandardBelowGoodAndThenActionsAreMarkedDoneWithEvidence() throws Exception {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), ReviewSteps.TWO_BELOW_GOOD);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		this.mvc
			.perform(post("/my-organisation/reviews/" + id + "/respond").session(provider)
				.param("version", String.valueOf(this.steps.version(id)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.steps.status(id)).isEqualTo("FACTUAL_ACCURACY");
		this.steps.publish(id);
		assertThat(this.steps.status(id)).isEqualTo("ACTION_PLAN_DUE");
		LocalDate today = this.steps.today();

		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add an action for Management of medicines")))
			.andExpect(content().string(containsString("Add an action for Records")))
			.andExpect(content().string(not(containsString("Add an action for Complaints"))));
		addAction(provider, id, "MEDICINES", "Audit medicines weekly", "Registered manager", null)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the date the action is due")));
		addAction(provider, id, "MEDICINES", "", "", today.minusDays(1)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter what you will do")))
			.andExpect(content().string(containsString("Enter who is responsible for the action")))
			.andExpect(content().string(containsString("The date the action is due must be today or in the future")));
		addAction(provider, id, "COMPLAINTS", "Not needed", "Manager", today.plusDays(30)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Actions are needed only for standards rated below Good")));
		assertThat(actions(id)).isZero();

		addAction(provider, id, "MEDICINES", "Audit medicines weekly\nand act on errors", "Registered manager",
				today.plusDays(30))
			.andExpect(status().is3xxRedirection());
		addAction(provider, id, "MEDICINES", "A mistake", "Nobody", today.plusDays(3))
			.andExpect(status().is3xxRedirection());
		UUID mistake = actionId(id, "A mistake");
		this.mvc
			.perform(post("/my-organisation/reviews/" + id + "/actions/" + mistake + "/remove").session(provider)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(actions(id)).isEqualTo(1);

		submitPlan(provider, id).andExpect(status().isOk())
			.andExpect(content().string(containsString("Add at least one action for every standard rated below Good")));
		assertThat(this.steps.status(id)).isEqualTo("ACTION_PLAN_DUE");
		addAction(provider, id, "RECORDS", "Train staff in record keeping", "Deputy manager", today.plusDays(60))
			.andExpect(status().is3xxRedirection());
		submitPlan(provider, id).andExpect(status().is3xxRedirection());
		assertThat(this.steps.status(id)).isEqualTo("ACTION_PLAN_SUBMITTED");

		UUID audit = actionId(id, "Audit medicines weekly\nand act on errors");
		String complete = "/my-organisation/reviews/" + id + "/actions/" + audit + "/complete";
		this.mvc.perform(get(complete).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mark an action as done")));
		complete(complete, provider, today.plusDays(1),
				new MockMultipartFile("document", "notes.txt", "text/plain", "just text".getBytes()))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("The date the action was completed must be today or in the past")))
			.andExpect(content()
				.string(containsString("must be a PDF, a Word or OpenDocument text file, or a JPEG or PNG photo")));
		byte[] tooLarge = java.util.Arrays.copyOf(PDF, (int) Documents.MAX_BYTES + 1);
		complete(complete, provider, today, new MockMultipartFile("document", "big.pdf", "application/pdf", tooLarge))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The selected file must be smaller than 10 MB")));
		assertThat(this.reviews.actions(id).stream().noneMatch(Reviews.Action::isDone)).isTrue();
		complete(complete, provider, today, new MockMultipartFile("document", "audit.pdf", "application/pdf", PDF))
			.andExpect(status().is3xxRedirection());
		var done = this.jdbc
			.sql("select completed_on, completion_note, evidence_document_id from qa_action where id = :id")
			.param("id", audit)
			.query()
			.singleRow();
		assertThat(done.get("completed_on")).isEqualTo(java.sql.Date.valueOf(today));
		assertThat(done.get("completion_note")).isEqualTo("Weekly audits started; two errors found and fixed.");
		UUID document = (UUID) done.get("evidence_document_id");
		assertThat(document).isNotNull();

		this.mvc.perform(get("/my-organisation/reviews/" + id).session(provider))
			.andExpect(content().string(containsString("Done on ")))
			.andExpect(content().string(containsString("/my-organisation/reviews/" + id + "/documents/" + document)));
		byte[] downloaded = this.mvc
			.perform(get("/my-organisation/reviews/" + id + "/documents/" + document).session(provider))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(downloaded).isEqualTo(PDF);
		String reference = reference(id);
		byte[] pdf = this.mvc.perform(get("/my-organisation/reviews/" + id + "/report.pdf").session(provider))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString(reference + ".pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-pdf"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/report-pdf/action-plan.pdf"), pdf);
		try (var report = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(report).replaceAll("\\s+", " ")).contains(
					"Audit medicines weekly and act on errors", "Registered manager", "Done on",
					"Train staff in record keeping", "Not done yet", "Evidence: audit.pdf");
		}
	}

	private ResultActions comment(MockHttpSession provider, UUID id, String standard, String text, int version)
			throws Exception {
		return this.mvc.perform(post("/my-organisation/reviews/" + id + "/comments/" + standard).session(provider)
			.param("version", String.valueOf(version))
			.param("comment", text)
			.with(csrf()));
	}

	private ResultActions addAction(MockHttpSession provider, UUID id, String standard, String description,
			String owner, LocalDate due) throws Exception {
		return this.mvc.perform(post("/my-organisation/reviews/" + id + "/actions").session(provider)
			.param("standard", standard)
			.param("description", description)
			.param("owner", owner)
			.param("dueDay", (due != null) ? String.valueOf(due.getDayOfMonth()) : "")
			.param("dueMonth", (due != null) ? String.valueOf(due.getMonthValue()) : "")
			.param("dueYear", (due != null) ? String.valueOf(due.getYear()) : "")
			.with(csrf()));
	}

	private ResultActions submitPlan(MockHttpSession provider, UUID id) throws Exception {
		return this.mvc.perform(post("/my-organisation/reviews/" + id + "/action-plan").session(provider)
			.param("version", String.valueOf(this.steps.version(id)))
			.with(csrf()));
	}

	private ResultActions complete(String path, MockHttpSession provider, LocalDate on, MockMultipartFile document)
			throws Exception {
		return this.mvc.perform(multipart(path).file(document)
			.param("doneDay", String.valueOf(on.getDayOfMonth()))
			.param("doneMonth", String.valueOf(on.getMonthValue()))
			.param("doneYear", String.valueOf(on.getYear()))
			.param("note", "Weekly audits started; two errors found and fixed.")
			.session(provider)
			.with(csrf()));
	}

	private String comment(UUID id, String standard) {
		return this.reviews.get(id, ProviderScope.everything())
			.findingFor(standard)
			.map(Finding::providerComment)
			.orElse(null);
	}

	private String reference(UUID id) {
		return this.reviews.get(id, ProviderScope.everything()).reference();
	}

	private long actions(UUID id) {
		return this.reviews.actions(id).size();
	}

	private UUID actionId(UUID id, String description) {
		return this.reviews.actions(id)
			.stream()
			.filter(action -> action.description().equals(description))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
