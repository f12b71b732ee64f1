package org.carecycle.quality;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The questions {@link Reviews} answers across reviews rather than about one aggregate
 * (the review under way for a service, its latest published rating, a provider's list):
 * plain SQL over qa_review, which loading every aggregate would answer far more slowly.
 */
class ReviewQueries {

	private final JdbcClient jdbc;

	ReviewQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> inProgress(UUID serviceId) {
		return this.jdbc.sql("""
				select id from qa_review where care_service_id = :service
				and status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW')""")
			.param("service", serviceId)
			.query(UUID.class)
			.optional();
	}

	Optional<QaRating> latestPublishedRating(UUID serviceId) {
		return this.jdbc.sql("""
				select overall_rating from qa_review where care_service_id = :service and published_at is not null
				order by published_at desc limit 1""")
			.param("service", serviceId)
			.query(String.class)
			.optional()
			.map(QaRating::parse);
	}

	List<Reviews.ProviderReviewRow> shownToProvider(ProviderScope scope) {
		return this.jdbc
			.sql("""
					select id, reference, care_service_id, status, comments_due_on, provider_responded_at,
					       action_plan_due_on, published_on, overall_rating, follow_up_due_on
					from qa_review where status in (:statuses) and %s
					order by coalesce(published_at, sent_to_provider_at) desc, reference desc"""
				.formatted(scope.sql("provider_id")))
			.params(scope.parameters())
			.param("statuses", Reviews.SHOWN_TO_PROVIDER.stream().map(Enum::name).toList())
			.query(Reviews.ProviderReviewRow.class)
			.list();
	}

}
