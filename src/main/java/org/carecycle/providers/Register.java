package org.carecycle.providers;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.RegisterViews.Counts;
import org.carecycle.providers.RegisterViews.ProviderProfile;
import org.carecycle.providers.RegisterViews.ProviderRow;
import org.carecycle.providers.RegisterViews.RatingHistory;
import org.carecycle.providers.RegisterViews.RatingPublication;
import org.carecycle.providers.RegisterViews.RatingRow;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.providers.RegisterViews.TypeCount;
import org.carecycle.shared.SqlText;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Reading the register: counts, lists and profiles, in plain SQL. Every query takes the
 * reader's {@link ProviderScope}, so a provider user's reads only ever see their own
 * organisation.
 */
@Service
public class Register {

	/** The columns a provider list can be sorted by. */
	public static final Map<String, String> PROVIDER_SORTS = Map.of("name", "lower(p.name)", "ownership", "p.ownership",
			"group", "lower(g.name)", "services", "active_services");

	/** The columns a service list can be sorted by. */
	public static final Map<String, String> SERVICE_SORTS = Map.of("name", "lower(s.name)", "provider", "lower(p.name)",
			"type", "s.service_type", "locality", "l.name", "capacity", "capacity", "rating", "rating_rank");

	private static final String RATING_RANK = """
			case r.rating when 'OUTSTANDING' then 1 when 'GOOD' then 2 when 'REQUIRES_IMPROVEMENT' then 3
			              when 'INADEQUATE' then 4 end""";

	private static final String CAPACITY = """
			case when s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then s.beds
			     when s.service_type = 'HOME_CARE' then s.weekly_hours else s.places end""";

	private final JdbcClient jdbc;

	Register(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts(ProviderScope scope) {
		return this.jdbc.sql("""
				select (select count(*) from provider p where %s) as providers,
				       count(*) as services,
				       coalesce(sum(s.beds), 0) as beds,
				       coalesce(sum(s.weekly_hours), 0) as weekly_hours,
				       coalesce(sum(s.places), 0) as places
				from care_service s
				where s.status = 'ACTIVE' and %s""".formatted(scope.sql("p.id"), scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((rs, row) -> new Counts(rs.getLong("providers"), rs.getLong("services"), rs.getLong("beds"),
					rs.getLong("weekly_hours"), rs.getLong("places")))
			.single();
	}

	/**
	 * Active services and their capacity by type, in the order of {@link ServiceType}.
	 */
	public List<TypeCount> activeServicesByType(ProviderScope scope) {
		Map<ServiceType, TypeCount> counts = new EnumMap<>(ServiceType.class);
		this.jdbc.sql("""
				select s.service_type, count(*) as services, coalesce(sum(%s), 0) as capacity
				from care_service s where s.status = 'ACTIVE' and %s
				group by s.service_type""".formatted(CAPACITY, scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((rs, row) -> counts.put(ServiceType.valueOf(rs.getString("service_type")),
					new TypeCount(ServiceType.valueOf(rs.getString("service_type")), rs.getLong("services"),
							rs.getLong("capacity"))))
			.list();
		return Arrays.stream(ServiceType.values())
			.map(type -> counts.getOrDefault(type, new TypeCount(type, 0, 0)))
			.toList();
	}

	/** How many active services hold each current overall CQC rating. */
	public Map<CqcRating, Long> currentOverallRatings(ProviderScope scope) {
		Map<CqcRating, Long> counts = new EnumMap<>(CqcRating.class);
		for (CqcRating rating : CqcRating.values()) {
			counts.put(rating, 0L);
		}
		this.jdbc.sql("""
				select coalesce(r.rating, 'NOT_RATED') as rating, count(*) as n
				from care_service s
				left join current_cqc_rating r on r.care_service_id = s.id and r.key_question = 'OVERALL'
				where s.status = 'ACTIVE' and %s
				group by 1""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((rs, row) -> counts.put(CqcRating.valueOf(rs.getString("rating")), rs.getLong("n")))
			.list();
		return counts;
	}

	public Paged<ProviderRow> providers(String text, SortOrder sort, int page, int pageSize, ProviderScope scope) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		StringBuilder where = new StringBuilder("where ").append(scope.sql("p.id"));
		if (StringUtils.hasText(text)) {
			where.append(" and (lower(p.name) like :text or p.cqc_provider_id = :exact or lower(g.name) like :text)");
			params.put("text", SqlText.containing(text));
			params.put("exact", text.strip());
		}
		String from = """
				from provider p left join provider_group g on g.id = p.group_id
				""";
		long total = this.jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
		String order = PROVIDER_SORTS.getOrDefault(sort.column(), "lower(p.name)") + " " + sort.sqlDirection()
				+ " nulls last, p.id";
		List<ProviderRow> rows = this.jdbc.sql("""
				select p.id, p.name, p.cqc_provider_id, p.ownership, g.name as group_name,
				       (select count(*) from care_service s where s.provider_id = p.id and s.status = 'ACTIVE')
				           as active_services
				""" + from + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query((rs, row) -> new ProviderRow(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("cqc_provider_id"), Ownership.valueOf(rs.getString("ownership")),
					rs.getString("group_name"), rs.getLong("active_services")))
			.list();
		return new Paged<>(rows, page, pageSize, total);
	}

	public Paged<ServiceRow> services(ServiceFilter filter, SortOrder sort, int page, int pageSize,
			ProviderScope scope) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		StringBuilder where = new StringBuilder("where ").append(scope.sql("s.provider_id"));
		if (StringUtils.hasText(filter.text())) {
			String text = filter.text().strip();
			where.append(" and (lower(s.name) like :text or lower(p.name) like :text"
					+ " or replace(s.postcode, ' ', '') like :postcode or s.cqc_location_id = :exact)");
			params.put("text", SqlText.containing(text));
			params.put("postcode", SqlText.startingWith(text.toUpperCase(Locale.ROOT).replace(" ", "")));
			params.put("exact", text);
		}
		if (filter.type() != null) {
			where.append(" and s.service_type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.localityId() != null) {
			where.append(" and s.locality_id = :locality");
			params.put("locality", filter.localityId());
		}
		if (filter.rating() != null) {
			where.append(" and coalesce(r.rating, 'NOT_RATED') = :rating");
			params.put("rating", filter.rating().name());
		}
		if (filter.status() != null) {
			where.append(" and s.status = :status");
			params.put("status", filter.status().name());
		}
		String from = """
				from care_service s
				join provider p on p.id = s.provider_id
				left join locality l on l.id = s.locality_id
				left join current_cqc_rating r on r.care_service_id = s.id and r.key_question = 'OVERALL'
				""";
		long total = this.jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
		String order = SERVICE_SORTS.getOrDefault(sort.column(), "lower(s.name)") + " " + sort.sqlDirection()
				+ " nulls last, s.id";
		List<ServiceRow> rows = this.jdbc
			.sql("select s.*, p.name as provider_name, l.name as locality_name, "
					+ "r.rating, r.published_on as rated_on, " + CAPACITY + " as capacity, " + RATING_RANK
					+ " as rating_rank " + from + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(Register::serviceRow)
			.list();
		return new Paged<>(rows, page, pageSize, total);
	}

	public Optional<ProviderProfile> provider(UUID id, ProviderScope scope) {
		return this.jdbc.sql("""
				select p.*, g.name as group_name from provider p left join provider_group g on g.id = p.group_id
				where p.id = :id and %s""".formatted(scope.sql("p.id")))
			.params(scope.parameters())
			.param("id", id)
			.query((rs, row) -> new ProviderProfile(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("cqc_provider_id"), Ownership.valueOf(rs.getString("ownership")),
					rs.getObject("group_id", UUID.class), rs.getString("group_name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("website"), rs.getString("address_line1"),
					rs.getString("address_line2"), rs.getString("town"), rs.getString("postcode")))
			.optional();
	}

	/** A provider's services, active first. */
	public List<ServiceRow> servicesOf(UUID providerId, ProviderScope scope) {
		return this.jdbc
			.sql("select s.*, p.name as provider_name, l.name as locality_name, r.rating, "
					+ "r.published_on as rated_on, " + CAPACITY + " as capacity " + """
							from care_service s
							join provider p on p.id = s.provider_id
							left join locality l on l.id = s.locality_id
							left join current_cqc_rating r on r.care_service_id = s.id and r.key_question = 'OVERALL'
							where s.provider_id = :provider and %s
							order by s.status, lower(s.name)""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.param("provider", providerId)
			.query(Register::serviceRow)
			.list();
	}

	public Optional<ServiceProfile> service(UUID id, ProviderScope scope) {
		Map<KeyQuestion, RatingRow> current = new EnumMap<>(KeyQuestion.class);
		this.jdbc.sql("select * from current_cqc_rating where care_service_id = :id")
			.param("id", id)
			.query((rs, row) -> {
				KeyQuestion question = KeyQuestion.valueOf(rs.getString("key_question"));
				return current.put(question, new RatingRow(question, CqcRating.valueOf(rs.getString("rating")),
						rs.getDate("published_on").toLocalDate()));
			})
			.list();
		return this.jdbc.sql("""
				select s.*, p.name as provider_name, l.name as locality_name
				from care_service s join provider p on p.id = s.provider_id
				left join locality l on l.id = s.locality_id
				where s.id = :id and %s""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.param("id", id)
			.query((rs, row) -> new ServiceProfile(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
					rs.getString("cqc_location_id"), ServiceType.valueOf(rs.getString("service_type")),
					clientGroups(rs.getArray("client_groups")), rs.getString("address_line1"),
					rs.getString("address_line2"), rs.getString("town"), rs.getString("postcode"),
					rs.getString("locality_name"), nullableDouble(rs, "latitude"), nullableDouble(rs, "longitude"),
					nullableInteger(rs, "beds"), nullableInteger(rs, "weekly_hours"), nullableInteger(rs, "places"),
					rs.getString("registered_manager"), ServiceStatus.valueOf(rs.getString("status")),
					localDate(rs.getDate("registered_on")), localDate(rs.getDate("closed_on")), Map.copyOf(current)))
			.optional();
	}

	/**
	 * Every rating CQC has published for a service, grouped by publication date, newest
	 * first.
	 */
	public RatingHistory ratingHistory(UUID serviceId) {
		Map<LocalDate, Map<KeyQuestion, CqcRating>> byDate = new TreeMap<>(java.util.Comparator.reverseOrder());
		this.jdbc.sql("select key_question, rating, published_on from cqc_rating where care_service_id = :id")
			.param("id", serviceId)
			.query((rs, row) -> byDate
				.computeIfAbsent(rs.getDate("published_on").toLocalDate(), date -> new EnumMap<>(KeyQuestion.class))
				.put(KeyQuestion.valueOf(rs.getString("key_question")), CqcRating.valueOf(rs.getString("rating"))))
			.list();
		return new RatingHistory(byDate.entrySet()
			.stream()
			.map(entry -> new RatingPublication(entry.getKey(), Map.copyOf(entry.getValue())))
			.toList());
	}

	private static ServiceRow serviceRow(ResultSet rs, int row) throws SQLException {
		String rating = rs.getString("rating");
		return new ServiceRow(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
				ServiceType.valueOf(rs.getString("service_type")), rs.getString("locality_name"), rs.getString("town"),
				rs.getString("postcode"), nullableInteger(rs, "capacity"),
				ServiceStatus.valueOf(rs.getString("status")), (rating != null) ? CqcRating.valueOf(rating) : null,
				localDate(rs.getDate("rated_on")));
	}

	private static Set<ClientGroup> clientGroups(Array array) throws SQLException {
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				groups.add(ClientGroup.valueOf((String) value));
			}
		}
		return groups;
	}

	private static Integer nullableInteger(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
