package org.carecycle.quality;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.ReadCache;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual programme of reviews and the promise it keeps: every commissioned service
 * reviewed at least once every twelve months, the riskiest sooner.
 * <p>
 * A service is commissioned when it has a contract in force today. Its review is due
 * twelve months after its last visit (or after its first contract started, if it has
 * never been reviewed), sooner when its priority is high. Priority adds up, and each part
 * is named as a reason: the last published QA rating (Poor 40, Requires improvement 25,
 * none 20, Good 5), CQC's overall rating (Inadequate 40, Requires improvement 20, not
 * rated 10), 3 for each concern in the last twelve months (up to 30) and 10 for each
 * serious one (flagged for safeguarding or rated 15 or more for risk; up to 30), and any
 * {@link PlanningSignal}. Priority 50 or more brings the review to six months after the
 * last visit, 25 or more to nine months.
 * <p>
 * A service overdue for its review, or never reviewed, gets 50 more points (the top
 * priority) and comes first: the planner places these, riskiest and then longest overdue
 * first, in the earliest month an officer has room. It then proposes a month and an
 * officer for every other service without a review in progress that falls due in the next
 * twelve months, most urgent first: the month it is due, or the latest earlier month with
 * room if that month is full; an officer with room in that month, preferring one already
 * visiting the same locality that month, then the one with the most room left.
 */
@Service
public class ReviewProgramme {

	private static final Logger log = LoggerFactory.getLogger(ReviewProgramme.class);

	/** Reviews a month an officer takes on unless told otherwise. */
	public static final int DEFAULT_CAPACITY = 8;

	static final int HIGH_PRIORITY = 50;

	static final int MEDIUM_PRIORITY = 25;

	/**
	 * The points a service overdue for its review, or never reviewed, gets: enough on
	 * their own for the top priority, so that it is planned before every other.
	 */
	static final int FIRST_IN_LINE = HIGH_PRIORITY;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final List<PlanningSignal> signals;

	private final Clock clock;

	ReviewProgramme(JdbcClient jdbc, UserDirectory users, List<PlanningSignal> signals, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.signals = signals;
		this.clock = clock;
		this.coverages = new ReadCache<>(clock, java.time.Duration.ofMinutes(1), 4);
	}

	/** A reason that adds to a service's priority, with its points. */
	public record Reason(String key, String argumentKey, Integer count, int points) {
	}

	/** What the programme knows about one commissioned service. */
	public record ServiceStanding(UUID serviceId, String serviceName, String providerName, ServiceType type,
			String locality, LocalDate lastVisit, QaRating lastRating, CqcRating cqcRating, LocalDate firstContract,
			int concerns, int seriousConcerns, UUID reviewInProgress, String reviewStatus, LocalDate reviewPlannedFor,
			UUID reviewOfficer, int priority, List<Reason> reasons, LocalDate promiseDate, LocalDate dueDate) {

		/** Reviewed within the last twelve months. */
		public boolean reviewedInYear(LocalDate today) {
			return this.lastVisit != null && !this.lastVisit.isBefore(today.minusMonths(12));
		}

		/** Past the date the promise says it must have been reviewed by. */
		public boolean isOverdue(LocalDate today) {
			return this.promiseDate.isBefore(today);
		}

		/**
		 * Overdue for its review or never reviewed: planned before every other service,
		 * as soon as an officer has room.
		 */
		public boolean firstInLine(LocalDate today) {
			return this.lastVisit == null || isOverdue(today);
		}

		public String band() {
			return (this.priority >= HIGH_PRIORITY) ? "HIGH" : (this.priority >= MEDIUM_PRIORITY) ? "MEDIUM" : "LOW";
		}

	}

	/** Every commissioned service with its priority and dates. */
	public List<ServiceStanding> standings() {
		LocalDate today = today();
		List<ServiceStanding> rows = this.jdbc
			.sql("""
					with commissioned as (
					    select care_service_id, min(starts_on) as first_start from providers_contract
					    group by care_service_id
					    having bool_or(starts_on <= :today and ends_on >= :today)
					), last_visit as (
					    select distinct on (care_service_id) care_service_id, visit_ended_on
					    from qa_review where status <> 'CANCELLED' and visit_ended_on is not null
					    order by care_service_id, visit_ended_on desc
					), last_rating as (
					    select distinct on (care_service_id) care_service_id, overall_rating
					    from qa_review where published_at is not null
					    order by care_service_id, published_at desc
					), recent as (
					    select care_service_id, count(*) as concerns,
					           count(*) filter (where safeguarding_flag or likelihood * impact >= 15) as serious
					    from concerns_signal where received_at >= :yearAgo and kind = 'CONCERN' and care_service_id is not null
					    group by care_service_id
					), in_progress as (
					    select care_service_id, id, status, planned_for, officer_id from qa_review
					    where status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW')
					)
					select s.id, s.name, p.name as provider_name, s.service_type, l.name as locality, v.visit_ended_on,
					       r.overall_rating, s.cqc_overall, c.first_start, coalesce(n.concerns, 0) as concerns,
					       coalesce(n.serious, 0) as serious, ip.id as in_progress, ip.status as in_progress_status,
					       ip.planned_for, ip.officer_id
					from commissioned c
					join providers_service s on s.id = c.care_service_id
					join providers_provider p on p.id = s.provider_id
					left join geography_locality l on l.id = s.locality_id
					left join last_visit v on v.care_service_id = s.id
					left join last_rating r on r.care_service_id = s.id
					left join recent n on n.care_service_id = s.id
					left join in_progress ip on ip.care_service_id = s.id
					where s.status <> 'CLOSED'""")
			.param("today", Date.valueOf(today))
			.param("yearAgo", java.sql.Timestamp.from(today.minusMonths(12).atStartOfDay(UkTime.ZONE).toInstant()))
			.query((rs, n) -> {
				Date visit = rs.getDate("visit_ended_on");
				Date planned = rs.getDate("planned_for");
				return new ServiceStanding(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getString("provider_name"), ServiceType.valueOf(rs.getString("service_type")),
						rs.getString("locality"), (visit != null) ? visit.toLocalDate() : null,
						QaRating.parse(rs.getString("overall_rating")),
						CqcRating.parse(rs.getString("cqc_overall")).orElse(null),
						rs.getDate("first_start").toLocalDate(), rs.getInt("concerns"), rs.getInt("serious"),
						rs.getObject("in_progress", UUID.class), rs.getString("in_progress_status"),
						(planned != null) ? planned.toLocalDate() : null, rs.getObject("officer_id", UUID.class), 0,
						List.of(), null, null);
			})
			.list();
		Map<PlanningSignal, Map<UUID, Integer>> extra = new LinkedHashMap<>();
		for (PlanningSignal signal : this.signals) {
			extra.put(signal, signal.points());
		}
		List<ServiceStanding> scored = new ArrayList<>(rows.size());
		for (ServiceStanding row : rows) {
			scored.add(score(row, extra, today));
		}
		return scored;
	}

	static ServiceStanding score(ServiceStanding row, Map<PlanningSignal, Map<UUID, Integer>> extra, LocalDate today) {
		List<Reason> reasons = new ArrayList<>(5);
		if (row.lastVisit() == null) {
			reasons.add(new Reason("programme.reason.neverReviewed", null, null, FIRST_IN_LINE));
		}
		else if (row.lastRating() == null) {
			reasons.add(new Reason("programme.reason.neverRated", null, null, 20));
		}
		else {
			int points = switch (row.lastRating()) {
				case POOR -> 40;
				case REQUIRES_IMPROVEMENT -> 25;
				case GOOD -> 5;
				case EXCELLENT -> 0;
			};
			if (points > 0) {
				reasons.add(new Reason("programme.reason.qaRating", row.lastRating().messageKey(), null, points));
			}
		}
		if (row.cqcRating() != null) {
			int points = switch (row.cqcRating()) {
				case INADEQUATE -> 40;
				case REQUIRES_IMPROVEMENT -> 20;
				case NOT_RATED -> 10;
				default -> 0;
			};
			if (points > 0) {
				reasons.add(new Reason("programme.reason.cqcRating", row.cqcRating().messageKey(), null, points));
			}
		}
		if (row.concerns() > 0) {
			reasons
				.add(new Reason("programme.reason.concerns", null, row.concerns(), Math.min(30, 3 * row.concerns())));
		}
		if (row.seriousConcerns() > 0) {
			reasons.add(new Reason("programme.reason.serious", null, row.seriousConcerns(),
					Math.min(30, 10 * row.seriousConcerns())));
		}
		extra.forEach((signal, points) -> {
			Integer add = points.get(row.serviceId());
			if (add != null && add > 0) {
				reasons.add(new Reason(signal.reasonKey(), null, null, add));
			}
		});
		LocalDate promise = (row.lastVisit() != null) ? row.lastVisit().plusMonths(12)
				: row.firstContract().plusMonths(12);
		LocalDate due = promise;
		if (row.lastVisit() == null) {
			// never reviewed: as soon as an officer has room
			due = today.isBefore(promise) ? today : promise;
		}
		else {
			int risk = reasons.stream().mapToInt(Reason::points).sum();
			if (risk >= HIGH_PRIORITY) {
				due = row.lastVisit().plusMonths(6);
			}
			else if (risk >= MEDIUM_PRIORITY) {
				due = row.lastVisit().plusMonths(9);
			}
			if (promise.isBefore(today)) {
				int daysOverdue = (int) java.time.temporal.ChronoUnit.DAYS.between(promise, today);
				reasons.add(0, new Reason("programme.reason.overdue", null, daysOverdue, FIRST_IN_LINE));
			}
		}
		int priority = reasons.stream().mapToInt(Reason::points).sum();
		return new ServiceStanding(row.serviceId(), row.serviceName(), row.providerName(), row.type(), row.locality(),
				row.lastVisit(), row.lastRating(), row.cqcRating(), row.firstContract(), row.concerns(),
				row.seriousConcerns(), row.reviewInProgress(), row.reviewStatus(), row.reviewPlannedFor(),
				row.reviewOfficer(), priority, List.copyOf(reasons), promise, due);
	}

	// Coverage
	// --------------------

	/** One line of a coverage breakdown. */
	public record CoverageLine(String label, int services, int reviewedInYear, int notYetDue, int overdue) {

		/**
		 * Services for which the promise is kept: reviewed in the year, or new and not
		 * yet due.
		 */
		public int kept() {
			return this.reviewedInYear + this.notYetDue;
		}

		public double keptPercent() {
			return (this.services == 0) ? 100.0 : Math.floor(1000.0 * kept() / this.services) / 10.0;
		}

		public double reviewedPercent() {
			return (this.services == 0) ? 100.0 : Math.floor(1000.0 * this.reviewedInYear / this.services) / 10.0;
		}

	}

	/**
	 * The coverage dashboard: the promise's figure, its breakdowns and every service that
	 * breaks it.
	 */
	public record Coverage(LocalDate today, CoverageLine total, List<CoverageLine> byLocality,
			List<CoverageLine> byType, List<ServiceStanding> overdue, List<ServiceStanding> dueSoon, int dueSoonTotal) {
	}

	/**
	 * How many services due soon the dashboard names, soonest first (nationally several
	 * thousand fall due in any 60 days; the planner plans them all). Every overdue
	 * service is named: that is the promise.
	 */
	static final int DUE_SOON_SHOWN = 100;

	/**
	 * The coverage dashboard, kept for a minute or until a review is saved: it reads
	 * every commissioned service's standing (a second of database time nationally), and
	 * what it shows changes with reviews, contracts and the date, none of them by the
	 * second.
	 */
	private final ReadCache<LocalDate, Coverage> coverages;

	public Coverage coverage() {
		return this.coverages.get(today(), this::readCoverage);
	}

	@EventListener
	void reviewSaved(AfterSaveEvent<?> saved) {
		if (saved.getEntity() instanceof Review) {
			this.coverages.changed();
		}
	}

	private Coverage readCoverage() {
		LocalDate today = today();
		List<ServiceStanding> all = standings();
		Map<String, int[]> byLocality = new TreeMap<>();
		Map<ServiceType, int[]> byType = new TreeMap<>();
		int[] total = new int[4];
		List<ServiceStanding> overdue = new ArrayList<>();
		List<ServiceStanding> dueSoon = new ArrayList<>();
		for (ServiceStanding s : all) {
			int[] l = byLocality.computeIfAbsent((s.locality() != null) ? s.locality() : "", k -> new int[4]);
			int[] t = byType.computeIfAbsent(s.type(), k -> new int[4]);
			for (int[] counts : List.of(total, l, t)) {
				counts[0]++;
				if (s.reviewedInYear(today)) {
					counts[1]++;
				}
				else if (!s.isOverdue(today)) {
					counts[2]++;
				}
				else {
					counts[3]++;
				}
			}
			if (s.isOverdue(today)) {
				overdue.add(s);
			}
			else if (s.promiseDate().isBefore(today.plusDays(60))) {
				dueSoon.add(s);
			}
		}
		overdue.sort(Comparator.comparing(ServiceStanding::promiseDate).thenComparing(ServiceStanding::serviceName));
		dueSoon.sort(Comparator.comparing(ServiceStanding::promiseDate).thenComparing(ServiceStanding::serviceName));
		List<CoverageLine> localities = new ArrayList<>();
		byLocality.forEach((name, c) -> localities.add(new CoverageLine(name, c[0], c[1], c[2], c[3])));
		List<CoverageLine> types = new ArrayList<>();
		byType.forEach((type, c) -> types.add(new CoverageLine(type.messageKey(), c[0], c[1], c[2], c[3])));
		return new Coverage(today, new CoverageLine("", total[0], total[1], total[2], total[3]),
				List.copyOf(localities), List.copyOf(types), List.copyOf(overdue),
				List.copyOf(dueSoon.subList(0, Math.min(DUE_SOON_SHOWN, dueSoon.size()))), dueSoon.size());
	}

	// The planner
	// --------------------

	/** An officer who carries out reviews and how many a month. */
	public record Officer(UUID id, String name, int perMonth) {
	}

	public List<Officer> officers() {
		Map<UUID, Integer> capacity = new HashMap<>();
		this.jdbc.sql("select user_id, reviews_per_month from qa_officer_capacity")
			.query((rs, n) -> capacity.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		return this.users.withRole(Role.QA_OFFICER)
			.stream()
			.filter(UserSummary::enabled)
			.map(user -> new Officer(user.id(), user.displayName(), capacity.getOrDefault(user.id(), DEFAULT_CAPACITY)))
			.sorted(Comparator.comparing(Officer::name))
			.toList();
	}

	@Transactional
	public void setCapacity(UUID officerId, int perMonth) {
		if (perMonth < 0 || perMonth > 60) {
			throw new IllegalArgumentException("Reviews a month must be between 0 and 60");
		}
		this.jdbc.sql("""
				insert into qa_officer_capacity (user_id, reviews_per_month) values (:id, :n)
				on conflict (user_id) do update set reviews_per_month = excluded.reviews_per_month""")
			.param("id", officerId)
			.param("n", perMonth)
			.update();
	}

	/** A proposed review: when, by whom, and why then. */
	public record Proposal(ServiceStanding service, LocalDate proposedFor, UUID officerId, String officerName,
			boolean afterDueDate, ReviewKind kind) {
	}

	/** The proposed programme, with the officers' load by month. */
	public record Plan(LocalDate today, List<Proposal> proposals, List<Officer> officers,
			Map<YearMonth, Map<UUID, Integer>> load, int alreadyPlanned, long millis) {

		public List<YearMonth> months() {
			return List.copyOf(this.load.keySet());
		}

		public int load(YearMonth month, UUID officer) {
			return this.load.getOrDefault(month, Map.of()).getOrDefault(officer, 0);
		}

	}

	/** Proposes the next twelve months' reviews. */
	public Plan propose() {
		long started = System.nanoTime();
		Plan plan = plan(today(), standings(), officers());
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.debug("The review programme proposed {} reviews in {} ms", plan.proposals().size(), millis);
		return new Plan(plan.today(), plan.proposals(), plan.officers(), plan.load(), plan.alreadyPlanned(), millis);
	}

	/**
	 * Proposes the next twelve months' reviews of these services between these officers:
	 * first every service overdue for its review or never reviewed, riskiest and then
	 * longest overdue first, each in the earliest month an officer has room; then the
	 * rest, in the order they fall due.
	 */
	static Plan plan(LocalDate today, List<ServiceStanding> all, List<Officer> officers) {
		YearMonth first = YearMonth.from(today);
		YearMonth last = first.plusMonths(11);
		Map<YearMonth, Map<UUID, Integer>> load = new LinkedHashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			load.put(month, new HashMap<>());
		}
		// reviews already planned or in progress use up their officers' months
		int alreadyPlanned = 0;
		for (ServiceStanding s : all) {
			if (s.reviewInProgress() != null) {
				alreadyPlanned++;
				if (s.reviewOfficer() != null && s.reviewPlannedFor() != null) {
					YearMonth month = YearMonth.from(s.reviewPlannedFor());
					if (month.isBefore(first)) {
						month = first;
					}
					Map<UUID, Integer> monthLoad = load.get(month);
					if (monthLoad != null) {
						monthLoad.merge(s.reviewOfficer(), 1, Integer::sum);
					}
				}
			}
		}
		List<ServiceStanding> firstInLine = new ArrayList<>();
		List<ServiceStanding> toPlan = new ArrayList<>();
		for (ServiceStanding s : all) {
			if (s.reviewInProgress() == null && s.firstInLine(today)) {
				firstInLine.add(s);
			}
			else if (s.reviewInProgress() == null && !YearMonth.from(s.dueDate()).isAfter(last)) {
				toPlan.add(s);
			}
		}
		firstInLine.sort(Comparator.comparing(ServiceStanding::priority, Comparator.reverseOrder())
			.thenComparing(ServiceStanding::promiseDate)
			.thenComparing(ServiceStanding::serviceName));
		toPlan.sort(Comparator.comparing(ServiceStanding::dueDate)
			.thenComparing(Comparator.comparingInt(ServiceStanding::priority).reversed())
			.thenComparing(ServiceStanding::serviceName));
		toPlan.addAll(0, firstInLine);
		Map<UUID, Officer> byId = new HashMap<>();
		officers.forEach(officer -> byId.put(officer.id(), officer));
		// who visits which locality in which month, to keep an officer's visits together
		Map<YearMonth, Map<String, Set<UUID>>> visiting = new HashMap<>();
		Map<YearMonth, Integer> placedInMonth = new HashMap<>();
		List<Proposal> proposals = new ArrayList<>(toPlan.size());
		for (ServiceStanding s : toPlan) {
			YearMonth due = YearMonth.from(s.dueDate());
			if (due.isBefore(first)) {
				due = first;
			}
			Placement placement = null;
			for (YearMonth month = due; !month.isBefore(first) && placement == null; month = month.minusMonths(1)) {
				placement = place(month, s, officers, load, visiting);
			}
			for (YearMonth month = due.plusMonths(1); !month.isAfter(last)
					&& placement == null; month = month.plusMonths(1)) {
				placement = place(month, s, officers, load, visiting);
			}
			if (placement == null) {
				placement = new Placement(due, null);
			}
			int n = placedInMonth.merge(placement.month(), 1, Integer::sum);
			LocalDate date = spread(placement.month(), n, today);
			Officer officer = (placement.officer() != null) ? byId.get(placement.officer()) : null;
			boolean late = date.isAfter(s.promiseDate());
			ReviewKind kind = (s.priority() >= MEDIUM_PRIORITY && s.lastVisit() != null
					&& s.dueDate().isBefore(s.promiseDate())) ? ReviewKind.RISK_BASED : ReviewKind.ANNUAL;
			proposals.add(new Proposal(s, date, (officer != null) ? officer.id() : null,
					(officer != null) ? officer.name() : null, late, kind));
		}
		return new Plan(today, proposals, officers, load, alreadyPlanned, 0);
	}

	private record Placement(YearMonth month, UUID officer) {
	}

	private static Placement place(YearMonth month, ServiceStanding s, List<Officer> officers,
			Map<YearMonth, Map<UUID, Integer>> load, Map<YearMonth, Map<String, Set<UUID>>> visiting) {
		Map<UUID, Integer> monthLoad = load.get(month);
		Set<UUID> nearby = visiting.getOrDefault(month, Map.of()).getOrDefault(s.locality(), Set.of());
		Officer best = null;
		int bestRoom = 0;
		boolean bestNearby = false;
		for (Officer officer : officers) {
			int room = officer.perMonth() - monthLoad.getOrDefault(officer.id(), 0);
			if (room <= 0) {
				continue;
			}
			boolean near = nearby.contains(officer.id());
			if (best == null || (near && !bestNearby) || (near == bestNearby && room > bestRoom)) {
				best = officer;
				bestRoom = room;
				bestNearby = near;
			}
		}
		if (best == null) {
			return null;
		}
		monthLoad.merge(best.id(), 1, Integer::sum);
		visiting.computeIfAbsent(month, m -> new HashMap<>())
			.computeIfAbsent(s.locality(), k -> new java.util.HashSet<>())
			.add(best.id());
		return new Placement(month, best.id());
	}

	/** Spreads a month's reviews over its working days, never before today. */
	static LocalDate spread(YearMonth month, int n, LocalDate today) {
		LocalDate start = month.atDay(1);
		if (start.isBefore(today)) {
			start = today;
		}
		LocalDate end = month.atEndOfMonth();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days.add(day);
			}
		}
		if (days.isEmpty()) {
			return start;
		}
		return days.get((n - 1) % days.size());
	}

	/** The proposal for one service, if it has one. */
	public Optional<Proposal> proposalFor(Plan plan, UUID serviceId) {
		return plan.proposals().stream().filter(p -> p.service().serviceId().equals(serviceId)).findFirst();
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

}
