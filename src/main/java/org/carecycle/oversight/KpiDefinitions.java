package org.carecycle.oversight;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs the council asks for, as administrators define them. A KPI is never deleted
 * (returns keep its code); it is made inactive, and stops being due.
 */
@Service
public class KpiDefinitions {

	private static final String COLUMNS = """
			id, version, code, name, hint, unit, frequency, service_types, per_capacity, highest, tolerance_above,
			tolerance_below, active, applies_from""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	KpiDefinitions(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every KPI, active ones first, in the order they are returned. */
	public List<Kpi> all() {
		return this.jdbc.sql("select " + COLUMNS + " from kpi order by active desc, frequency, code")
			.query((rs, n) -> kpi(rs))
			.list();
	}

	/** Every KPI by its code, for pages that show a return's figures. */
	public Map<String, Kpi> byCode() {
		Map<String, Kpi> byCode = new LinkedHashMap<>();
		all().forEach(kpi -> byCode.put(kpi.code(), kpi));
		return byCode;
	}

	/** The KPIs a service of this type owes for a period, in a stable order. */
	public List<Kpi> dueFor(ServiceType type, KpiPeriod period) {
		return all().stream().filter(kpi -> kpi.isDueFor(type, period)).toList();
	}

	public Optional<Kpi> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from kpi where id = :id")
			.param("id", id)
			.query((rs, n) -> kpi(rs))
			.optional();
	}

	/** What an administrator enters for a KPI. Numbers are text until checked. */
	public record Draft(String code, String name, String hint, Kpi.Unit unit, KpiPeriod.Frequency frequency,
			Set<ServiceType> serviceTypes, boolean perCapacity, String highest, String toleranceAbove,
			String toleranceBelow, boolean active) {
	}

	/**
	 * The problems with a draft, as message keys by field; empty when it can be saved.
	 * @param existing the KPI being changed, or null for a new one
	 */
	public Map<String, String> check(Draft draft, Kpi existing) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (existing == null) {
			String code = (draft.code() != null) ? draft.code().strip() : "";
			if (code.isEmpty()) {
				errors.put("code", "kpi.code.missing");
			}
			else if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
				errors.put("code", "kpi.code.format");
			}
			else if (this.jdbc.sql("select exists (select 1 from kpi where code = :code)")
				.param("code", code)
				.query(Boolean.class)
				.single()) {
				errors.put("code", "kpi.code.taken");
			}
		}
		if (draft.name() == null || draft.name().isBlank()) {
			errors.put("name", "kpi.name.missing");
		}
		else if (draft.name().strip().length() > 200) {
			errors.put("name", "kpi.name.tooLong");
		}
		if (draft.hint() != null && draft.hint().strip().length() > 500) {
			errors.put("hint", "kpi.hint.tooLong");
		}
		if (draft.unit() == null) {
			errors.put("unit", "kpi.unit.missing");
		}
		if (draft.frequency() == null) {
			errors.put("frequency", "kpi.frequency.missing");
		}
		if (draft.serviceTypes() == null || draft.serviceTypes().isEmpty()) {
			errors.put("serviceTypes", "kpi.serviceTypes.missing");
		}
		BigDecimal highest = (draft.unit() == Kpi.Unit.PERCENT) ? BigDecimal.valueOf(100)
				: number(draft.highest(), "highest", true, errors);
		if (highest != null && highest.signum() <= 0) {
			errors.put("highest", "kpi.highest.positive");
		}
		BigDecimal above = number(draft.toleranceAbove(), "toleranceAbove", false, errors);
		BigDecimal below = number(draft.toleranceBelow(), "toleranceBelow", false, errors);
		if (above != null && below != null && below.compareTo(above) > 0) {
			errors.put("toleranceBelow", "kpi.tolerance.order");
		}
		return errors;
	}

	private static BigDecimal number(String text, String field, boolean required, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.put(field, "kpi." + field + ".missing");
			}
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip().replace(",", ""));
			if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 10) {
				errors.put(field, "kpi.number.format");
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.put(field, "kpi.number.format");
			return null;
		}
	}

	/** Adds a KPI, due from the current month. Call {@link #check} first. */
	@Transactional
	public Kpi add(Draft draft) {
		requireValid(draft, null);
		UUID id = UUID.randomUUID();
		LocalDate from = UkTime.today(this.clock).withDayOfMonth(1);
		this.jdbc.sql("""
				insert into kpi (id, version, code, name, hint, unit, frequency, service_types, per_capacity, highest,
				                 tolerance_above, tolerance_below, active, applies_from, created_at, updated_at)
				values (:id, 0, :code, :name, :hint, :unit, :frequency, :types, :perCapacity, :highest, :above, :below,
				        :active, :from, :now, :now)""")
			.param("id", id)
			.param("code", draft.code().strip())
			.params(values(draft))
			.param("from", Date.valueOf(from))
			.update();
		Kpi added = find(id).orElseThrow();
		this.audit.created("Kpi", id, audited(added));
		return added;
	}

	/** Changes a KPI, unless someone else changed it since {@code version} was read. */
	@Transactional
	public Kpi change(UUID id, int version, Draft draft) {
		Kpi existing = find(id).orElseThrow(() -> new RecordNotFoundException("No such KPI"));
		requireValid(draft, existing);
		int changed = this.jdbc
			.sql("""
					update kpi set version = version + 1, name = :name, hint = :hint, unit = :unit, frequency = :frequency,
					       service_types = :types, per_capacity = :perCapacity, highest = :highest, tolerance_above = :above,
					       tolerance_below = :below, active = :active, updated_at = :now
					where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.params(values(draft))
			.update();
		if (changed == 0) {
			throw new ChangedByOthersException();
		}
		Kpi changedTo = find(id).orElseThrow();
		this.audit.changed("Kpi", id, audited(existing), audited(changedTo));
		return changedTo;
	}

	private static Map<String, Object> audited(Kpi kpi) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", kpi.code());
		values.put("name", kpi.name());
		values.put("hint", kpi.hint());
		values.put("unit", kpi.unit().name());
		values.put("frequency", kpi.frequency().name());
		values.put("serviceTypes", kpi.serviceTypes().stream().map(Enum::name).sorted().toList().toString());
		values.put("perCapacity", kpi.perCapacity());
		values.put("highest", kpi.highest().stripTrailingZeros().toPlainString());
		values.put("toleranceAbove",
				(kpi.toleranceAbove() != null) ? kpi.toleranceAbove().stripTrailingZeros().toPlainString() : null);
		values.put("toleranceBelow",
				(kpi.toleranceBelow() != null) ? kpi.toleranceBelow().stripTrailingZeros().toPlainString() : null);
		values.put("active", kpi.active());
		return values;
	}

	private void requireValid(Draft draft, Kpi existing) {
		Map<String, String> errors = check(draft, existing);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("The KPI is not valid: " + errors);
		}
	}

	private Map<String, Object> values(Draft draft) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", draft.name().strip());
		values.put("hint", (draft.hint() == null || draft.hint().isBlank()) ? null : draft.hint().strip());
		values.put("unit", draft.unit().name());
		values.put("frequency", draft.frequency().name());
		values.put("types", draft.serviceTypes().stream().map(Enum::name).sorted().toArray(String[]::new));
		values.put("perCapacity", draft.perCapacity());
		values.put("highest",
				(draft.unit() == Kpi.Unit.PERCENT) ? BigDecimal.valueOf(100) : new BigDecimal(draft.highest().strip()));
		values.put("above", decimal(draft.toleranceAbove()));
		values.put("below", decimal(draft.toleranceBelow()));
		values.put("active", draft.active());
		values.put("now", Timestamp.from(this.clock.instant()));
		return values;
	}

	private static BigDecimal decimal(String text) {
		return (text == null || text.isBlank()) ? null : new BigDecimal(text.strip().replace(",", ""));
	}

	/**
	 * Makes every KPI due from an earlier date (the demo's history of returns starts
	 * before the KPIs were installed).
	 */
	@Transactional
	public void dueFrom(LocalDate date) {
		this.jdbc.sql("update kpi set applies_from = :from where applies_from > :from")
			.param("from", Date.valueOf(date))
			.update();
	}

	private static Kpi kpi(ResultSet rs) throws SQLException {
		Set<ServiceType> types = EnumSet.noneOf(ServiceType.class);
		Array array = rs.getArray("service_types");
		for (String type : (String[]) array.getArray()) {
			types.add(ServiceType.valueOf(type));
		}
		return new Kpi(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("code"), rs.getString("name"),
				rs.getString("hint"), Kpi.Unit.valueOf(rs.getString("unit")),
				KpiPeriod.Frequency.valueOf(rs.getString("frequency")), types, rs.getBoolean("per_capacity"),
				rs.getBigDecimal("highest"), rs.getBigDecimal("tolerance_above"), rs.getBigDecimal("tolerance_below"),
				rs.getBoolean("active"), rs.getDate("applies_from").toLocalDate());
	}

}
