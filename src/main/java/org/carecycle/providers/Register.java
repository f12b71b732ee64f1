package org.carecycle.providers;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import java.util.function.Consumer;

import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.RegisterViews.ContractRow;
import org.carecycle.providers.RegisterViews.ContractState;
import org.carecycle.providers.RegisterViews.Counts;
import org.carecycle.providers.RegisterViews.LocalityCapacity;
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
import org.carecycle.shared.UkTime;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Reading the register: counts, lists and profiles, in plain SQL. Every query takes the
 * reader's {@link ProviderScope}, so a provider user's reads only ever see their own
 * organisation. A service is commissioned when it has a contract in force today; a
 * contract ends soon when it ends within {@link #ENDING_SOON_MONTHS} months.
 */
@Service
public class Register {

	/** How close to its end a contract is flagged. */
	public static final int ENDING_SOON_MONTHS = 6;

	/** The columns a provider list can be sorted by. */
	public static final Map<String, String> PROVIDER_SORTS = Map.of("name", "lower(p.name)", "ownership", "p.ownership",
			"group", "lower(g.name)", "services", "active_services");

	/** The columns a service list can be sorted by. */
	public static final Map<String, String> SERVICE_SORTS = Map.of("name", "lower(s.name)", "provider", "lower(p.name)",
			"type", "s.service_type", "locality", "l.name", "capacity", "capacity", "rating", "rating_rank",
			"commissioned", "live.ends_on");

	private static final String RATING_RANK = """
			case s.cqc_overall when 'OUTSTANDING' then 1 when 'GOOD' then 2 when 'REQUIRES_IMPROVEMENT' then 3
			                   when 'INADEQUATE' then 4 end""";

	private static final String CAPACITY = """
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
			+ "live.ends_on as live_until, " + CAPACITY + " as capacity, " + RATING_RANK + " as rating_rank ";

	private final JdbcClient jdbc;

	private final Clock clock;

	Register(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private LocalDate soon() {
		return today().plusMonths(ENDING_SOON_MONTHS);
	}

	public Counts counts(ProviderScope scope) {
		return this.jdbc
			.sql("""
					select (select count(*) from provider p where %s) as providers,
					       count(*) as services,
					       coalesce(sum(s.beds), 0) as beds,
					       coalesce(sum(s.weekly_hours), 0) as weekly_hours,
					       coalesce(sum(s.places), 0) as places,
					       count(*) filter (where live.ends_on is not null) as commissioned,
					       (select count(*) from contract c join care_service cs on cs.id = c.care_service_id
					        where c.starts_on <= :today and c.ends_on >= :today and c.ends_on < :soon and %s) as ending
					""".formatted(scope.sql("p.id"), scope.sql("cs.provider_id"))
					+ """
							from care_service s
							left join lateral (select max(c.ends_on) as ends_on from contract c
							                   where c.care_service_id = s.id and c.starts_on <= :today and c.ends_on >= :today) live
							       on true
							where s.status = 'ACTIVE' and %s"""
						.formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()))
			.query((rs, row) -> new Counts(rs.getLong("providers"), rs.getLong("services"), rs.getLong("beds"),
					rs.getLong("weekly_hours"), rs.getLong("places"), rs.getLong("commissioned"), rs.getLong("ending")))
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
			.query((RowCallbackHandler) rs -> {
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				counts.put(type, new TypeCount(type, rs.getLong("services"), rs.getLong("capacity")));
			});
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
				select coalesce(s.cqc_overall, 'NOT_RATED') as rating, count(*) as n
				from care_service s where s.status = 'ACTIVE' and %s
				group by 1""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((RowCallbackHandler) rs -> counts.merge(CqcRating.valueOf(rs.getString("rating")), rs.getLong("n"),
					Long::sum));
		return counts;
	}

	private static final String PROVIDER_FROM = " from provider p left join provider_group g on g.id = p.group_id ";

	private static final String PROVIDER_COLUMNS = """
			select p.id, p.name, p.cqc_provider_id, p.ownership, g.name as group_name,
			       (select count(*) from care_service s where s.provider_id = p.id and s.status = 'ACTIVE')
			           as active_services
			""";

	public Paged<ProviderRow> providers(String text, SortOrder sort, int page, int pageSize, ProviderScope scope) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		String where = providerWhere(text, scope, params);
		long total = this.jdbc.sql("select count(*) " + PROVIDER_FROM + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = PROVIDER_SORTS.getOrDefault(sort.column(), "lower(p.name)") + " " + sort.sqlDirection()
				+ " nulls last, p.id";
		List<ProviderRow> rows = this.jdbc
			.sql(PROVIDER_COLUMNS + PROVIDER_FROM + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(Register::providerRow)
			.list();
		return new Paged<>(rows, page, pageSize, total);
	}

	/**
	 * Every provider matching a search, by name, one at a time, for exports.
	 * @return how many there were
	 */
	public long eachProvider(String text, ProviderScope scope, Consumer<ProviderRow> action) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		long[] count = { 0 };
		this.jdbc
			.sql(PROVIDER_COLUMNS + PROVIDER_FROM + providerWhere(text, scope, params)
					+ " order by lower(p.name), p.id")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				action.accept(providerRow(rs, (int) count[0]));
				count[0]++;
			});
		return count[0];
	}

	private static String providerWhere(String text, ProviderScope scope, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("where ").append(scope.sql("p.id"));
		if (StringUtils.hasText(text)) {
			where.append(" and (lower(p.name) like :text or p.cqc_provider_id = :exact or lower(g.name) like :text)");
			params.put("text", SqlText.containing(text));
			params.put("exact", text.strip());
		}
		return where.toString();
	}

	private static ProviderRow providerRow(ResultSet rs, int row) throws SQLException {
		return new ProviderRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("cqc_provider_id"),
				Ownership.valueOf(rs.getString("ownership")), rs.getString("group_name"),
				rs.getLong("active_services"));
	}

	public Paged<ServiceRow> services(ServiceFilter filter, SortOrder sort, int page, int pageSize,
			ProviderScope scope) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		String where = serviceWhere(filter, scope, params);
		params.put("today", Date.valueOf(today()));
		// the filters name only the service's own columns, so the count needs no joins;
		// it
		// stops a little beyond this page, as counting a whole national register costs
		// more
		// than the page
		long total = this.jdbc
			.sql("select count(*) from (select 1 from care_service s " + where + " limit :countLimit) counted")
			.params(params)
			.param("countLimit", Paged.countLimit(page, pageSize))
			.query(Long.class)
			.single();
		String column = SERVICE_SORTS.getOrDefault(sort.column(), "lower(s.name)");
		String order = column + " " + sort.sqlDirection() + " nulls last, s.id";
		LocalDate soon = soon();
		// The page's ids first, sorted on the service's own columns (and the provider's
		// or
		// locality's name when sorted by them), so that the joins and the contract lookup
		// run for one page of rows rather than for every row before a deep offset.
		String sql;
		if (column.equals("live.ends_on")) {
			sql = SERVICE_COLUMNS + SERVICE_FROM + where + " order by " + order + " limit :limit offset :offset";
		}
		else {
			String key = switch (column) {
				case "capacity" -> CAPACITY;
				case "rating_rank" -> RATING_RANK;
				default -> column;
			};
			String joins = column.startsWith("lower(p.") ? " join provider p on p.id = s.provider_id"
					: column.startsWith("l.") ? " left join geography_locality l on l.id = s.locality_id" : "";
			sql = SERVICE_COLUMNS + SERVICE_FROM + "where s.id in (select s.id from care_service s" + joins + " "
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
	public long eachService(ServiceFilter filter, ProviderScope scope, Consumer<ServiceRow> consumer) {
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		String where = serviceWhere(filter, scope, params);
		params.put("today", Date.valueOf(today()));
		LocalDate soon = soon();
		long[] count = new long[1];
		this.jdbc.sql(SERVICE_COLUMNS + SERVICE_FROM + where + " order by lower(s.name), s.id")
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
			where.append(" and (s.search_text like :text or replace(s.postcode, ' ', '') like :postcode"
					+ " or s.cqc_location_id = :exact)");
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

	public Optional<ProviderProfile> provider(UUID id, ProviderScope scope) {
		List<ProviderContact> contacts = this.jdbc
			.sql("select name, job_title, email, phone from provider_contact where provider_id = :id order by position")
			.param("id", id)
			.query((rs, row) -> new ProviderContact(rs.getString("name"), rs.getString("job_title"),
					rs.getString("email"), rs.getString("phone")))
			.list();
		return this.jdbc.sql("""
				select p.*, g.name as group_name from provider p left join provider_group g on g.id = p.group_id
				where p.id = :id and %s""".formatted(scope.sql("p.id")))
			.params(scope.parameters())
			.param("id", id)
			.query((rs, row) -> new ProviderProfile(rs.getObject("id", UUID.class), rs.getInt("version"),
					rs.getString("name"), rs.getString("cqc_provider_id"), Ownership.valueOf(rs.getString("ownership")),
					rs.getObject("group_id", UUID.class), rs.getString("group_name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("website"), rs.getString("address_line1"),
					rs.getString("address_line2"), rs.getString("town"), rs.getString("postcode"), contacts))
			.optional();
	}

	/** The other providers in a group, for a provider's page. */
	public List<ProviderRow> groupMembers(UUID groupId, ProviderScope scope) {
		if (groupId == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				select p.id, p.name, p.cqc_provider_id, p.ownership, g.name as group_name,
				       (select count(*) from care_service s where s.provider_id = p.id and s.status = 'ACTIVE')
				           as active_services
				from provider p join provider_group g on g.id = p.group_id
				where p.group_id = :group and %s order by lower(p.name)""".formatted(scope.sql("p.id")))
			.params(scope.parameters())
			.param("group", groupId)
			.query((rs, row) -> new ProviderRow(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("cqc_provider_id"), Ownership.valueOf(rs.getString("ownership")),
					rs.getString("group_name"), rs.getLong("active_services")))
			.list();
	}

	/** A provider's services, active first. */
	public List<ServiceRow> servicesOf(UUID providerId, ProviderScope scope) {
		LocalDate soon = soon();
		return this.jdbc
			.sql(SERVICE_COLUMNS + SERVICE_FROM + "where s.provider_id = :provider and " + scope.sql("s.provider_id")
					+ " order by s.status, lower(s.name)")
			.params(scope.parameters())
			.param("provider", providerId)
			.param("today", Date.valueOf(today()))
			.query((rs, row) -> serviceRow(rs, soon))
			.list();
	}

	public Optional<ServiceProfile> service(UUID id, ProviderScope scope) {
		return this.jdbc.sql("""
				select s.*, p.name as provider_name, l.name as locality_name
				from care_service s join provider p on p.id = s.provider_id
				left join geography_locality l on l.id = s.locality_id
				where s.id = :id and %s""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.param("id", id)
			.query((rs, row) -> new ServiceProfile(rs.getObject("id", UUID.class), rs.getInt("version"),
					rs.getString("name"), rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
					rs.getString("cqc_location_id"), ServiceType.valueOf(rs.getString("service_type")),
					clientGroups(rs.getArray("client_groups")), rs.getString("address_line1"),
					rs.getString("address_line2"), rs.getString("town"), rs.getString("postcode"),
					rs.getString("locality_name"), nullableDouble(rs, "latitude"), nullableDouble(rs, "longitude"),
					nullableInteger(rs, "beds"), nullableInteger(rs, "weekly_hours"), nullableInteger(rs, "places"),
					rs.getString("registered_manager"), ServiceStatus.valueOf(rs.getString("status")),
					localDate(rs.getDate("registered_on")), localDate(rs.getDate("closed_on")),
					localDate(rs.getDate("dormant_since")), nullableInteger(rs, "vacancies"),
					(rs.getTimestamp("vacancies_reported_at") != null)
							? rs.getTimestamp("vacancies_reported_at").toInstant() : null,
					currentRatings(rs.getString("cqc_location_id"))))
			.optional();
	}

	private Map<KeyQuestion, RatingRow> currentRatings(String location) {
		Map<KeyQuestion, RatingRow> current = new EnumMap<>(KeyQuestion.class);
		if (location == null) {
			return current;
		}
		this.jdbc.sql("select * from current_cqc_rating where cqc_location_id = :location")
			.param("location", location)
			.query((RowCallbackHandler) rs -> {
				KeyQuestion question = KeyQuestion.valueOf(rs.getString("key_question"));
				current.put(question, new RatingRow(question, CqcRating.valueOf(rs.getString("rating")),
						rs.getDate("published_on").toLocalDate()));
			});
		return current;
	}

	/**
	 * Every rating CQC has published for a location, grouped by publication date, newest
	 * first.
	 */
	public RatingHistory ratingHistory(String cqcLocationId) {
		Map<LocalDate, Map<KeyQuestion, CqcRating>> byDate = new TreeMap<>(Comparator.reverseOrder());
		if (cqcLocationId != null) {
			this.jdbc.sql("select key_question, rating, published_on from cqc_rating where cqc_location_id = :location")
				.param("location", cqcLocationId)
				.query((RowCallbackHandler) rs -> byDate
					.computeIfAbsent(rs.getDate("published_on").toLocalDate(), date -> new EnumMap<>(KeyQuestion.class))
					.put(KeyQuestion.valueOf(rs.getString("key_question")), CqcRating.valueOf(rs.getString("rating"))));
		}
		List<RatingPublication> publications = new ArrayList<>();
		byDate.forEach((date, ratings) -> publications.add(new RatingPublication(date, Map.copyOf(ratings))));
		return new RatingHistory(publications);
	}

	/** A service's contracts, newest first. */
	public List<ContractRow> contractsOf(UUID serviceId) {
		return contracts("c.care_service_id = :id", serviceId);
	}

	/** The contracts of all of a provider's services, newest first. */
	public List<ContractRow> contractsOfProvider(UUID providerId) {
		return contracts("s.provider_id = :id", providerId);
	}

	public Optional<ContractRow> contract(UUID id) {
		return contracts("c.id = :id", id).stream().findFirst();
	}

	/**
	 * Contracts in a state, soonest ending first for live ones and latest ended first for
	 * the rest.
	 */
	public Paged<ContractRow> contracts(ContractState state, boolean endingSoonOnly, int page, int pageSize) {
		String condition = contractCondition(state, endingSoonOnly);
		String order = contractOrder(state);
		long total = this.jdbc.sql("select count(*) from contract c where " + condition)
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()))
			.query(Long.class)
			.single();
		List<ContractRow> rows = contractQuery(
				condition + " order by " + order + ", c.reference limit :limit offset :offset", null)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(this::contractRow)
			.list();
		return new Paged<>(rows, page, pageSize, total);
	}

	/**
	 * Every contract in a state, in the list's order, one at a time, for exports.
	 * @return how many there were
	 */
	public long eachContract(ContractState state, boolean endingSoonOnly, Consumer<ContractRow> action) {
		long[] count = { 0 };
		contractQuery(contractCondition(state, endingSoonOnly) + " order by " + contractOrder(state) + ", c.reference",
				null)
			.query((RowCallbackHandler) rs -> {
				action.accept(contractRow(rs, (int) count[0]));
				count[0]++;
			});
		return count[0];
	}

	private static String contractCondition(ContractState state, boolean endingSoonOnly) {
		return switch (state) {
			case LIVE -> endingSoonOnly ? "c.starts_on <= :today and c.ends_on >= :today and c.ends_on < :soon"
					: "c.starts_on <= :today and c.ends_on >= :today";
			case ENDED -> "c.ends_on < :today";
			case NOT_STARTED -> "c.starts_on > :today";
		};
	}

	private static String contractOrder(ContractState state) {
		return (state == ContractState.ENDED) ? "c.ends_on desc" : "c.ends_on asc";
	}

	private List<ContractRow> contracts(String condition, UUID id) {
		return contractQuery(condition + " order by c.ends_on desc, c.reference", id).query(this::contractRow).list();
	}

	private JdbcClient.StatementSpec contractQuery(String conditionAndOrder, UUID id) {
		var spec = this.jdbc.sql("""
				select c.*, s.name as service_name, s.provider_id, s.service_type, p.name as provider_name
				from contract c join care_service s on s.id = c.care_service_id join provider p on p.id = s.provider_id
				""" + " where " + conditionAndOrder)
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()));
		return (id != null) ? spec.param("id", id) : spec;
	}

	private ContractRow contractRow(ResultSet rs, int row) throws SQLException {
		LocalDate today = today();
		LocalDate starts = rs.getDate("starts_on").toLocalDate();
		LocalDate ends = rs.getDate("ends_on").toLocalDate();
		ContractState state = today.isBefore(starts) ? ContractState.NOT_STARTED
				: today.isAfter(ends) ? ContractState.ENDED : ContractState.LIVE;
		String unit = rs.getString("price_unit");
		return new ContractRow(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("reference"),
				rs.getObject("care_service_id", UUID.class), rs.getString("service_name"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
				ServiceType.valueOf(rs.getString("service_type")), rs.getString("lot"), rs.getString("framework"),
				starts, ends, rs.getBigDecimal("total_value"), rs.getBigDecimal("unit_price"),
				(unit != null) ? PriceUnit.valueOf(unit) : null, nullableInteger(rs, "commissioned_capacity"),
				rs.getObject("contract_manager_id", UUID.class), rs.getObject("specification_document_id", UUID.class),
				state, state == ContractState.LIVE && ends.isBefore(soon()));
	}

	/** Capacity of active services by locality and type, for the market map's table. */
	public List<LocalityCapacity> capacityByLocality(ServiceType onlyType, ProviderScope scope) {
		Map<String, LocalityCapacity> rows = new TreeMap<>();
		this.jdbc
			.sql("""
					select coalesce(l.name, '') as locality, s.service_type, count(*) as services, coalesce(sum(%s), 0) as capacity
					from care_service s left join geography_locality l on l.id = s.locality_id
					where s.status = 'ACTIVE' and %s %s
					group by 1, 2"""
				.formatted(CAPACITY, scope.sql("s.provider_id"),
						(onlyType != null) ? "and s.service_type = :type" : ""))
			.params(scope.parameters())
			.params((onlyType != null) ? Map.of("type", onlyType.name()) : Map.of())
			.query((RowCallbackHandler) rs -> {
				LocalityCapacity row = rows.computeIfAbsent(rs.getString("locality"), name -> new LocalityCapacity(name,
						new EnumMap<>(ServiceType.class), new EnumMap<>(ServiceType.class)));
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				row.capacity().put(type, rs.getLong("capacity"));
				row.services().put(type, rs.getLong("services"));
			});
		return List.copyOf(rows.values());
	}

	private static ServiceRow serviceRow(ResultSet rs, LocalDate soon) throws SQLException {
		String rating = rs.getString("cqc_overall");
		LocalDate liveUntil = localDate(rs.getDate("live_until"));
		return new ServiceRow(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"), rs.getString("cqc_location_id"),
				ServiceType.valueOf(rs.getString("service_type")), clientGroups(rs.getArray("client_groups")),
				rs.getString("locality_name"), rs.getString("town"), rs.getString("postcode"),
				nullableInteger(rs, "capacity"), ServiceStatus.valueOf(rs.getString("status")),
				(rating != null) ? CqcRating.valueOf(rating) : null, localDate(rs.getDate("cqc_overall_on")),
				liveUntil != null, liveUntil != null && liveUntil.isBefore(soon), nullableDouble(rs, "latitude"),
				nullableDouble(rs, "longitude"), nullableInteger(rs, "vacancies"));
	}

	static Set<ClientGroup> clientGroups(Array array) throws SQLException {
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
