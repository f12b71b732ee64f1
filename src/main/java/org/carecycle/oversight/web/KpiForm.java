package org.carecycle.oversight.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carecycle.oversight.Kpi;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiPeriod;
import org.carecycle.providers.ServiceType;

/**
 * What an administrator enters for a KPI.
 *
 * @param version the version of the KPI the administrator started from (0 for a new one)
 * @param code its code (only for a new KPI: a KPI keeps its code)
 * @param name its name
 * @param hint what providers are told about it
 * @param unit a {@link Kpi.Unit} name
 * @param frequency a {@link KpiPeriod.Frequency} name
 * @param serviceTypes the {@link ServiceType} names it is asked of
 * @param perCapacity whether the figure is divided by the service's capacity
 * @param highest the highest figure accepted, as typed
 * @param toleranceAbove how far above the expected figure is tolerated, as typed
 * @param toleranceBelow how far below, as typed
 * @param active whether it is asked for (null, when the box was not on the page at all,
 * is active)
 */
record KpiForm(Integer version, String code, String name, String hint, String unit, String frequency,
		List<String> serviceTypes, Boolean perCapacity, String highest, String toleranceAbove, String toleranceBelow,
		Boolean active) {

	KpiForm {
		version = (version != null) ? version : 0;
		serviceTypes = (serviceTypes != null) ? serviceTypes : new ArrayList<>();
		perCapacity = (perCapacity != null) ? perCapacity : Boolean.FALSE;
		active = (active != null) ? active : Boolean.TRUE;
	}

	static KpiForm empty() {
		return new KpiForm(0, null, null, null, null, null, null, false, null, null, null, true);
	}

	static KpiForm of(Kpi kpi) {
		return new KpiForm(kpi.version(), kpi.code(), kpi.name(), kpi.hint(), kpi.unit().name(), kpi.frequency().name(),
				kpi.serviceTypes().stream().map(Enum::name).toList(), kpi.perCapacity(), plain(kpi.highest()),
				plain(kpi.toleranceAbove()), plain(kpi.toleranceBelow()), kpi.active());
	}

	/** The same answers for the KPI with this code (a KPI's code never changes). */
	KpiForm withCode(String code) {
		return new KpiForm(this.version, code, this.name, this.hint, this.unit, this.frequency, this.serviceTypes,
				this.perCapacity, this.highest, this.toleranceAbove, this.toleranceBelow, this.active);
	}

	private static String plain(java.math.BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

	KpiDefinitions.Draft toDraft() {
		Set<ServiceType> types = EnumSet.noneOf(ServiceType.class);
		if (this.serviceTypes != null) {
			for (String type : this.serviceTypes) {
				for (ServiceType known : ServiceType.values()) {
					if (known.name().equals(type)) {
						types.add(known);
					}
				}
			}
		}
		return new KpiDefinitions.Draft(
				(this.code != null) ? this.code.strip().toUpperCase(java.util.Locale.ROOT) : null, this.name, this.hint,
				known(Kpi.Unit.values(), this.unit), known(KpiPeriod.Frequency.values(), this.frequency), types,
				this.perCapacity, this.highest, this.toleranceAbove, this.toleranceBelow, this.active);
	}

	private static <E extends Enum<E>> E known(E[] values, String name) {
		for (E value : values) {
			if (value.name().equals(name)) {
				return value;
			}
		}
		return null;
	}

}
