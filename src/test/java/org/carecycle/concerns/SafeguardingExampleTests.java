package org.carecycle.concerns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safeguarding screen as a lead sees it: why a concern was flagged (spelling slips
 * read through, the example it was close to), reports like one the screen missed added as
 * an example after seeing what it would change, and text the screen cannot choke on.
 */
@ApplicationTest
class SafeguardingExampleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	SafeguardingScreen screen;

	private Concern received(String whatHappened) {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
		Report report = new Report(ConcernKind.CONCERN, service, null, whatHappened, null, "Yesterday", null,
				AtRisk.NOT_SURE, ReporterRole.RELATIVE_OR_FRIEND, false, "Sam Example", null, "01872 000000", true);
		return AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
	}

	@Test
	void reportsWrittenAsPeopleWriteAreFlaggedAndTheLeadSeesWhy() throws Exception {
		Concern bruises = received("mum has bruses on both legs and she wont say how she got them");
		Concern soaked = received("He was sat in a chair soaked through since breakfast, nobody came to change him.");
		Concern passports = received(
				"The kitchen staff haven't been paid since the summer and the owner holds on to their passports.");
		Concern minibus = received("The minibus was twenty minutes late again this morning, third time this month.");
		assertThat(List.of(bruises, soaked, passports)).allSatisfy(c -> assertThat(c.safeguardingFlag()).isTrue());
		assertThat(minibus.safeguardingFlag()).as("a late minibus is not safeguarding").isFalse();

		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		this.mvc.perform(get("/concerns/" + bruises.id()).session(lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("read as &quot;bruises&quot;")));
		this.mvc.perform(get("/concerns/" + soaked.id()).session(lead))
			.andExpect(content().string(containsString("Close to the example")))
			.andExpect(content().string(containsString("% alike")));
	}

	@Test
	void aLeadAddsAnExampleFromAConcernTheScreenMissedAfterSeeingWhatItChanges() throws Exception {
		String words = "The home keeps booking my father's chiropody with the owner's cousin and charging him for visits that never happened.";
		Concern missed = received(words);
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		this.mvc.perform(get("/concerns/" + missed.id()).session(lead))
			.andExpect(content().string(containsString("Flag reports like this")));
		this.mvc
			.perform(get("/admin/safeguarding-rules/examples/new").param("concern", missed.id().toString())
				.session(lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chiropody with the owner")))
			.andExpect(content().string(containsString("Take out names")));
		assertThat(this.jdbc
			.sql("select count(*) from concern_access where concern_id = :id and page = 'SAFEGUARDING_EXAMPLE'")
			.param("id", missed.id())
			.query(Long.class)
			.single()).as("starting an example from a concern is a read of it").isEqualTo(1);

		String example = "They charge him for chiropody visits that never happened";
		this.mvc
			.perform(post("/admin/safeguarding-rules/examples/check").param("text", example)
				.param("abuseType", "FINANCIAL")
				.param("concern", missed.id().toString())
				.session(lead)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What this example would change")))
			.andExpect(content().string(containsString("Financial or material abuse reports flagged")))
			.andExpect(content().string(containsString("Save example")));
		SafeguardingExamples.Effect effect = this.screen.tryExample(example, AbuseType.FINANCIAL);
		assertThat(effect.after().recall()).as("the preview calibrates the screen as saving it would")
			.isGreaterThanOrEqualTo(effect.before().recall() - 2);
		this.mvc
			.perform(post("/admin/safeguarding-rules/examples").param("text", example)
				.param("abuseType", "FINANCIAL")
				.param("concern", missed.id().toString())
				.session(lead)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/safeguarding-rules#examples"));
		this.mvc.perform(get("/admin/safeguarding-rules").session(lead))
			.andExpect(content().string(containsString(example)))
			.andExpect(content().string(containsString("On the held-out test set")));
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_type = 'safeguarding example'")
			.query(Long.class)
			.single()).isPositive();

		Concern again = received("They are charging my aunt for chiropody visits that never happened.");
		assertThat(again.safeguardingFlag()).as("a report like the example is flagged now").isTrue();
		assertThat(again.safeguardingReasons()).contains(example);

		UUID id = this.jdbc.sql("select id from safeguarding_example where example_text = :t")
			.param("t", example)
			.query(UUID.class)
			.single();
		this.mvc.perform(
				post("/admin/safeguarding-rules/examples/" + id).param("enabled", "false").session(lead).with(csrf()))
			.andExpect(redirectedUrl("/admin/safeguarding-rules#examples"));
		assertThat(this.screen.councilExamples()).filteredOn(e -> e.id().equals(id))
			.singleElement()
			.satisfies(e -> assertThat(e.enabled()).isFalse());
	}

	@Test
	void badExamplesGetAnErrorOnTheirOwnPageAndNothingIsSaved() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		long before = this.jdbc.sql("select count(*) from safeguarding_example").query(Long.class).single();
		String[][] cases = { { "", "NEGLECT", "Enter an example" }, { "x".repeat(501), "NEGLECT", "500 characters" },
				{ "<script>alert(1)</script> left him wet", "ANY", "Select the type of risk" },
				{ "left him wet", "NOT_A_TYPE", "Select the type of risk" },
				{ "<script>alert(1)</script>", null, "Select the type of risk" } };
		for (String path : List.of("/admin/safeguarding-rules/examples/check", "/admin/safeguarding-rules/examples")) {
			for (String[] c : cases) {
				var request = post(path).param("text", c[0]).session(admin).with(csrf());
				if (c[1] != null) {
					request = request.param("abuseType", c[1]);
				}
				this.mvc.perform(request)
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("There is a problem")))
					.andExpect(content().string(containsString(c[2])))
					.andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
			}
		}
		this.mvc.perform(get("/admin/safeguarding-rules/examples/new").param("concern", "not-an-id").session(admin))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from safeguarding_example").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void textTheScreenCannotExpectNeverFailsTheScreenOrTheSubmission() {
		List<String> texts = List.of("", " ", "\u0000\u0000", "a".repeat(10_000),
				"Il a des bleus sur les bras et personne ne sait pourquoi. ".repeat(60), "母亲腿上有瘀伤，工作人员不解释",
				"<b>she</b> <i>was</i> <script>x</script> slapped <a href=x>here</a>", "🙂".repeat(3_000),
				"word ".repeat(2_500), "left.\n\n\n.\n!\n?".repeat(400));
		for (String text : texts) {
			assertThat(this.screen.screen(AtRisk.NO, text)).isNotNull();
		}
		assertThat(this.screen.screen(null, "<b>she</b> was slapped by the night carer")).isNotEmpty();
		Concern big = received("Mum's carer shouted at her. " + "The rest of the day was ordinary. ".repeat(280));
		assertThat(big.reference()).startsWith("PPMF-");
	}

	@Test
	void everyChannelIsScreened() {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
		for (Channel channel : Channel.values()) {
			Report report = new Report(ConcernKind.CONCERN, service, null,
					"The night staff leave him in a wet bed until the morning shift.", null, "Yesterday", null,
					AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, false, "Sam Example", null, "01872 000000", true);
			Concern concern = AuditLog.asSystem("test",
					() -> this.concerns.receive(report, channel, UUID.randomUUID(), Instant.now()));
			assertThat(concern.safeguardingFlag()).as("screened on " + channel).isTrue();
		}
	}

}
