package org.carecycle.quality;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.carecycle.concerns.ProviderOutreach;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A draft report sent to a provider nobody at which uses CareCycle goes to its registered
 * contact instead: what is asked, by when, and how to get access.
 */
@Component
class DraftToUnreachedProvider {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final ProviderOutreach outreach;

	private final MessageSource messages;

	DraftToUnreachedProvider(ProviderOutreach outreach, MessageSource messages) {
		this.outreach = outreach;
		this.messages = messages;
	}

	@EventListener
	void draftSent(ReviewEvents.DraftSent sent) {
		this.outreach.unreached(sent.providerId())
			.ifPresent(provider -> this.outreach.emailContact(provider, "qa-draft-contact:" + sent.reviewId(),
					text("email.qaDraft.subject", sent.reference()),
					text("email.qaDraft.contactBody", provider.providerName(), sent.serviceName(),
							sent.commentsDueOn().format(DATE), this.outreach.signInLink(), sent.reference())));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
