package org.carecycle.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the council asks a provider nobody at which uses CareCycle reaches its registered
 * contact through a real SMTP server, with how to get access and nothing about the person
 * concerned, and the officer who asked is told; a provider with no registered email is
 * named as one to contact another way.
 */
@ApplicationTest
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
class UnreachedProviderTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(3025, null, "smtp"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	Reviews reviews;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	/**
	 * An active service of a provider with no CareCycle users, with its registered email.
	 */
	private Map<String, Object> unreachedService(int offset) {
		return this.jdbc.sql("""
				select cast(s.id as text) as service, cast(p.id as text) as provider, p.name, p.email
				from care_service s join provider p on p.id = s.provider_id
				where s.status = 'ACTIVE' and p.email is not null
				and not exists (select 1 from app_user u where u.provider_id = p.id)
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				order by p.name desc, s.name desc offset :offset limit 1""")
			.param("offset", offset)
			.query()
			.singleRow();
	}

	private Concern concernAbout(UUID service) {
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"I am Demelza Rowe (07700 900456). My aunt waited an hour for help to the toilet.", null, "This week",
				null, AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, false, "Demelza Rowe", "demelza.rowe@example.org",
				"07700 900456", true);
		return AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
	}

	private MvcResult askProvider(Concern concern, MockHttpSession officer) throws Exception {
		int version = this.jdbc.sql("select version from concern where id = :id")
			.param("id", concern.id())
			.query(Integer.class)
			.single();
		return this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(version))
				.param("themes", "DIGNITY_AND_RESPECT")
				.param("likelihood", "3")
				.param("impact", "2")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask how call bells are answered at night.")
				.param("providerSummary", "A relative says a resident waited a long time for help with personal care.")
				.param("step", "send")
				.param("summaryChecked", "yes")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	private String pageAfter(MvcResult redirect, MockHttpSession session) throws Exception {
		return this.mvc
			.perform(get(redirect.getResponse().getRedirectedUrl()).session(session).flashAttrs(redirect.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void askingAProviderNobodyAtWhichUsesCareCycleEmailsItsRegisteredContactAndWarnsTheOfficer() throws Exception {
		Map<String, Object> unreached = unreachedService(0);
		String contact = (String) unreached.get("email");
		Concern concern = concernAbout(UUID.fromString((String) unreached.get("service")));
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);

		String page = pageAfter(askProvider(concern, officer), officer);
		assertThat(page).contains("id=\"provider-unreached\"",
				"has no one using CareCycle. We emailed their registered contact, " + contact);

		await().atMost(Duration.ofSeconds(20)).until(() -> received(contact, concern.reference()) != null);
		String body = GreenMailUtil.getBody(received(contact, concern.reference()));
		assertThat(body).contains(concern.reference(), "/sign-in", "nobody at")
			.doesNotContain("Demelza", "07700", "aunt", "toilet", "demelza.rowe");
	}

	@Test
	void aProviderWithNoRegisteredEmailIsNamedAsOneToContactAnotherWay() throws Exception {
		Map<String, Object> unreached = unreachedService(1);
		UUID provider = UUID.fromString((String) unreached.get("provider"));
		String email = (String) unreached.get("email");
		this.jdbc.sql("update provider set email = null where id = :id").param("id", provider).update();
		try {
			Concern concern = concernAbout(UUID.fromString((String) unreached.get("service")));
			MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
			String page = pageAfter(askProvider(concern, officer), officer);
			assertThat(page).contains("has no one using CareCycle and no registered contact email: contact them");
		}
		finally {
			this.jdbc.sql("update provider set email = :email where id = :id")
				.param("email", email)
				.param("id", provider)
				.update();
		}
	}

	@Test
	void aDraftReportForAProviderNobodyAtWhichUsesCareCycleGoesToItsRegisteredContact() throws Exception {
		Map<String, Object> unreached = unreachedService(2);
		String contact = (String) unreached.get("email");
		ReviewSteps steps = new ReviewSteps(this.reviews, this.jdbc, this.users, this.clock);
		UUID review = steps.drafted(UUID.fromString((String) unreached.get("service")), Map.of());
		int version = this.jdbc.sql("select version from qa_review where id = :id")
			.param("id", review)
			.query(Integer.class)
			.single();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		MvcResult sent = this.mvc
			.perform(post("/quality/reviews/" + review + "/send").session(officer)
				.param("version", String.valueOf(version))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(pageAfter(sent, officer)).contains("id=\"provider-unreached\"",
				"We emailed their registered contact, " + contact);
		String reference = this.jdbc.sql("select reference from qa_review where id = :id")
			.param("id", review)
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(20)).until(() -> received(contact, reference) != null);
		assertThat(GreenMailUtil.getBody(received(contact, reference))).contains("factual accuracy", "/sign-in");
	}

	private static MimeMessage received(String recipient, String reference) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient))
						&& message.getSubject().contains(reference);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElse(null);
	}

}
