package org.carecycle.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.carecycle.SignIn;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Takes reviews through the council's steps for tests, through the public {@link Reviews}
 * API and signed in as the demo accounts, as the officers would; and finds services to
 * review that have no review in progress, from the end of the list so that other tests
 * picking "the first service" are not disturbed.
 */
public final class ReviewSteps {

	/**
	 * Two standards below Good, one of them Poor in the domain that limits the overall.
	 */
	public static final Map<String, QaRating> TWO_BELOW_GOOD = Map.of("MEDICINES", QaRating.POOR, "RECORDS",
			QaRating.REQUIRES_IMPROVEMENT);

	private final Reviews reviews;

	private final JdbcClient jdbc;

	private final UserDetailsService users;

	private final Clock clock;

	public ReviewSteps(Reviews reviews, JdbcClient jdbc, UserDetailsService users, Clock clock) {
		this.reviews = reviews;
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/** A review planned, visited, rated, summarised, drafted and sent to its provider. */
	public UUID sentToProvider(UUID serviceId, Map<String, QaRating> ratings) {
		UUID id = drafted(serviceId, ratings);
		as(Role.QA_OFFICER, () -> {
			this.reviews.sendToProvider(id, version(id));
			return null;
		});
		return id;
	}

	/** A review with every standard rated and its draft written, not yet sent. */
	public UUID drafted(UUID serviceId, Map<String, QaRating> ratings) {
		return as(Role.QA_OFFICER, () -> {
			LocalDate today = today();
			UUID officer = userId(Role.QA_OFFICER);
			Review review = this.reviews.plan(serviceId, ReviewKind.ANNUAL, today, officer, null);
			UUID id = review.id();
			this.reviews.recordVisit(id, version(id), today.minusDays(3), today.minusDays(2), false,
					"The registered manager, four staff and six residents", "Rotas, care plans, medicines records");
			for (Framework.Standard standard : this.reviews.frameworkOf(review).standards()) {
				QaRating rating = ratings.getOrDefault(standard.key(), QaRating.GOOD);
				this.reviews.rate(id, version(id), standard.key(), rating,
						"What we saw for " + standard.name() + ".\nStaff explained how they work.");
			}
			this.reviews.writeSummary(id, version(id),
					"A friendly home where people are treated with dignity.\nMedicines need attention.");
			this.reviews.prepareDraft(id, version(id));
			return id;
		});
	}

	/**
	 * The provider responds through the API and the review is published: by the officer
	 * when the draft was accepted, by a senior officer who decides each comment
	 * otherwise.
	 */
	public void respondAndPublish(UUID id) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		as(Role.PROVIDER, () -> {
			this.reviews.respond(id, version(id), ProviderScope.only(new ProviderId(review.providerId())));
			return null;
		});
		Review responded = this.reviews.get(id, ProviderScope.everything());
		if (responded.status() != ReviewStatus.DISPUTE_REVIEW) {
			publish(id);
			return;
		}
		as(Role.COMMISSIONER, () -> {
			for (Finding finding : responded.findings()) {
				if (finding.isChallenged()) {
					this.reviews.decide(id, version(id), finding.standardKey(), Finding.DisputeOutcome.NOT_UPHELD,
							"The evidence at the visit supports the finding.", null, null);
				}
			}
			this.reviews.publish(id, version(id), "Comments considered and not upheld.");
			return null;
		});
	}

	public void publish(UUID id) {
		as(Role.QA_OFFICER, () -> {
			this.reviews.publish(id, version(id), null);
			return null;
		});
	}

	/**
	 * Marks the emails that reviews queued as sent, so that no other test's mail server
	 * receives them (the test contexts have none; a later one with a mail server would
	 * send whatever is still due).
	 */
	public void markEmailsSent() {
		this.jdbc.sql("update mail_outbox set sent_at = now() where dedupe_key like 'qa-%' and sent_at is null")
			.update();
	}

	public int version(UUID id) {
		return this.reviews.get(id, ProviderScope.everything()).version();
	}

	public String status(UUID id) {
		return this.reviews.get(id, ProviderScope.everything()).status().name();
	}

	/**
	 * An active service of the demo provider user's organisation with no review in
	 * progress.
	 */
	public UUID ownService() {
		return freeService("= (select provider_id from app_user where email = :email)");
	}

	/** An active service of an organisation that has no CareCycle users. */
	public UUID otherProvidersService() {
		return freeService("not in (select provider_id from app_user where provider_id is not null)");
	}

	private UUID freeService(String providerCondition) {
		return this.jdbc.sql("""
				select s.id from care_service s
				where s.status = 'ACTIVE' and s.provider_id %s
				and not exists (select 1 from qa_review r where r.care_service_id = s.id
				                and r.status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW'))
				order by s.name desc, s.id limit 1""".formatted(providerCondition))
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(UUID.class)
			.single();
	}

	public UUID userId(Role role) {
		return this.jdbc.sql("select id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(role))
			.query(UUID.class)
			.single();
	}

	/**
	 * Runs work signed in as the demo account of a role, as a request of theirs would.
	 */
	public <T> T as(Role role, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		UserDetails user = this.users.loadUserByUsername(SignIn.DEMO_EMAILS.get(role));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public LocalDate today() {
		return UkTime.today(this.clock);
	}

}
