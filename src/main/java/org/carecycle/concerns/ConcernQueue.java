package org.carecycle.concerns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.shared.ReadCache;
import org.carecycle.shared.SqlText;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The quality assurance team's view of concerns: the triage queue (possible safeguarding,
 * urgent and overdue first), its counts, and the concerns about one service or provider.
 */
@Component
public class ConcernQueue {

	private static final String OVERDUE = """
			((c.acknowledged_at is null and c.acknowledge_by < :today)
			 or (c.assessed_at is null and c.kind = 'CONCERN' and c.assess_by < :today)
			 or (c.status = 'AWAITING_PROVIDER' and exists (select 1 from concern_provider_request pr
			     where pr.concern_id = c.id and pr.responded_at is null and pr.due_on < :today)))""";

	/** Not yet acknowledged, and today is the last day to acknowledge it. */
	static final String DUE_TODAY = "(c.acknowledged_at is null and c.acknowledge_by = :today)";

	/** Flagged as possible safeguarding (and, where it is used, still open). */
	static final String SAFEGUARDING = "(c.safeguarding_flag)";

	private static final String ROW = """
			select c.id, c.reference, c.kind, c.status, c.care_service_id, s.name as service_name,
			       p.name as provider_name, c.service_description, c.received_at, c.acknowledge_by, c.assess_by,
			       c.acknowledged_at is not null as acknowledged, c.assessed_at is not null as assessed, c.urgent,
			       c.safeguarding_flag, u.display_name as assigned_name, c.status <> 'CLOSED' and %s as overdue,
			       c.likelihood * c.impact as risk_score, c.action
			from concern c
			left join providers_service s on s.id = c.care_service_id
			left join providers_provider p on p.id = c.provider_id
			left join identity_user_name u on u.id = c.assigned_to
			""".formatted(OVERDUE);

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * The first pages of each view and the tab counts, kept until a concern changes (or
	 * for half a minute, for changes made by another server and for the date, which makes
	 * concerns overdue): nationally every open concern is read to sort or count them,
	 * tens of milliseconds of database time on each visit of the queue.
	 */
	private final ReadCache<List<Object>, Paged<ConcernRow>> pages;

	private final ReadCache<List<Object>, Map<View, Long>> tabCounts;

	static final java.time.Duration KEPT = java.time.Duration.ofSeconds(30);

	/** Pages beyond this are read from the database on every visit. */
	static final int PAGES_KEPT = 10;

	ConcernQueue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.pages = new ReadCache<>(clock, KEPT, 512);
		this.tabCounts = new ReadCache<>(clock, KEPT, 512);
	}

	/** A concern, or what the queue shows of one, is changing. */
	void changed() {
		this.pages.changed();
		this.tabCounts.changed();
	}

	/** Which concerns the queue shows. */
	public enum View {

		OPEN, MINE, UNASSIGNED, DUE_TODAY, URGENT, SAFEGUARDING, OVERDUE, AWAITING_PROVIDER, CLOSED, ALL;

		public String messageKey() {
			return "concerns.view." + name();
		}

	}

	/** A concern in a list. */
	public record ConcernRow(UUID id, String reference, ConcernKind kind, ConcernStatus status, UUID careServiceId,
			String serviceName, String providerName, String serviceDescription, Instant receivedAt,
			LocalDate acknowledgeBy, LocalDate assessBy, boolean acknowledged, boolean assessed, boolean urgent,
			boolean safeguardingFlag, String assignedName, boolean overdue, Integer riskScore, ConcernAction action) {

		public String service() {
			return (this.serviceName != null) ? this.serviceName : this.serviceDescription;
		}

		/** The next target the concern must meet, while it is open. */
		public LocalDate dueBy() {
			if (this.status == ConcernStatus.CLOSED) {
				return null;
			}
			if (!this.acknowledged) {
				return this.acknowledgeBy;
			}
			return (!this.assessed && this.kind == ConcernKind.CONCERN) ? this.assessBy : null;
		}

		public String dueKey() {
			if (this.status == ConcernStatus.CLOSED) {
				return null;
			}
			if (!this.acknowledged) {
				return "concern.due.acknowledge";
			}
			return (!this.assessed && this.kind == ConcernKind.CONCERN) ? "concern.due.assess" : null;
		}

		public RiskRating.Band riskBand() {
			return (this.riskScore != null) ? RiskRating.Band.of(this.riskScore) : null;
		}

	}

	public Paged<ConcernRow> queue(View view, ConcernKind kind, String text, UUID currentUser, int page, int pageSize) {
		if (StringUtils.hasText(text) || page > PAGES_KEPT) {
			return read(view, kind, text, currentUser, page, pageSize);
		}
		return this.pages.get(
				Arrays.asList(view, kind, page, pageSize, today(), (view == View.MINE) ? currentUser : null),
				() -> read(view, kind, text, currentUser, page, pageSize));
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private Paged<ConcernRow> read(View view, ConcernKind kind, String text, UUID currentUser, int page, int pageSize) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(view, kind, text, currentUser, params);
		String order = order(view);
		// the page's rows are chosen from the queue's covering index, then read whole
		// (sorting every open concern's full row would read tens of thousands of them);
		// the service is joined only for a text search, which needs its name
		String services = where.contains("s.") ? " left join providers_service s on s.id = c.care_service_id" : "";
		List<ConcernRow> rows = this.jdbc
			.sql(ROW.replace("from concern c",
					"from (select c.id from concern c" + services + " where " + where + " order by " + order
							+ ", c.reference limit :limit offset :offset) picked"
							+ " join concern c on c.id = picked.id")
					+ " order by " + order + ", c.reference")
			.params(params)
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query(ConcernRow.class)
			.list();
		long total = this.jdbc
			.sql("select count(*) from (select 1 from concern c" + services + " where " + where
					+ " limit :countLimit) counted")
			.params(params)
			.param("countLimit", Paged.countLimit(page, pageSize))
			.query(Long.class)
			.single();
		return Paged.counted(Collections.unmodifiableList(rows), page, pageSize, total);
	}

	/**
	 * Every concern a view of the queue holds, in the queue's order, for a download: all
	 * its pages, not one.
	 * @return how many concerns there were
	 */
	public long each(View view, ConcernKind kind, String text, UUID currentUser,
			java.util.function.Consumer<ConcernRow> action) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(view, kind, text, currentUser, params);
		long count = 0;
		try (java.util.stream.Stream<ConcernRow> rows = this.jdbc
			.sql(ROW + " where " + where + " order by " + order(view) + ", c.reference")
			.params(params)
			.query(ConcernRow.class)
			.stream()) {
			for (ConcernRow row : (Iterable<ConcernRow>) rows::iterator) {
				action.accept(row);
				count++;
			}
		}
		return count;
	}

	private static String order(View view) {
		return switch (view) {
			case CLOSED -> "c.closed_at desc";
			case ALL -> "c.received_at desc";
			default ->
				"c.safeguarding_flag desc, c.urgent desc, " + OVERDUE + " desc, (c.status = 'NEW') desc, c.received_at";
		};
	}

	private String where(View view, ConcernKind kind, String text, UUID currentUser, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		params.put("today", UkTime.today(this.clock));
		switch (view) {
			case OPEN -> conditions.add("c.status <> 'CLOSED'");
			case MINE -> {
				conditions.add("c.status <> 'CLOSED' and c.assigned_to = :me");
				params.put("me", currentUser);
			}
			case UNASSIGNED -> conditions.add("c.status <> 'CLOSED' and c.assigned_to is null");
			case DUE_TODAY -> conditions.add("c.status <> 'CLOSED' and " + DUE_TODAY);
			case URGENT -> conditions.add("c.status <> 'CLOSED' and (c.urgent or c.safeguarding_flag)");
			case SAFEGUARDING -> conditions.add("c.status <> 'CLOSED' and " + SAFEGUARDING);
			case OVERDUE -> conditions.add("c.status <> 'CLOSED' and " + OVERDUE);
			case AWAITING_PROVIDER -> conditions.add("c.status = 'AWAITING_PROVIDER'");
			case CLOSED -> conditions.add("c.status = 'CLOSED'");
			case ALL -> conditions.add("true");
		}
		if (kind != null) {
			conditions.add("c.kind = :kind");
			params.put("kind", kind.name());
		}
		if (StringUtils.hasText(text)) {
			conditions.add("(lower(c.reference) like :text or s.search_text like :text)");
			params.put("text", SqlText.containing(text));
		}
		return String.join(" and ", conditions);
	}

	/** How many concerns each view of the queue holds, for its tabs. */
	public Map<View, Long> counts(UUID currentUser) {
		return this.tabCounts.get(Arrays.asList(currentUser, today()), () -> readCounts(currentUser));
	}

	/** The counts as they are now, for the home page's to-do list. */
	Map<View, Long> countsNow(UUID currentUser) {
		return readCounts(currentUser);
	}

	private Map<View, Long> readCounts(UUID currentUser) {
		return this.jdbc.sql("""
				select count(*) filter (where c.status <> 'CLOSED') as open,
				       count(*) filter (where c.status <> 'CLOSED' and c.assigned_to = :me) as mine,
				       count(*) filter (where c.status <> 'CLOSED' and c.assigned_to is null) as unassigned,
				       count(*) filter (where c.status <> 'CLOSED' and (c.urgent or c.safeguarding_flag)) as urgent,
				       count(*) filter (where c.status <> 'CLOSED' and %s) as overdue,
				       count(*) filter (where c.status = 'AWAITING_PROVIDER') as awaiting,
				       count(*) filter (where %s) as due_today,
				       count(*) filter (where %s) as safeguarding
				from concern c where c.status <> 'CLOSED'""".formatted(OVERDUE, DUE_TODAY, SAFEGUARDING))
			.param("me", currentUser)
			.param("today", UkTime.today(this.clock))
			.query((rs, n) -> {
				Map<View, Long> counts = new LinkedHashMap<>();
				counts.put(View.OPEN, rs.getLong("open"));
				counts.put(View.MINE, rs.getLong("mine"));
				counts.put(View.UNASSIGNED, rs.getLong("unassigned"));
				counts.put(View.DUE_TODAY, rs.getLong("due_today"));
				counts.put(View.URGENT, rs.getLong("urgent"));
				counts.put(View.SAFEGUARDING, rs.getLong("safeguarding"));
				counts.put(View.OVERDUE, rs.getLong("overdue"));
				counts.put(View.AWAITING_PROVIDER, rs.getLong("awaiting"));
				return Collections.unmodifiableMap(counts);
			})
			.single();
	}

	/** What concerns one service or provider, newest first. */
	public List<ConcernRow> about(String column, UUID id, int limit) {
		return this.jdbc.sql(ROW + " where c." + column + " = :id order by c.received_at desc limit :limit")
			.param("id", id)
			.param("limit", limit)
			.param("today", UkTime.today(this.clock))
			.query(ConcernRow.class)
			.list();
	}

	/**
	 * A concern about a service, with the quality standards its themes bear on, for the
	 * quality review that follows it.
	 */
	public record TaggedConcern(UUID id, String reference, Instant receivedAt, ConcernStatus status,
			boolean safeguardingFlag, Integer riskScore, ConcernAction action, Set<Theme> themes,
			Set<QaStandard> standards) {

		public RiskRating.Band riskBand() {
			return (this.riskScore != null) ? RiskRating.Band.of(this.riskScore) : null;
		}

	}

	/**
	 * The concerns (not compliments) received about a service since a moment, newest
	 * first, each with the standards its themes map to (none until it is assessed).
	 */
	public List<TaggedConcern> concernsSince(UUID serviceId, Instant since) {
		return this.jdbc.sql("""
				select id, reference, received_at, status, safeguarding_flag, likelihood * impact as risk_score, action,
				       themes
				from concern where care_service_id = :service and kind = 'CONCERN' and received_at >= :since
				and duplicate_of is null
				order by received_at desc limit 500""")
			.param("service", serviceId)
			.param("since", java.sql.Timestamp.from(since))
			.query((rs, n) -> {
				Set<Theme> themes = java.util.EnumSet.noneOf(Theme.class);
				java.sql.Array array = rs.getArray("themes");
				if (array != null) {
					for (String theme : (String[]) array.getArray()) {
						java.util.Arrays.stream(Theme.values())
							.filter(t -> t.name().equals(theme))
							.findFirst()
							.ifPresent(themes::add);
					}
				}
				Set<QaStandard> standards = java.util.EnumSet.noneOf(QaStandard.class);
				themes.forEach(theme -> standards.addAll(theme.standards()));
				String action = rs.getString("action");
				return new TaggedConcern(rs.getObject("id", UUID.class), rs.getString("reference"),
						rs.getTimestamp("received_at").toInstant(), ConcernStatus.valueOf(rs.getString("status")),
						rs.getBoolean("safeguarding_flag"), (Integer) rs.getObject("risk_score"),
						(action != null) ? ConcernAction.valueOf(action) : null, themes, standards);
			})
			.list();
	}

	/**
	 * Concerns and compliments received in each of the last {@code quarters} quarters.
	 */
	public record QuarterCount(String quarter, long concerns, long compliments) {
	}

	public List<QuarterCount> byQuarter(String column, UUID id, int quarters) {
		LocalDate today = UkTime.today(this.clock);
		LocalDate start = today.withDayOfMonth(1)
			.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
			.minusMonths(3L * (quarters - 1));
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (int i = 0; i < quarters; i++) {
			LocalDate q = start.plusMonths(3L * i);
			counts.put(q.getYear() + " Q" + ((q.getMonthValue() - 1) / 3 + 1), new long[2]);
		}
		this.jdbc.sql("""
				select extract(year from received_at at time zone 'Europe/London')::int as y,
				       extract(quarter from received_at at time zone 'Europe/London')::int as q,
				       count(*) filter (where kind = 'CONCERN') as concerns,
				       count(*) filter (where kind = 'COMPLIMENT') as compliments
				from concern where %s = :id and received_at >= :start
				group by 1, 2""".formatted(column))
			.param("id", id)
			.param("start", java.sql.Timestamp.valueOf(start.atStartOfDay()))
			.query((rs, n) -> {
				long[] slot = counts.get(rs.getInt("y") + " Q" + rs.getInt("q"));
				if (slot != null) {
					slot[0] = rs.getLong("concerns");
					slot[1] = rs.getLong("compliments");
				}
				return null;
			})
			.list();
		return counts.entrySet()
			.stream()
			.map(e -> new QuarterCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/** How often each theme came up in assessed concerns about a service or provider. */
	public Map<Theme, Long> themes(String column, UUID id) {
		Map<Theme, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select t, count(*) from concern, unnest(themes) t where %s = :id group by t order by 2 desc, 1"
				.formatted(column))
			.param("id", id)
			.query((rs, n) -> counts.put(Theme.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
