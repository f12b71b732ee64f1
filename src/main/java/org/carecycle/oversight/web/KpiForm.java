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
 * What an administrator enters for a KPI; a bean because the form fragments bind to one.
 */
public class KpiForm {

	private int version;

	private String code;

	private String name;

	private String hint;

	private String unit;

	private String frequency;

	private List<String> serviceTypes = new ArrayList<>();

	private boolean perCapacity;

	private String highest;

	private String toleranceAbove;

	private String toleranceBelow;

	private boolean active = true;

	static KpiForm of(Kpi kpi) {
		KpiForm form = new KpiForm();
		form.version = kpi.version();
		form.code = kpi.code();
		form.name = kpi.name();
		form.hint = kpi.hint();
		form.unit = kpi.unit().name();
		form.frequency = kpi.frequency().name();
		form.serviceTypes = kpi.serviceTypes().stream().map(Enum::name).toList();
		form.perCapacity = kpi.perCapacity();
		form.highest = plain(kpi.highest());
		form.toleranceAbove = plain(kpi.toleranceAbove());
		form.toleranceBelow = plain(kpi.toleranceBelow());
		form.active = kpi.active();
		return form;
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

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getHint() {
		return this.hint;
	}

	public void setHint(String hint) {
		this.hint = hint;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getFrequency() {
		return this.frequency;
	}

	public void setFrequency(String frequency) {
		this.frequency = frequency;
	}

	public List<String> getServiceTypes() {
		return this.serviceTypes;
	}

	public void setServiceTypes(List<String> serviceTypes) {
		this.serviceTypes = serviceTypes;
	}

	public boolean isPerCapacity() {
		return this.perCapacity;
	}

	public void setPerCapacity(boolean perCapacity) {
		this.perCapacity = perCapacity;
	}

	public String getHighest() {
		return this.highest;
	}

	public void setHighest(String highest) {
		this.highest = highest;
	}

	public String getToleranceAbove() {
		return this.toleranceAbove;
	}

	public void setToleranceAbove(String toleranceAbove) {
		this.toleranceAbove = toleranceAbove;
	}

	public String getToleranceBelow() {
		return this.toleranceBelow;
	}

	public void setToleranceBelow(String toleranceBelow) {
		this.toleranceBelow = toleranceBelow;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
