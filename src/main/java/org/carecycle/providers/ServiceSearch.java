package org.carecycle.providers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.providers.RegisterViews.VacancyReport;
import org.carecycle.shared.SqlText;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import static org.carecycle.providers.RegisterRows.clientGroups;
import static org.carecycle.providers.RegisterRows.localDate;
import static org.carecycle.providers.RegisterRows.nullableDouble;
import static org.carecycle.providers.RegisterRows.nullableInteger;

/**
 * Searching the register's services: the filters, sorts and pages of the directory, its
 * downloads and maps, and a provider's services. It is the busiest read of the register,
 * tuned for a national one (a count that stops beyond the page, a page's ids sorted
 * before the joins), so it is kept apart from the profiles and the contracts.
 * {@link Register} hands these reads on to it.
 */
@Service
class ServiceSearch {

	private static final String RATING_RANK = """
			case s.cqc_overall when 'OUTSTANDING' then 1 when 'GOOD' then 2 when 'REQUIRES_IMPROVEMENT' then 3
			                   when 'INADEQUATE' then 4 end""";

	static final String CAPACITY = """
			case when s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then s.beds
			     when s.service_type = 'HOME_CARE' then s.weekly_hours else s.places end""";

	/** A contract in force today for service {@code s}. */
	private static final String LIVE_CONTRACT = "select 1 from contract lc where lc.care_service_id = s.id"
			+ " and lc.starts_on <= :today and lc.ends_on >= :today";

	private static final String SERVICE_FROM = """
			from care_service s
			join provider p on p.id = s.provider_id
			left join geography_locality l on l.id = s.locality_id
			left join lateral (select max(c.ends_on) as ends_on from contract c
			                   where c.care_service_id = s.id and c.starts_on <= :today and c.ends_on >= :today) live
			       on true
			""";

	private static final String SERVICE_COLUMNS = "select s.id, s.name, s.provider_id, p.name as provider_name, "
			+ "s.cqc_location_id, s.service_type, s.client_groups, l.name as locality_name, s.town, s.postcode, "
			+ "s.status, s.cqc_overall, s.cqc_overall_on, s.latitude, s.longitude, s.vacancies, "
			+ "s.vacancies_reported_at, live.ends_on as live_until, " + CAPACITY + " as capacity, " + RATING_RANK
			+ " as rating_rank, ";

	/**
	 * Miles between the centre of the searched postcode district ({@code :nearLat},
	 * {@code :nearLon}) and the centre of service {@code s}'s district: a great circle on
	 * a sphere of the Earth's mean radius, which is as close as district centres allow.
	 */
	static final String DISTANCE = """
			(select 7917.6 * asin(least(1, sqrt(power(sin(radians(d.latitude - :nearLat) / 2), 2)
			        + cos(radians(:nearLat)) * cos(radians(d.latitude))
			          * power(sin(radians(d.longitude - :nearLon) / 2), 2))))
			 from geography_postcode_district d where d.outcode = s.postcode_district)""";

	/** Whether a service's report of vacancies is recent and not zero. */
	private static final String VACANCY_NOW = "s.vacancies > 0 and s.vacancies_reported_at >= :freshSince";

	/** A full outward code, such as TR1 (and not the start of TR10). */
	private static final java.util.regex.Pattern OUTWARD = java.util.regex.Pattern
		.compile("^[A-Z]{1,2}[0-9][0-9A-Z]?$");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int staleAfterDays;

	ServiceSearch(JdbcClient jdbc, Clock clock,
			@Value("${carecycle.matching.vacancies-stale-after:7d}") java.time.Duration staleAfter) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.staleAfterDays = (int) staleAfter.toDays();
	}

	private static String columns(ServiceFilter filter) {
		return SERVICE_COLUMNS + ((filter.nearby() != null) ? DISTANCE : "cast(null as double precision)")
				+ " as distance_miles ";
	}

	/** The first moment a report of vacancies counts as recent. */
	private java.sql.Timestamp freshSince() {
		return java.sql.Timestamp.from(today().minusDays(this.staleAfterDays).atStartOfDay(UkTime.ZONE).toInstant());
	}

	private Map<String, Object> parameters(ServiceFilter filter, ProviderScope scope) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		params.put("today", Date.valueOf(today()));
		params.put("freshSince", freshSince());
		if (filter.nearby() != null) {
			params.put("nearLat", filter.nearby().centre().latitude());
			params.put("nearLon", filter.nearby().centre().longitude());
			params.put("miles", (double) filter.nearby().withinMiles());
		}
		return params;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private LocalDate soon() {
		return today().plusMonths(Register.ENDING_SOON_MONTHS);
	}

	Paged<ServiceRow> services(ServiceFilter filter, SortOrder sort, int page, int pageSize, ProviderScope scope) {
		Map<String, Object> params = parameters(filter, scope);
		String where = serviceWhere(filter, scope, params);
		// the filters name only the service's own columns, so the count needs no joins;
		// it stops a little beyond this page, as counting a whole national register costs
		// more than the page
		long total = this.jdbc
			.sql("select count(*) from (select 1 from care_service s " + where + " limit :countLimit) counted")
			.params(params)
			.param("countLimit", Paged.countLimit(page, pageSize))
			.query(Long.class)
			.single();
		String column = Register.SERVICE_SORTS.getOrDefault(sort.column(), "lower(s.name)");
		if (column.equals("distance_miles") && filter.nearby() == null) {
			column = "lower(s.name)";
		}
		String order = column + " " + sort.sqlDirection() + " nulls last, s.id";
		LocalDate soon = soon();
		// The page's ids first, sorted on the service's own columns (and the provider's
		// or locality's name when sorted by them), so that the joins and the contract
		// lookup run for one page of rows rather than for every row before a deep offset.
		String sql;
		if (column.equals("live.ends_on") || column.equals("distance_miles")) {
			// a search near a place is bounded by its distance, so needs no shortcut
			sql = columns(filter) + SERVICE_FROM + where + " order by " + order + " limit :limit offset :offset";
		}
		else {
			String key = switch (column) {
				case "capacity" -> CAPACITY;
				case "rating_rank" -> RATING_RANK;
				default -> column;
			};
			String joins = column.startsWith("lower(p.") ? " join provider p on p.id = s.provider_id"
					: column.startsWith("l.") ? " left join geography_locality l on l.id = s.locality_id" : "";
			sql = columns(filter) + SERVICE_FROM + "where s.id in (select s.id from care_service s" + joins + " "
					+ where + " order by " + key + " " + sort.sqlDirection()
					+ " nulls last, s.id limit :limit offset :offset)" + " order by " + order;
		}
		List<ServiceRow> rows = this.jdbc.sql(sql)
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query((rs, row) -> serviceRow(rs, soon))
			.list();
		return Paged.counted(rows, page, pageSize, total);
	}

	/**
	 * Every service matching a filter, in name order, one at a time (for downloads and
	 * maps).
	 */
	long eachService(ServiceFilter filter, ProviderScope scope, Consumer<ServiceRow> consumer) {
		Map<String, Object> params = parameters(filter, scope);
		String where = serviceWhere(filter, scope, params);
		LocalDate soon = soon();
		long[] count = new long[1];
		String order = (filter.nearby() != null) ? "distance_miles, lower(s.name), s.id" : "lower(s.name), s.id";
		this.jdbc.sql(columns(filter) + SERVICE_FROM + where + " order by " + order)
			.params(params)
			.withFetchSize(500)
			.query((RowCallbackHandler) rs -> {
				consumer.accept(serviceRow(rs, soon));
				count[0]++;
			});
		return count[0];
	}

	private static String serviceWhere(ServiceFilter filter, ProviderScope scope, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("where ").append(scope.sql("s.provider_id"));
		if (StringUtils.hasText(filter.text())) {
			String text = filter.text().strip();
			// search_text holds the service's and its provider's names in lower case,
			// indexed
			where.append(" and (s.search_text like :text or ")
				.append(postcodeMatch(text, params))
				.append(" or s.cqc_location_id = :exact)");
			params.put("text", SqlText.containing(text));
			params.put("exact", text);
		}
		if (filter.nearby() != null) {
			where.append(" and ").append(DISTANCE).append(" <= :miles");
		}
		if (filter.vacancyNow()) {
			where.append(" and ").append(VACANCY_NOW);
		}
		if (filter.type() != null) {
			where.append(" and s.service_type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.localityId() != null) {
			where.append(" and s.locality_id = :locality");
			params.put("locality", filter.localityId());
		}
		if (filter.rating() == CqcRating.NOT_RATED) {
			where.append(" and (s.cqc_overall is null or s.cqc_overall = 'NOT_RATED')");
		}
		else if (filter.rating() != null) {
			where.append(" and s.cqc_overall = :rating");
			params.put("rating", filter.rating().name());
		}
		if (filter.status() != null) {
			where.append(" and s.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.clientGroup() != null) {
			where.append(" and :clientGroup = any(s.client_groups)");
			params.put("clientGroup", filter.clientGroup().name());
		}
		if (filter.commissioned() != null) {
			where.append(filter.commissioned() ? " and exists (" + LIVE_CONTRACT + ")"
					: " and not exists (" + LIVE_CONTRACT + ")");
		}
		return where.toString();
	}

	/**
	 * How typed text finds a postcode: a full postcode ("tr13lj") finds that postcode, an
	 * outward code and part of the inward one ("TR1 3") postcodes in that district
	 * starting so, an outward code alone ("TR1", "tr 1") its district and not TR10 to
	 * TR17, and anything else postcodes starting with it.
	 */
	private static String postcodeMatch(String text, Map<String, Object> params) {
		String upper = text.toUpperCase(Locale.ROOT).strip();
		String compact = upper.replaceAll("\\s+", "");
		java.util.Optional<org.carecycle.shared.Postcode> full = org.carecycle.shared.Postcode.parse(upper);
		if (full.isPresent()) {
			params.put("postcode", full.get().value().replace(" ", ""));
			return "replace(s.postcode, ' ', '') = :postcode";
		}
		String[] parts = upper.split("\\s+", 2);
		if (parts.length == 2 && OUTWARD.matcher(parts[0]).matches()) {
			params.put("postcode", SqlText.startingWith(parts[0] + " " + parts[1].replace(" ", "")));
			return "s.postcode like :postcode";
		}
		if (OUTWARD.matcher(compact).matches()) {
			params.put("postcode", compact + " %");
			return "s.postcode like :postcode";
		}
		params.put("postcode", SqlText.startingWith(compact));
		return "replace(s.postcode, ' ', '') like :postcode";
	}

	/** A provider's services, active first. */
	List<ServiceRow> servicesOf(UUID providerId, ProviderScope scope) {
		LocalDate soon = soon();
		return this.jdbc
			.sql(columns(ServiceFilter.none()) + SERVICE_FROM + "where s.provider_id = :provider and "
					+ scope.sql("s.provider_id") + " order by s.status, lower(s.name)")
			.params(scope.parameters())
			.param("provider", providerId)
			.param("today", Date.valueOf(today()))
			.query((rs, row) -> serviceRow(rs, soon))
			.list();
	}

	private VacancyReport vacancy(ResultSet rs) throws SQLException {
		Integer count = nullableInteger(rs, "vacancies");
		java.sql.Timestamp at = rs.getTimestamp("vacancies_reported_at");
		if (count == null || at == null) {
			return null;
		}
		LocalDate on = at.toInstant().atZone(UkTime.ZONE).toLocalDate();
		long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(on, today()));
		return new VacancyReport(count, on, days, days > this.staleAfterDays);
	}

	private ServiceRow serviceRow(ResultSet rs, LocalDate soon) throws SQLException {
		String rating = rs.getString("cqc_overall");
		LocalDate liveUntil = localDate(rs.getDate("live_until"));
		return new ServiceRow(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"), rs.getString("cqc_location_id"),
				ServiceType.valueOf(rs.getString("service_type")), clientGroups(rs.getArray("client_groups")),
				rs.getString("locality_name"), rs.getString("town"), rs.getString("postcode"),
				nullableInteger(rs, "capacity"), ServiceStatus.valueOf(rs.getString("status")),
				(rating != null) ? CqcRating.valueOf(rating) : null, localDate(rs.getDate("cqc_overall_on")),
				liveUntil != null, liveUntil != null && liveUntil.isBefore(soon), nullableDouble(rs, "latitude"),
				nullableDouble(rs, "longitude"), nullableInteger(rs, "vacancies"), vacancy(rs),
				nullableDouble(rs, "distance_miles"));
	}

}
