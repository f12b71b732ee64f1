package org.carecycle.providers.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.providers.ServiceDetails;
import org.carecycle.providers.ServiceType;
import org.carecycle.web.DateInput;

import org.springframework.validation.Errors;

/**
 * The add-a-service and change-a-service form.
 *
 * @param version the version the person started from (0 for a new service)
 * @param name the service's name
 * @param cqcLocationId its CQC location id
 * @param type a {@link ServiceType} name
 * @param clientGroups {@link ClientGroup} names
 * @param addressLine1 address line 1
 * @param addressLine2 address line 2
 * @param town town or city
 * @param postcode postcode
 * @param capacity beds, weekly hours or places
 * @param registeredManager the registered manager's name
 * @param registeredDay day it was registered
 * @param registeredMonth month it was registered
 * @param registeredYear year it was registered
 */
record ServiceForm(Integer version, String name, String cqcLocationId, String type, List<String> clientGroups,
		String addressLine1, String addressLine2, String town, String postcode, String capacity,
		String registeredManager, String registeredDay, String registeredMonth, String registeredYear) {

	static ServiceForm empty() {
		return new ServiceForm(0, "", "", null, List.of(), "", "", "", "", "", "", "", "", "");
	}

	static ServiceForm of(ServiceProfile service) {
		DateInput registered = DateInput.of(service.registeredOn());
		return new ServiceForm(service.version(), service.name(), service.cqcLocationId(), service.type().name(),
				service.clientGroups().stream().map(Enum::name).toList(), service.addressLine1(),
				service.addressLine2(), service.town(), service.postcode(),
				(service.capacity() != null) ? service.capacity().toString() : "", service.registeredManager(),
				registered.day(), registered.month(), registered.year());
	}

	/** The details, or null with the problems in {@code errors}. */
	ServiceDetails toDetails(Errors errors, Clock clock) {
		Checks checks = new Checks(errors);
		String checkedName = checks.required("name", this.name, "service.error.name.blank", 200,
				"service.error.name.long");
		var location = checks.cqcId("cqcLocationId", this.cqcLocationId, "1-545611283");
		ServiceType checkedType = checks.choice("type", this.type, ServiceType.class, "service.error.type");
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		List<String> chosen = (this.clientGroups != null) ? this.clientGroups : new ArrayList<>();
		for (String group : chosen) {
			for (ClientGroup candidate : ClientGroup.values()) {
				if (candidate.name().equals(group)) {
					groups.add(candidate);
				}
			}
		}
		if (groups.isEmpty()) {
			errors.rejectValue("clientGroups", "service.error.clientGroups");
		}
		String line1 = checks.required("addressLine1", this.addressLine1, "form.error.address.blank", 200,
				"form.error.address.long");
		String line2 = checks.optional("addressLine2", this.addressLine2, 200, "form.error.address.long");
		String checkedTown = checks.required("town", this.town, "form.error.town.blank", 100, "form.error.town.long");
		var checkedPostcode = checks.postcode("postcode", this.postcode, true);
		Integer checkedCapacity = checks.count("capacity", this.capacity, false, "service.capacity");
		String manager = checks.optional("registeredManager", this.registeredManager, 200,
				"service.error.manager.long");
		var registered = checks.pastDate("registered",
				new DateInput(this.registeredDay, this.registeredMonth, this.registeredYear), false,
				"service.registeredOn", clock);
		if (errors.hasErrors()) {
			return null;
		}
		return new ServiceDetails(checkedName, location, checkedType, groups, line1, line2, checkedTown,
				checkedPostcode, checkedCapacity, manager, registered);
	}

}
