package org.carecycle.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import static org.carecycle.providers.RegisterRows.clientGroups;
import static org.carecycle.providers.RegisterRows.localDate;
import static org.carecycle.providers.RegisterRows.nullableDouble;
import static org.carecycle.providers.RegisterRows.nullableInteger;

/**
 * Reading the register: counts, lists and profiles, in plain SQL. Every query takes the
 * reader's {@link ProviderScope}, so a provider user's reads only ever see their own
 * organisation. A service is commissioned when it has a contract in force today; a
 * contract ends soon when it ends within {@link #ENDING_SOON_MONTHS} months. Providers'
 * and services' profiles are read here; the service search ({@link ServiceSearch}), the
 * contracts ({@link RegisterContracts}) and the aggregate counts ({@link RegisterMarket})
 * have read models of their own, which this class hands on to.
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
			"commissioned", "live.ends_on", "distance", "distance_miles");

	private final JdbcClient jdbc;

	private final ServiceSearch search;

	private final RegisterContracts contracts;

	private final RegisterMarket market;

	Register(JdbcClient jdbc, ServiceSearch search, RegisterContracts contracts, RegisterMarket market) {
		this.jdbc = jdbc;
		this.search = search;
		this.contracts = contracts;
		this.market = market;
	}

	public Counts counts(ProviderScope scope) {
		return this.market.counts(scope);
	}

	/**
	 * Active services and their capacity by type, in the order of {@link ServiceType}.
	 */
	public List<TypeCount> activeServicesByType(ProviderScope scope) {
		return this.market.activeServicesByType(scope);
	}

	/** How many active services hold each current overall CQC rating. */
	public Map<CqcRating, Long> currentOverallRatings(ProviderScope scope) {
		return this.market.currentOverallRatings(scope);
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
		return this.search.services(filter, sort, page, pageSize, scope);
	}

	/**
	 * Every service matching a filter, in name order, one at a time (for downloads and
	 * maps).
	 */
	public long eachService(ServiceFilter filter, ProviderScope scope, Consumer<ServiceRow> consumer) {
		return this.search.eachService(filter, scope, consumer);
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
	/** The specialisms a service offers (none if it has said none, or is not found). */
	public java.util.Set<Specialism> specialisms(UUID serviceId) {
		java.util.Set<Specialism> specialisms = java.util.EnumSet.noneOf(Specialism.class);
		this.jdbc.sql("select unnest(specialisms) from care_service where id = :id")
			.param("id", serviceId)
			.query(String.class)
			.list()
			.forEach(name -> {
				try {
					specialisms.add(Specialism.valueOf(name));
				}
				catch (IllegalArgumentException ex) {
					// a specialism no longer offered is left out
				}
			});
		return specialisms;
	}

	public List<ServiceRow> servicesOf(UUID providerId, ProviderScope scope) {
		return this.search.servicesOf(providerId, scope);
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
		return this.contracts.contractsOf(serviceId);
	}

	/** The contracts of all of a provider's services, newest first. */
	public List<ContractRow> contractsOfProvider(UUID providerId) {
		return this.contracts.contractsOfProvider(providerId);
	}

	public Optional<ContractRow> contract(UUID id) {
		return this.contracts.contract(id);
	}

	/**
	 * Contracts in a state, soonest ending first for live ones and latest ended first for
	 * the rest.
	 */
	public Paged<ContractRow> contracts(ContractState state, boolean endingSoonOnly, int page, int pageSize) {
		return this.contracts.contracts(state, endingSoonOnly, page, pageSize);
	}

	/**
	 * Every contract in a state, in the list's order, one at a time, for exports.
	 * @return how many there were
	 */
	public long eachContract(ContractState state, boolean endingSoonOnly, Consumer<ContractRow> action) {
		return this.contracts.eachContract(state, endingSoonOnly, action);
	}

	/** Capacity of active services by locality and type, for the market map's table. */
	public List<LocalityCapacity> capacityByLocality(ServiceType onlyType, ProviderScope scope) {
		return this.market.capacityByLocality(onlyType, scope);
	}

}
