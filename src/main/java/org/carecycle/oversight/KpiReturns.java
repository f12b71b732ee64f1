package org.carecycle.oversight;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;
import org.postgresql.PGConnection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPI returns: what each commissioned service owes, sending a return (from the portal, a
 * CSV file or the API, all checked the same way), and the late, missing and out of
 * tolerance returns the council looks at. A return for a period is sent once: sending the
 * same figures again changes nothing, sending different ones is refused.
 */
@Service
public class KpiReturns {

	/** How a return reached the council. */
	public enum Channel {

		PORTAL, UPLOAD, API, DEMO;

		public String messageKey() {
			return "kpi.channel." + name();
		}

	}

	/** What became of a return that was sent. */
	public enum Outcome {

		/** Saved. */
		CREATED,
		/**
		 * The same figures for the same period had already been sent: nothing changed.
		 */
		UNCHANGED,
		/** The return has mistakes; see the problems. */
		INVALID,
		/** Different figures for the same period had already been sent. */
		CONFLICT,
		/** No such service for this user. */
		NOT_FOUND

	}

	/**
	 * A mistake in a return, for the field it is about ({@code period} or a KPI code).
	 */
	public record Problem(String field, String message) {
	}

	/** The result of sending a return. */
	public record Result(Outcome outcome, KpiReturn saved, List<Problem> problems) {

		public boolean accepted() {
			return this.outcome == Outcome.CREATED || this.outcome == Outcome.UNCHANGED;
		}

	}

	/** A return as stored. */
	public record KpiReturn(UUID id, UUID serviceId, String serviceName, UUID providerId, String providerName,
			KpiPeriod period, Map<String, BigDecimal> values, List<String> breaches, boolean late, Channel channel,
			Instant submittedAt, String submittedByName) {

		public boolean isBreached() {
			return !this.breaches.isEmpty();
		}

		public boolean breached(String code) {
			return this.breaches.contains(code);
		}

	}

	/** The service a return is about, as far as returns need to know it. */
	record ReturningService(UUID id, String name, UUID providerId, ServiceType type, Double capacity) {
	}

	static final String RETURN_COLUMNS = """
			r.id, r.care_service_id, s.name as service_name, r.provider_id, p.name as provider_name, r.frequency,
			r.period_start, r.kpi_values::text as kpi_values, r.breaches, r.late, r.channel, r.submitted_at,
			r.submitted_by_name""";

	static final String RETURN_FROM = """
			kpi_return r join providers_service s on s.id = r.care_service_id join providers_provider p on p.id = r.provider_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final KpiDefinitions definitions;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final OwedReturns owedReturns;

	private final JsonMapper json = JsonMapper.builder().build();

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", Locale.UK);

	KpiReturns(JdbcClient jdbc, JdbcTemplate jdbcTemplate, KpiDefinitions definitions, ApplicationEventPublisher events,
			MessageSource messages, Clock clock, OwedReturns owedReturns) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.definitions = definitions;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.owedReturns = owedReturns;
	}

	public LocalDate today() {
		return UkTime.today(this.clock);
	}

	// Sending
	// --------------------

	/**
	 * Checks a return without saving it: the problems, or none.
	 * @param values the figures as written, by KPI code
	 */
	public Result check(ProviderScope scope, UUID serviceId, String period, Map<String, String> values) {
		return checked(scope, serviceId, period, values).result();
	}

	/** Checks and saves a return, and tells the rest of CareCycle. */
	@Transactional
	public Result submit(ProviderScope scope, UUID serviceId, String period, Map<String, String> values,
			Channel channel, SignedInUser by) {
		Checked checked = checked(scope, serviceId, period, values);
		if (checked.result().outcome() != Outcome.CREATED) {
			return checked.result();
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		boolean late = today().isAfter(checked.period().dueOn());
		int inserted = this.jdbc
			.sql("""
					insert into kpi_return (id, care_service_id, provider_id, frequency, period_start, period_end, due_on,
					                        kpi_values, breaches, late, channel, submitted_at, submitted_by, submitted_by_name)
					values (:id, :service, :provider, :frequency, :start, :end, :due, :values::jsonb, :breaches, :late,
					        :channel, :now, :by, :byName)
					on conflict (care_service_id, frequency, period_start) do nothing""")
			.param("id", id)
			.param("service", checked.service().id())
			.param("provider", checked.service().providerId())
			.param("frequency", checked.period().frequency().name())
			.param("start", Date.valueOf(checked.period().start()))
			.param("end", Date.valueOf(checked.period().end()))
			.param("due", Date.valueOf(checked.period().dueOn()))
			.param("values", write(checked.values()))
			.param("breaches", checked.breaches().toArray(String[]::new))
			.param("late", late)
			.param("channel", channel.name())
			.param("now", Timestamp.from(now))
			.param("by", (by != null) ? by.id() : null)
			.param("byName", (by != null) ? by.displayName() : "CareCycle")
			.update();
		if (inserted == 0) {
			// someone sent this period a moment ago: judge against what they sent
			return checked(scope, serviceId, period, values).result();
		}
		KpiReturn saved = find(ProviderScope.everything(), id).orElseThrow();
		if (late && !checked.period().end().isBefore(today().minusMonths(12))) {
			this.owedReturns.overdueSent();
		}
		this.events.publishEvent(new KpiReturnSent(id, checked.service().id(), checked.service().providerId(),
				checked.period().label(), List.copyOf(checked.breaches()), late));
		return new Result(Outcome.CREATED, saved, List.of());
	}

	/** A KPI return reached the council. */
	public record KpiReturnSent(UUID returnId, UUID careServiceId, UUID providerId, String period,
			List<String> breaches, boolean late) {
	}

	private record Checked(Result result, ReturningService service, KpiPeriod period, Map<String, BigDecimal> values,
			List<String> breaches) {
	}

	private Checked checked(ProviderScope scope, UUID serviceId, String periodText, Map<String, String> values) {
		Optional<ReturningService> found = (serviceId != null) ? service(scope, serviceId) : Optional.empty();
		if (found.isEmpty()) {
			return invalid(Outcome.NOT_FOUND, List.of(new Problem("service", text("kpi.return.noService"))));
		}
		ReturningService service = found.get();
		Optional<KpiPeriod> parsed = KpiPeriod.parse(periodText);
		if (parsed.isEmpty()) {
			return invalid(Outcome.INVALID, List.of(new Problem("period", text("kpi.return.period.format"))));
		}
		KpiPeriod period = parsed.get();
		if (!period.isOverOn(today())) {
			return invalid(Outcome.INVALID,
					List.of(new Problem("period", text("kpi.return.period.notOver", period.displayName()))));
		}
		List<Kpi> due = this.definitions.dueFor(service.type(), period);
		if (due.isEmpty()) {
			return invalid(Outcome.INVALID,
					List.of(new Problem("period", text("kpi.return.period.nothingDue", period.displayName()))));
		}
		if (!commissioned(service.id(), period)) {
			return invalid(Outcome.INVALID,
					List.of(new Problem("period", text("kpi.return.period.notCommissioned", period.displayName()))));
		}
		Map<String, String> given = (values != null) ? values : Map.of();
		List<Problem> problems = new ArrayList<>();
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		List<String> breaches = new ArrayList<>();
		for (Kpi kpi : due) {
			String raw = given.get(kpi.code());
			Optional<String> problem = problem(kpi, raw);
			if (problem.isPresent()) {
				problems.add(new Problem(kpi.code(), problem.get()));
				continue;
			}
			BigDecimal value = new BigDecimal(raw.strip().replace(",", "")).stripTrailingZeros();
			if (value.scale() < 0) {
				value = value.setScale(0);
			}
			figures.put(kpi.code(), value);
			if (kpi.isOutOfTolerance(value, service.capacity())) {
				breaches.add(kpi.code());
			}
		}
		for (String code : given.keySet()) {
			if (due.stream().noneMatch(kpi -> kpi.code().equals(code))) {
				// a code is echoed back only when it looks like one, never markup or
				// worse
				boolean readable = code != null && code.matches("[A-Za-z0-9_]{1,40}");
				problems.add(readable ? new Problem(code, text("kpi.return.unknownKpi", code, period.displayName()))
						: new Problem("values", text("kpi.return.unreadableKpi", period.displayName())));
			}
		}
		if (!problems.isEmpty()) {
			return invalid(Outcome.INVALID, problems);
		}
		Optional<KpiReturn> sent = sent(service.id(), period);
		if (sent.isPresent()) {
			if (sameFigures(sent.get().values(), figures)) {
				return new Checked(new Result(Outcome.UNCHANGED, sent.get(), List.of()), service, period, figures,
						breaches);
			}
			return invalid(Outcome.CONFLICT, List.of(new Problem("period", text("kpi.return.alreadySent",
					period.displayName(), DAY.format(LocalDate.ofInstant(sent.get().submittedAt(), UkTime.ZONE))))));
		}
		return new Checked(new Result(Outcome.CREATED, null, List.of()), service, period, figures, breaches);
	}

	private static boolean sameFigures(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
	}

	private Optional<String> problem(Kpi kpi, String raw) {
		String name = kpi.nameInSentence();
		if (raw == null || raw.isBlank()) {
			return Optional.of(text("kpi.value.missing", name));
		}
		String written = raw.strip().replace(",", "");
		if (written.length() > 20 || !written.matches("-?[0-9]*\\.?[0-9]+")) {
			return Optional.of(text((kpi.unit() == Kpi.Unit.NUMBER) ? "kpi.value.notWhole" : "kpi.value.notNumber",
					capitalised(name)));
		}
		BigDecimal value = new BigDecimal(written);
		if (value.signum() < 0) {
			return Optional.of(text("kpi.value.negative", capitalised(name)));
		}
		if (kpi.unit() == Kpi.Unit.NUMBER && value.stripTrailingZeros().scale() > 0) {
			return Optional.of(text("kpi.value.notWhole", capitalised(name)));
		}
		if (value.stripTrailingZeros().scale() > 2) {
			return Optional.of(text("kpi.value.decimals", capitalised(name)));
		}
		if (value.compareTo(kpi.highest()) > 0) {
			return Optional
				.of(text("kpi.value.tooHigh", capitalised(name), kpi.highest().stripTrailingZeros().toPlainString()));
		}
		return Optional.empty();
	}

	private static String capitalised(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private Checked invalid(Outcome outcome, List<Problem> problems) {
		return new Checked(new Result(outcome, null, List.copyOf(problems)), null, null, null, null);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	private String write(Map<String, BigDecimal> values) {
		return this.json.writeValueAsString(values);
	}

	Optional<ReturningService> service(ProviderScope scope, UUID serviceId) {
		return this.jdbc
			.sql("""
					select s.id, s.name, s.provider_id, s.service_type, s.beds, s.places, s.weekly_hours
					from providers_service s where s.id = :id and s.status = 'ACTIVE'""" + " and "
					+ scope.sql("s.provider_id"))
			.param("id", serviceId)
			.params(scope.parameters())
			.query((rs, n) -> {
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				return new ReturningService(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getObject("provider_id", UUID.class), type,
						RiskProfiles.capacity(type, (Integer) rs.getObject("beds"), (Integer) rs.getObject("places"),
								(Integer) rs.getObject("weekly_hours")));
			})
			.optional();
	}

	private boolean commissioned(UUID serviceId, KpiPeriod period) {
		return this.jdbc.sql("""
				select exists (select 1 from providers_contract c where c.care_service_id = :id and c.starts_on <= :end
				               and c.ends_on >= :end)""")
			.param("id", serviceId)
			.param("end", Date.valueOf(period.end()))
			.query(Boolean.class)
			.single();
	}

	// Reading
	// --------------------

	public Optional<KpiReturn> find(ProviderScope scope, UUID id) {
		return this.jdbc
			.sql("select " + RETURN_COLUMNS + " from " + RETURN_FROM + " where r.id = :id and "
					+ scope.sql("r.provider_id"))
			.param("id", id)
			.params(scope.parameters())
			.query((rs, n) -> kpiReturn(rs))
			.optional();
	}

	Optional<KpiReturn> sent(UUID serviceId, KpiPeriod period) {
		return this.jdbc
			.sql("select " + RETURN_COLUMNS + " from " + RETURN_FROM
					+ " where r.care_service_id = :id and r.frequency = :frequency and r.period_start = :start")
			.param("id", serviceId)
			.param("frequency", period.frequency().name())
			.param("start", Date.valueOf(period.start()))
			.query((rs, n) -> kpiReturn(rs))
			.optional();
	}

	/** The latest returns of the services in scope, newest first. */
	public List<KpiReturn> latest(ProviderScope scope, int limit) {
		return this.jdbc
			.sql("select " + RETURN_COLUMNS + " from " + RETURN_FROM + " where " + scope.sql("r.provider_id")
					+ " order by r.submitted_at desc, s.name limit :limit")
			.params(scope.parameters())
			.param("limit", limit)
			.query((rs, n) -> kpiReturn(rs))
			.list();
	}

	/** One service's returns, newest period first. */
	public List<KpiReturn> ofService(ProviderScope scope, UUID serviceId, int limit) {
		return this.jdbc
			.sql("select " + RETURN_COLUMNS + " from " + RETURN_FROM + " where r.care_service_id = :id and "
					+ scope.sql("r.provider_id") + " order by r.period_start desc, r.frequency limit :limit")
			.param("id", serviceId)
			.params(scope.parameters())
			.param("limit", limit)
			.query((rs, n) -> kpiReturn(rs))
			.list();
	}

	/** Returns with a figure out of tolerance sent since a date, newest first. */
	public List<KpiReturn> outOfTolerance(LocalDate since, int limit) {
		return this.jdbc
			.sql("select " + RETURN_COLUMNS + " from " + RETURN_FROM
					+ " where r.submitted_at >= :since and cardinality(r.breaches) > 0 and s.status = 'ACTIVE'"
					+ " order by r.submitted_at desc, s.name limit :limit")
			.param("since", Timestamp.from(since.atStartOfDay(UkTime.ZONE).toInstant()))
			.param("limit", limit)
			.query((rs, n) -> kpiReturn(rs))
			.list();
	}

	private KpiReturn kpiReturn(ResultSet rs) throws SQLException {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		this.json.readTree(rs.getString("kpi_values"))
			.properties()
			.forEach(e -> values.put(e.getKey(), e.getValue().decimalValue()));
		KpiPeriod period = new KpiPeriod(KpiPeriod.Frequency.valueOf(rs.getString("frequency")),
				rs.getDate("period_start").toLocalDate());
		return new KpiReturn(rs.getObject("id", UUID.class), rs.getObject("care_service_id", UUID.class),
				rs.getString("service_name"), rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
				period, values, Arrays.asList((String[]) rs.getArray("breaches").getArray()), rs.getBoolean("late"),
				Channel.valueOf(rs.getString("channel")), rs.getTimestamp("submitted_at").toInstant(),
				rs.getString("submitted_by_name"));
	}

	// What is owed
	// --------------------

	/** A return a service owes and has not sent. */
	public record Owed(UUID serviceId, String serviceName, ServiceType serviceType, UUID providerId,
			String providerName, KpiPeriod period, LocalDate dueOn, boolean overdue) {

		/** The KPIs this return needs, of every KPI there is. */
		public List<Kpi> kpis(List<Kpi> all) {
			return all.stream().filter(kpi -> kpi.isDueFor(this.serviceType, this.period)).toList();
		}

	}

	/**
	 * The returns the services in scope owe for periods that ended in the last
	 * {@code months} months, earliest due first.
	 */
	public List<Owed> owed(ProviderScope scope, int months, int limit) {
		return this.owedReturns.owed(scope, months, limit);
	}

	/** The next dashboard counts overdue returns again, before it shows them. */
	void recountOverdue() {
		this.owedReturns.recountOverdue();
	}

	/**
	 * How many returns are overdue across the council, for the dashboard: see
	 * {@link OwedReturns#overdueCount()}.
	 */
	public long overdueCount() {
		return this.owedReturns.overdueCount();
	}

	/** The KPIs a service owes for a period, for the form that asks for them. */
	public Optional<Form> form(ProviderScope scope, UUID serviceId, KpiPeriod period) {
		return service(scope, serviceId).map(service -> new Form(service.id(), service.name(), period,
				this.definitions.dueFor(service.type(), period), sent(service.id(), period).orElse(null),
				service.capacity(), service.type()));
	}

	/** What a return's form needs: the KPIs and, once sent, the return. */
	public record Form(UUID serviceId, String serviceName, KpiPeriod period, List<Kpi> kpis, KpiReturn sent,
			Double capacity, ServiceType type) {
	}

	// Loading history
	// --------------------

	/** A return from before CareCycle, or from the demo. */
	public record PastReturn(UUID serviceId, UUID providerId, KpiPeriod period, Map<String, BigDecimal> values,
			List<String> breaches, Instant submittedAt) {
	}

	/**
	 * Loads returns in bulk with PostgreSQL's COPY, in the caller's transaction (history
	 * from before CareCycle, the demo, the national bench dataset). Returns must be new:
	 * a period already held is an error, as a load is all or nothing.
	 */
	@Transactional
	public int load(List<PastReturn> returns) {
		if (returns.isEmpty()) {
			return 0;
		}
		StringBuilder csv = new StringBuilder(returns.size() * 260);
		for (PastReturn r : returns) {
			csv.append(UUID.randomUUID())
				.append(',')
				.append(r.serviceId())
				.append(',')
				.append(r.providerId())
				.append(',')
				.append(r.period().frequency().name())
				.append(',')
				.append(r.period().start())
				.append(',')
				.append(r.period().end())
				.append(',')
				.append(r.period().dueOn())
				.append(",\"")
				.append(write(r.values()).replace("\"", "\"\""))
				.append("\",\"{")
				.append(String.join(",", r.breaches()))
				.append("}\",")
				.append(LocalDate.ofInstant(r.submittedAt(), UkTime.ZONE).isAfter(r.period().dueOn()) ? 't' : 'f')
				.append(",DEMO,")
				.append(r.submittedAt())
				.append(",,Demo data\n");
		}
		String text = csv.toString();
		return this.jdbcTemplate.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy kpi_return (id, care_service_id, provider_id, frequency, period_start, period_end, "
							+ "due_on, kpi_values, breaches, late, channel, submitted_at, submitted_by, "
							+ "submitted_by_name) from stdin with (format csv)", new StringReader(text));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).intValue();
	}

}
