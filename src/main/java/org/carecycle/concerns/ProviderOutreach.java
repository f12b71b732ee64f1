package org.carecycle.concerns;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.providers.Register;
import org.carecycle.shared.ProviderId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Reaching a provider nobody at which uses CareCycle. What the council asks of a provider
 * goes to its CareCycle users; a provider with none would never hear of it, so its
 * registered contact email (the provider's email on the register) is sent what is asked,
 * by when, and how to get access, with nothing about the person concerned, and the
 * officer who asked is told so.
 */
@Component
public class ProviderOutreach {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final UserDirectory users;

	private final Register register;

	private final Outbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	ProviderOutreach(UserDirectory users, Register register, Outbox outbox, MessageSource messages,
			@Value("${carecycle.base-url}") String baseUrl) {
		this.users = users;
		this.register = register;
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * A provider nobody at which uses CareCycle: its name and its registered contact
	 * email, if it has one.
	 */
	public record Unreached(String providerName, String contactEmail) {

		public boolean hasContact() {
			return this.contactEmail != null;
		}

	}

	/** The provider, if nobody at it uses CareCycle (no enabled account). */
	public Optional<Unreached> unreached(UUID providerId) {
		if (providerId == null
				|| this.users.ofProvider(new ProviderId(providerId)).stream().anyMatch(UserSummary::enabled)) {
			return Optional.empty();
		}
		return this.register.provider(providerId, ProviderScope.everything())
			.map(provider -> new Unreached(provider.name(), address(provider.email())));
	}

	/** The address, if it is one an email can be sent to. */
	private static String address(String email) {
		if (!StringUtils.hasText(email) || email.strip().length() > 254) {
			return null;
		}
		try {
			new InternetAddress(email.strip(), true).validate();
			return email.strip();
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/** Where a provider without CareCycle users asks for access and then signs in. */
	public String signInLink() {
		return this.baseUrl + "/sign-in";
	}

	/**
	 * Emails the registered contact of a provider nobody at which uses CareCycle, if it
	 * has one. Queued with the change that asks (it must be called inside its
	 * transaction), once for each key.
	 */
	public void emailContact(Unreached provider, String dedupeKey, String subject, String body) {
		if (provider.hasContact()) {
			this.outbox.queue(dedupeKey, provider.contactEmail(), subject, body);
		}
	}

	/** The council asked a provider to respond to a concern. */
	public record ProviderAsked(UUID requestId, UUID providerId, String reference, String serviceName,
			LocalDate dueOn) {
	}

	@EventListener
	void providerAsked(ProviderAsked asked) {
		unreached(asked.providerId())
			.ifPresent(provider -> emailContact(provider, "provider-request-contact:" + asked.requestId(),
					text("email.providerRequest.subject", asked.reference()),
					text("email.providerRequest.contactBody", provider.providerName(), asked.reference(),
							asked.serviceName(), asked.dueOn().format(DATE), signInLink())));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
