package org.carecycle.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox against a real SMTP server (GreenMail): email goes when the transaction that
 * queued it commits, never when it rolls back, once however often it is queued, and after
 * the mail server comes back when it was down. Every test here shares one context with
 * one mail server port, so there is one extra context for all of them.
 */
@ApplicationTest
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=" + MailOutboxTests.SMTP_PORT })
class MailOutboxTests {

	static final int SMTP_PORT = 3025;

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	JavaMailSender mailSender;

	private final TransactionTemplate transaction;

	@Autowired
	MailOutboxTests(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
	}

	@Test
	void sendsQueuedEmailOnceTheTransactionCommits() throws Exception {
		String key = unique("acknowledgement");
		String to = recipient();
		this.transaction.executeWithoutResult((status) -> this.outbox.queue(key, to, "We have received your concern",
				"Thank you for telling us. We’ll reply within 10 working days.\nReference: PPMF-0042"));

		MimeMessage message = awaitOneMessageTo(to);
		assertThat(message.getSubject()).isEqualTo("We have received your concern");
		// SMTP ends lines with CRLF
		assertThat(((String) message.getContent()).replace("\r\n", "\n"))
			.isEqualTo("Thank you for telling us. We’ll reply within 10 working days.\nReference: PPMF-0042");
		assertThat(message.getFrom()).extracting(Address::toString).containsExactly("carecycle@example.org");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		Row row = awaitRow(key, Row::isSent);
		assertThat(message.getMessageID()).isEqualTo("<" + row.id() + "@example.org>");
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.lastError()).isNull();
	}

	@Test
	void sendsNothingWhenTheTransactionRollsBack() throws Exception {
		String key = unique("rolled-back");
		String to = recipient();
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.queue(key, to, "Never sent", "This change did not happen.");
			status.setRollbackOnly();
		});
		this.sender.sendDue();

		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();
		// Other tests' mail may arrive meanwhile; none may be this one.
		Thread.sleep(1_000);
		assertThat(greenMail.getReceivedMessagesForDomain(to)).isEmpty();
	}

	@Test
	void refusesToQueueOutsideATransactionOrForSomethingThatIsNotAnAddress() {
		assertThatThrownBy(() -> this.outbox.queue(unique("no-transaction"), recipient(), "Subject", "Body"))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(
				(status) -> this.outbox.queue(unique("two"), "a@example.org, b@example.org", "Subject", "Body")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(
				(status) -> this.outbox.queue(unique("header"), recipient(), "Subject\r\nBcc: x@example.org", "Body")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void sendsOnceHoweverOftenTheSameEmailIsQueued() throws Exception {
		String key = unique("same-intent");
		String to = recipient();
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.queue(key, to, "First", "Body");
			this.outbox.queue(key, to, "Second", "Body");
		});
		awaitRow(key, Row::isSent);
		this.transaction.executeWithoutResult((status) -> this.outbox.queue(key, to, "Third", "Body"));
		this.sender.sendDue();

		assertThat(awaitOneMessageTo(to).getSubject()).isEqualTo("First");
		Thread.sleep(500);
		assertThat(messagesTo(to)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void keepsEmailWhileTheMailServerIsDownAndSendsItWhenItIsBack() throws Exception {
		greenMail.stop();
		String key = unique("server-down");
		String to = recipient();
		Instant queued = Instant.now();
		this.transaction.executeWithoutResult((status) -> this.outbox.queue(key, to, "Sent in the end", "Body"));

		Row failed = awaitRow(key, (row) -> row.attempts() == 1);
		assertThat(failed.isSent()).isFalse();
		assertThat(failed.lastError()).containsIgnoringCase("connect").contains(String.valueOf(SMTP_PORT));
		assertThat(failed.nextAttemptAt()).isAfter(queued.plusSeconds(50));

		greenMail.start();
		// as if the minute had passed
		this.jdbc.sql("update mail_outbox set next_attempt_at = now() where dedupe_key = :key")
			.param("key", key)
			.update();
		this.sender.sendDue();

		MimeMessage message = awaitOneMessageTo(to);
		Row sent = awaitRow(key, Row::isSent);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(message.getMessageID()).isEqualTo("<" + sent.id() + "@example.org>");
	}

	@Test
	void givesUpAfterTenAttemptsAndShowsTheEmailAsFailed() throws Exception {
		greenMail.stop();
		String key = unique("given-up");
		String subject = "Given up " + key;
		this.transaction.executeWithoutResult((status) -> this.outbox.queue(key, recipient(), subject, "Body"));
		awaitRow(key, (row) -> row.attempts() == 1);
		this.jdbc.sql("update mail_outbox set attempts = 9, next_attempt_at = now() where dedupe_key = :key")
			.param("key", key)
			.update();
		this.sender.sendDue();
		Row failed = awaitRow(key, (row) -> row.attempts() == 10);

		greenMail.start();
		this.jdbc.sql("update mail_outbox set next_attempt_at = now() where dedupe_key = :key")
			.param("key", key)
			.update();
		this.sender.sendDue();
		assertThat(greenMail.waitForIncomingEmail(1_000, 1)).isFalse();
		Row after = row(key);
		assertThat(after.attempts()).isEqualTo(10);
		assertThat(after.isSent()).isFalse();
		assertThat(after.lastError()).isNotBlank().isEqualTo(failed.lastError());

		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String page = this.mvc.perform(get("/admin/emails").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.substring(page.indexOf(subject))).contains("Failed after 10 attempts");
	}

	@Test
	void administratorsSeeTheEmailsAndNobodyElseDoes() throws Exception {
		String key = unique("listed");
		String to = recipient();
		String subject = "Listed " + key;
		this.transaction.executeWithoutResult((status) -> this.outbox.queue(key, to, subject, "Body"));
		awaitRow(key, Row::isSent);

		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/emails").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Emails</h1>")))
			.andExpect(content().string(containsString(subject)))
			.andExpect(content().string(containsString(to)))
			.andExpect(content().string(containsString("govuk-tag--green\">Sent<")))
			.andExpect(content().string(not(containsString("Body"))));
		this.mvc.perform(get("/").session(admin)).andExpect(content().string(containsString("href=\"/admin/emails\"")));
		this.mvc.perform(get("/admin/emails").session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andExpect(status().isForbidden());
	}

	@Test
	void waitsLongerAfterEachFailureUntilItGivesUp() {
		assertThat(OutboxSender.delayAfter(1)).contains(Duration.ofMinutes(1));
		assertThat(OutboxSender.delayAfter(2)).contains(Duration.ofMinutes(5));
		assertThat(OutboxSender.delayAfter(3)).contains(Duration.ofMinutes(30));
		assertThat(OutboxSender.delayAfter(4)).contains(Duration.ofHours(2));
		assertThat(OutboxSender.delayAfter(9)).contains(Duration.ofHours(2));
		assertThat(OutboxSender.delayAfter(10)).isEmpty();
	}

	@Test
	void recordsWhatWentWrongOnOneShortLine() {
		var refused = new MailSendException("Mail server connection failed", new MessagingException(
				"Couldn't connect to host", new java.net.ConnectException("Connection refused")));
		assertThat(OutboxSender.describe(refused))
			.isEqualTo("Mail server connection failed: Couldn't connect to host: Connection refused");
		assertThat(OutboxSender.describe(new IllegalStateException("x".repeat(5000)))).hasSize(1000);
		assertThat(OutboxSender.describe(new IllegalStateException("two\n  lines"))).isEqualTo("two lines");
	}

	@Test
	void limitsHowLongTheMailServerMayTake() {
		assertThat(((JavaMailSenderImpl) this.mailSender).getJavaMailProperties())
			.containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000");
	}

	private MimeMessage awaitOneMessageTo(String to) {
		await().atMost(PATIENCE).until(() -> !messagesTo(to).isEmpty());
		List<MimeMessage> messages = messagesTo(to);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static List<MimeMessage> messagesTo(String to) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((address) -> address.toString().equals(to));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private Row awaitRow(String key, java.util.function.Predicate<Row> condition) {
		return await().atMost(PATIENCE).until(() -> row(key), (row) -> row != null && condition.test(row));
	}

	private Row row(String key) {
		return this.jdbc.sql("""
				select id, attempts, next_attempt_at, sent_at, last_error from mail_outbox
				where dedupe_key = :key""")
			.param("key", key)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(),
					(rs.getTimestamp("sent_at") != null) ? rs.getTimestamp("sent_at").toInstant() : null,
					rs.getString("last_error")))
			.optional()
			.orElse(null);
	}

	private static String unique(String what) {
		return what + ":" + UUID.randomUUID();
	}

	private static String recipient() {
		return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	record Row(UUID id, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {

		boolean isSent() {
			return this.sentAt != null;
		}

	}

}
