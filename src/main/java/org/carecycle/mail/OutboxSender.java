package org.carecycle.mail;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the {@link Outbox} holds: right after a transaction that queued email
 * commits, and every few seconds ({@code carecycle.mail.poll-interval}, two by default)
 * for whatever is due. Each round claims up to {@value #BATCH} due messages with
 * {@code select ... for update skip locked} in its own transaction, sends them and
 * records the outcome before committing, so several CareCycle servers can share one
 * outbox without sending a message twice in the ordinary run of things.
 * <p>
 * A message the mail server refuses, or cannot be reached for, is tried again after 1
 * minute, 5 minutes, 30 minutes and then every 2 hours; after {@value #MAX_ATTEMPTS}
 * attempts it is given up and stays in the outbox, marked as failed, with the last error.
 * Each failed attempt is one warning in the log, never a stack trace. Without a mail
 * server ({@code spring.mail.host} unset) messages stay queued and one warning says why.
 * <p>
 * <strong>At least once, with a stable Message-ID.</strong> The mail server accepting a
 * message and the row being marked sent cannot be one atomic step. If CareCycle stops or
 * loses its database between the two, the message is sent again on the next attempt. We
 * chose that over marking rows sent before sending (at most once), which would lose every
 * message caught by such a failure. To make the rare second copy recognisable, every
 * attempt carries the same {@code Message-ID}, made from the outbox row's id
 * ({@code <id@domain of carecycle.mail.from>}), so mail clients and servers that
 * de-duplicate by Message-ID treat it as the same message.
 */
@Component
class OutboxSender implements DisposableBean {

	/** How many messages one round claims. */
	static final int BATCH = 20;

	/** After this many failed attempts a message is given up. */
	static final int MAX_ATTEMPTS = 10;

	static final int MAX_ERROR = 1000;

	private static final List<Duration> FIRST_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30));

	private static final Duration LATER_DELAY = Duration.ofHours(2);

	private static final Log logger = LogFactory.getLog(OutboxSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final String messageIdDomain;

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mail-outbox");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean roundRequested = new AtomicBoolean();

	private final AtomicBoolean warnedNoMailServer = new AtomicBoolean();

	private volatile String lastProblem;

	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
			@Value("${carecycle.mail.from}") String from) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.mailSender = mailSender;
		this.from = from;
		this.messageIdDomain = domainOf(from);
	}

	/**
	 * Asks for a round soon, on the sender's own thread, so that the request that queued
	 * the email does not wait for the mail server. Requests while a round is waiting to
	 * start are folded into it.
	 */
	void sendSoon() {
		if (this.roundRequested.compareAndSet(false, true)) {
			try {
				this.afterCommit.execute(() -> {
					this.roundRequested.set(false);
					sendDue();
				});
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the next start's first round sends it
				this.roundRequested.set(false);
			}
		}
	}

	@Scheduled(fixedDelayString = "${carecycle.mail.poll-interval:PT2S}",
			initialDelayString = "${carecycle.mail.poll-interval:PT2S}")
	void poll() {
		sendDue();
	}

	/** Sends everything that is due, a batch at a time. */
	void sendDue() {
		JavaMailSender mail = this.mailSender.getIfAvailable();
		if (mail == null) {
			if (!this.warnedNoMailServer.get() && anythingDue() && this.warnedNoMailServer.compareAndSet(false, true)) {
				logger.warn("Email is waiting in the outbox but no mail server is configured (set MAIL_HOST, "
						+ "spring.mail.host); it stays queued until one is");
			}
			return;
		}
		try {
			Integer claimed;
			do {
				claimed = this.ownTransaction.execute((status) -> sendBatch(mail));
			}
			while (claimed != null && claimed == BATCH && !Thread.currentThread().isInterrupted());
			this.lastProblem = null;
		}
		catch (RuntimeException ex) {
			// the database, most likely; say so once, not every few seconds
			String problem = describe(ex);
			if (!problem.equals(this.lastProblem)) {
				this.lastProblem = problem;
				logger.warn("Could not work through the email outbox: " + problem);
			}
		}
	}

	private boolean anythingDue() {
		try {
			return this.jdbc.sql("""
					select exists (select 1 from mail_outbox
					where sent_at is null and attempts < :max and next_attempt_at <= now())""")
				.param("max", MAX_ATTEMPTS)
				.query(Boolean.class)
				.single();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private int sendBatch(JavaMailSender mail) {
		List<Claimed> due = this.jdbc.sql("""
				select id, recipient, subject, body, attempts from mail_outbox
				where sent_at is null and attempts < :max and next_attempt_at <= now()
				order by next_attempt_at, id
				limit :batch
				for update skip locked""")
			.param("max", MAX_ATTEMPTS)
			.param("batch", BATCH)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
			.list();
		for (Claimed message : due) {
			attempt(mail, message);
		}
		return due.size();
	}

	private void attempt(JavaMailSender mail, Claimed message) {
		Exception failure = null;
		try {
			mail.send(compose(mail, message));
		}
		catch (MessagingException | RuntimeException ex) {
			failure = ex;
		}
		int attempts = message.attempts() + 1;
		if (failure == null) {
			this.jdbc.sql("update mail_outbox set sent_at = now(), attempts = :attempts where id = :id")
				.param("attempts", attempts)
				.param("id", message.id())
				.update();
			return;
		}
		String error = describe(failure);
		Optional<Duration> delay = delayAfter(attempts);
		if (delay.isPresent()) {
			this.jdbc.sql("""
					update mail_outbox set attempts = :attempts, last_error = :error,
					next_attempt_at = now() + make_interval(secs => :seconds)
					where id = :id""")
				.param("attempts", attempts)
				.param("error", error)
				.param("seconds", (double) delay.get().toSeconds())
				.param("id", message.id())
				.update();
			logger.warn("Email " + message.id() + " not sent (attempt " + attempts + " of " + MAX_ATTEMPTS
					+ "), trying again in " + inWords(delay.get()) + ": " + error);
		}
		else {
			this.jdbc.sql("update mail_outbox set attempts = :attempts, last_error = :error where id = :id")
				.param("attempts", attempts)
				.param("error", error)
				.param("id", message.id())
				.update();
			logger.warn("Email " + message.id() + " not sent after " + attempts + " attempts; giving up: " + error);
		}
	}

	private MimeMessage compose(JavaMailSender mail, Claimed message) throws MessagingException {
		MimeMessage mime = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(message.recipient());
		helper.setSubject(message.subject());
		helper.setText(message.body(), false);
		// kept by JavaMailSenderImpl when it saves the message, so every attempt has it
		mime.setHeader("Message-ID", messageId(message.id()));
		// sent by software: no out-of-office replies, please (RFC 3834)
		mime.setHeader("Auto-Submitted", "auto-generated");
		return mime;
	}

	String messageId(UUID id) {
		return "<" + id + "@" + this.messageIdDomain + ">";
	}

	/**
	 * How long to wait before trying again after a message's {@code attempts}-th failed
	 * attempt, or nothing when it is time to give up.
	 */
	static Optional<Duration> delayAfter(int attempts) {
		if (attempts >= MAX_ATTEMPTS) {
			return Optional.empty();
		}
		return Optional
			.of((attempts <= FIRST_DELAYS.size()) ? FIRST_DELAYS.get(Math.max(attempts, 1) - 1) : LATER_DELAY);
	}

	private static String inWords(Duration delay) {
		long minutes = delay.toMinutes();
		if (minutes < 60) {
			return minutes + ((minutes == 1) ? " minute" : " minutes");
		}
		long hours = delay.toHours();
		return hours + ((hours == 1) ? " hour" : " hours");
	}

	/**
	 * What went wrong, on one line and short enough to keep: the messages of the failure
	 * and its causes (a mail server's reply, "Connection refused"), without repeats.
	 */
	static String describe(Throwable failure) {
		Throwable first = failure;
		if (failure instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			first = send.getMessageExceptions()[0];
		}
		Set<String> parts = new LinkedHashSet<>();
		StringBuilder text = new StringBuilder();
		for (Throwable cause = first; cause != null && parts.size() < 5; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message == null || message.isBlank()) {
				message = cause.getClass().getSimpleName();
			}
			message = message.replaceAll("\\s+", " ").strip();
			if (parts.add(message) && !text.toString().contains(message)) {
				text.append((text.length() > 0) ? ": " : "").append(message);
			}
		}
		return (text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR - 1) + "…" : text.toString();
	}

	private static String domainOf(String from) {
		try {
			String address = new InternetAddress(from).getAddress();
			int at = (address != null) ? address.lastIndexOf('@') : -1;
			if (at > 0 && at < address.length() - 1) {
				return address.substring(at + 1);
			}
		}
		catch (AddressException ex) {
			// fall through: a bad From address shows up, with its reason, on the first
			// send
		}
		return "carecycle";
	}

	@Override
	public void destroy() {
		this.afterCommit.shutdownNow();
	}

	/** A message claimed for one attempt. */
	record Claimed(UUID id, String recipient, String subject, String body, int attempts) {
	}

}
