package org.carecycle.concerns;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.carecycle.ApplicationTest;
import org.carecycle.identity.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails a concern sends arrive through a real SMTP server: the safeguarding leads'
 * alert at once, without the details of what happened, and the reporter's
 * acknowledgement.
 */
@ApplicationTest
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
class ConcernEmailTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(3025, null, "smtp"));

	@Autowired
	Concerns concerns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFlaggedConcernEmailsEverySafeguardingLeadAndTheReporterGetsTheirReference() throws Exception {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
		String reporter = "kerensa." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"The night carer slapped my grandmother when she called out.", null, "Last night", null, AtRisk.YES,
				ReporterRole.RELATIVE_OR_FRIEND, false, "Kerensa Nance", reporter, null, true);
		Concern concern = AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
		String lead = this.jdbc
			.sql("select email from app_user where role = 'SAFEGUARDING_LEAD' and enabled order by email limit 1")
			.query(String.class)
			.single();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> received(lead, concern.reference()) != null
					&& received(reporter, concern.reference()) != null);
		MimeMessage alert = received(lead, concern.reference());
		assertThat(GreenMailUtil.getBody(alert)).contains(concern.reference(), "/safeguarding/concerns/", "slapped")
			.doesNotContain("my grandmother when she called out")
			.doesNotContain("Kerensa");
		MimeMessage acknowledgement = received(reporter, concern.reference());
		assertThat(acknowledgement.getSubject()).isEqualTo("We have received your concern: " + concern.reference());
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
