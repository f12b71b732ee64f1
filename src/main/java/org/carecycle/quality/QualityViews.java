package org.carecycle.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lists of reviews, as the pages show them. */
@Service
public class QualityViews {

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	QualityViews(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A review in a list. */
	public record ReviewRow(UUID id, String reference, UUID serviceId, String serviceName, String providerName,
			ReviewKind kind, ReviewStatus status, LocalDate plannedFor, LocalDate visitEndedOn, UUID officerId,
			String officerName, QaRating overallRating, LocalDate publishedOn, LocalDate commentsDueOn,
			LocalDate actionPlanDueOn, LocalDate followUpDueOn) {

		/** The date the next step is due, if the review is waiting on someone. */
		public LocalDate nextDue() {
			return switch (this.status) {
				case PLANNED -> this.plannedFor;
				case FACTUAL_ACCURACY -> this.commentsDueOn;
				case ACTION_PLAN_DUE -> this.actionPlanDueOn;
				case FOLLOW_UP -> this.followUpDueOn;
				default -> null;
			};
		}

	}

	/** Which reviews a list shows. */
	public enum View {

		MINE(null), PLANNED(EnumSet.of(ReviewStatus.PLANNED)),
		IN_PROGRESS(EnumSet.of(ReviewStatus.EVIDENCE, ReviewStatus.DRAFT)),
		WITH_PROVIDER(EnumSet.of(ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.ACTION_PLAN_DUE)),
		NEEDS_DECISION(EnumSet.of(ReviewStatus.DISPUTE_REVIEW, ReviewStatus.ACTION_PLAN_SUBMITTED)),
		FOLLOW_UP(EnumSet.of(ReviewStatus.FOLLOW_UP)), PUBLISHED(ReviewStatus.PUBLISHED),
		ACTION_PLANS_OVERDUE(EnumSet.of(ReviewStatus.ACTION_PLAN_DUE)), ALL(null);

		private final Set<ReviewStatus> statuses;

		View(Set<ReviewStatus> statuses) {
			this.statuses = statuses;
		}

		public String messageKey() {
			return "reviews.view." + name();
		}

	}

	private static final String SELECT = """
			select r.id, r.reference, r.care_service_id as service_id, s.name as service_name,
			       p.name as provider_name, r.kind, r.status, r.planned_for, r.visit_ended_on, r.officer_id,
			       u.display_name as officer_name, r.overall_rating, r.published_on, r.comments_due_on,
			       r.action_plan_due_on, r.follow_up_due_on
			from qa_review r
			join providers_service s on s.id = r.care_service_id
			join providers_provider p on p.id = r.provider_id
			left join identity_user_name u on u.id = r.officer_id
			""";

	public Paged<ReviewRow> reviews(View view, UUID me, String text, int page, int pageSize) {
		Map<String, Object> params = new java.util.HashMap<>();
		String where = where(view, me, text, params);
		String order = order(view);
		long total = this.jdbc
			.sql("select count(*) from (select 1 " + SELECT.substring(SELECT.indexOf("from qa_review")) + where
					+ " limit :limit) counted")
			.params(params)
			.param("limit", Paged.countLimit(page, pageSize))
			.query(Long.class)
			.single();
		List<ReviewRow> rows = this.jdbc.sql(SELECT + where + order + " limit :size offset :offset")
			.params(params)
			.param("size", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query(ReviewRow.class)
			.list();
		return new Paged<>(rows, page, pageSize, total, total >= Paged.countLimit(page, pageSize));
	}

	/**
	 * Every review a list holds, in the list's order, for a download: all its pages.
	 * @return how many reviews there were
	 */
	public long eachReview(View view, UUID me, String text, java.util.function.Consumer<ReviewRow> action) {
		Map<String, Object> params = new java.util.HashMap<>();
		long count = 0;
		try (java.util.stream.Stream<ReviewRow> rows = this.jdbc
			.sql(SELECT + where(view, me, text, params) + order(view))
			.params(params)
			.query(ReviewRow.class)
			.stream()) {
			for (ReviewRow row : (Iterable<ReviewRow>) rows::iterator) {
				action.accept(row);
				count++;
			}
		}
		return count;
	}

	private static String order(View view) {
		return (view == View.PUBLISHED || view == View.ALL)
				? " order by coalesce(r.published_on, r.planned_for) desc, r.reference"
				: " order by r.planned_for, r.reference";
	}

	private String where(View view, UUID me, String text, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where true");
		if (view == View.MINE) {
			where.append(" and r.officer_id = :me and r.status not in ('CLOSED', 'CANCELLED')");
			params.put("me", me);
		}
		else if (view.statuses != null) {
			where.append(" and r.status in (:statuses)");
			params.put("statuses", view.statuses.stream().map(Enum::name).toList());
		}
		if (view == View.ACTION_PLANS_OVERDUE) {
			where.append(" and r.action_plan_due_on < :today");
			params.put("today", org.carecycle.shared.UkTime.today(this.clock));
		}
		if (text != null && !text.isBlank()) {
			where.append(" and (s.name ilike :text or p.name ilike :text or r.reference ilike :text)");
			params.put("text", org.carecycle.shared.SqlText.containing(text.strip()));
		}
		return where.toString();
	}

	/** How many reviews each view holds, for the tabs. */
	public Map<View, Long> counts(UUID me) {
		Map<ReviewStatus, Long> all = new java.util.EnumMap<>(ReviewStatus.class);
		long[] mine = new long[1];
		this.jdbc
			.sql("""
					select status, count(*), count(*) filter (where officer_id = :me and status not in ('CLOSED', 'CANCELLED'))
					from qa_review group by status""")
			.param("me", me)
			.query((rs, n) -> {
				all.put(ReviewStatus.valueOf(rs.getString(1)), rs.getLong(2));
				mine[0] += rs.getLong(3);
				return null;
			})
			.list();
		Map<View, Long> counts = new java.util.EnumMap<>(View.class);
		for (View view : View.values()) {
			if (view == View.MINE) {
				counts.put(view, mine[0]);
			}
			else if (view != View.ALL && view != View.PUBLISHED && view != View.ACTION_PLANS_OVERDUE) {
				counts.put(view, view.statuses.stream().mapToLong(status -> all.getOrDefault(status, 0L)).sum());
			}
		}
		return counts;
	}

	/** What waits on quality reviews, for the home page's to-do list. */
	record Waiting(long actionPlansOverdue, long needingDecision, long providerComments, long providerCommentsOverdue,
			long providerActionPlans, long providerActionPlansOverdue) {
	}

	/**
	 * What waits: across the council, or (for a provider) on its own services only.
	 * @param provider the provider whose reviews to count, or null for the council's
	 */
	Waiting waiting(java.util.UUID provider) {
		return this.jdbc
			.sql("""
					select count(*) filter (where status = 'ACTION_PLAN_DUE' and action_plan_due_on < :today) as plans_overdue,
					       count(*) filter (where status in ('DISPUTE_REVIEW', 'ACTION_PLAN_SUBMITTED')) as decisions,
					       count(*) filter (where status = 'FACTUAL_ACCURACY' and provider_responded_at is null
					                        and comments_due_on >= :today) as comments,
					       count(*) filter (where status = 'FACTUAL_ACCURACY' and provider_responded_at is null
					                        and comments_due_on < :today) as comments_late,
					       count(*) filter (where status = 'ACTION_PLAN_DUE' and action_plan_due_on >= :today) as plans,
					       count(*) filter (where status = 'ACTION_PLAN_DUE' and action_plan_due_on < :today) as plans_late
					from qa_review
					where status in ('ACTION_PLAN_DUE', 'DISPUTE_REVIEW', 'ACTION_PLAN_SUBMITTED', 'FACTUAL_ACCURACY')
					  and (cast(:provider as uuid) is null or provider_id = :provider)""")
			.param("today", org.carecycle.shared.UkTime.today(this.clock))
			.param("provider", provider)
			.query((rs, n) -> new Waiting(rs.getLong("plans_overdue"), rs.getLong("decisions"), rs.getLong("comments"),
					rs.getLong("comments_late"), rs.getLong("plans"), rs.getLong("plans_late")))
			.single();
	}

	/** Reviews of a service or of a provider's services, newest first. */
	public List<ReviewRow> of(String column, UUID id, ProviderScope scope, int limit) {
		String where = " where r." + ("provider_id".equals(column) ? "provider_id" : "care_service_id")
				+ " = :id and r.status <> 'CANCELLED'";
		if (scope.isRestricted()) {
			where += " and r.status not in ('PLANNED', 'EVIDENCE', 'DRAFT')";
		}
		return this.jdbc.sql(SELECT + where + " order by r.planned_for desc limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query(ReviewRow.class)
			.list();
	}

	/** The latest published review of each of these services that has one. */
	public Map<UUID, ReviewRow> latestPublished(Collection<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, ReviewRow> latest = new java.util.HashMap<>();
		for (List<UUID> chunk : chunks(new ArrayList<>(serviceIds), 1000)) {
			this.jdbc
				.sql("select distinct on (r.care_service_id) " + SELECT.substring("select ".length())
						+ " where r.care_service_id in (:ids) and r.published_at is not null"
						+ " order by r.care_service_id, r.published_at desc")
				.param("ids", chunk)
				.query(ReviewRow.class)
				.list()
				.forEach(row -> latest.put(row.serviceId(), row));
		}
		return latest;
	}

	private static <T> List<List<T>> chunks(List<T> all, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += size) {
			chunks.add(all.subList(i, Math.min(all.size(), i + size)));
		}
		return chunks;
	}

}
