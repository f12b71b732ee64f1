package org.carecycle.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.carecycle.demo.DemoGeography.DistrictSpec;
import org.carecycle.providers.Ownership;
import org.carecycle.providers.RegisterLoader.NewGroup;
import org.carecycle.providers.RegisterLoader.NewProvider;
import org.carecycle.providers.ServiceType;

/**
 * Names for the demo county's groups, providers and services: plausible, fictional and
 * unique (a clash gets the town, then a number).
 */
final class DemoNaming {

	private final Random random;

	private final String councilArea;

	private final Set<String> usedNames = new HashSet<>();

	DemoNaming(Random random, String councilArea) {
		this.random = random;
		this.councilArea = councilArea;
	}

	String group() {
		return uniqueName(groupName());
	}

	String provider(ProviderKind kind, Ownership ownership, NewGroup group) {
		return uniqueName(providerName(kind, ownership, group));
	}

	String service(NewProvider provider, ServiceType type, DistrictSpec district) {
		return uniqueName(serviceName(provider, type, district), district.town());
	}

	private String providerName(ProviderKind kind, Ownership ownership, NewGroup group) {
		String place = Names.cornishPlace(this.random);
		String quality = Names.pick(this.random, Names.QUALITIES);
		String surname = Names.pick(this.random, Names.SURNAMES);
		if (ownership == Ownership.COUNCIL) {
			return this.councilArea + " Council Adult Day Services";
		}
		if (ownership == Ownership.NHS) {
			return quality + " Community Health NHS Trust";
		}
		if (ownership == Ownership.VOLUNTARY) {
			return switch (this.random.nextInt(5)) {
				case 0 -> quality + " Support Trust";
				case 1 -> place + " Community Care";
				case 2 -> place + " Housing and Support";
				case 3 -> "St " + Names.pick(this.random, Names.SAINTS) + " Foundation";
				default -> (kind == ProviderKind.SHARED_LIVES) ? quality + " Shared Lives" : quality + " Lives CIC";
			};
		}
		if (group != null && this.random.nextBoolean()) {
			return group.name().replace(" Group", "") + " (" + place + ") Ltd";
		}
		return switch (kind) {
			case HOME_CARE_AGENCY -> switch (this.random.nextInt(4)) {
				case 0 -> quality + " Homecare Ltd";
				case 1 -> place + " Home Care Ltd";
				case 2 -> surname + " Care at Home Ltd";
				default -> quality + " Care Services Ltd";
			};
			case CARE_HOME_OPERATOR -> switch (this.random.nextInt(4)) {
				case 0 -> place + " Care Ltd";
				case 1 -> surname + " Care Homes Ltd";
				case 2 -> quality + " Healthcare Ltd";
				default -> surname + " and " + Names.pick(this.random, Names.SURNAMES) + " Care Ltd";
			};
			default -> switch (this.random.nextInt(3)) {
				case 0 -> quality + " Support Services Ltd";
				case 1 -> place + " Care and Support Ltd";
				default -> surname + " Supported Living Ltd";
			};
		};
	}

	private String groupName() {
		return switch (this.random.nextInt(3)) {
			case 0 -> Names.pick(this.random, Names.QUALITIES) + " Care Group";
			case 1 -> Names.cornishPlace(this.random) + " Healthcare Group";
			default -> Names.pick(this.random, Names.SURNAMES) + " Care Group";
		};
	}

	private String serviceName(NewProvider provider, ServiceType type, DistrictSpec district) {
		String shortName = provider.name().replace(" Ltd", "").replace(" CIC", "");
		return switch (type) {
			case CARE_HOME, CARE_HOME_NURSING -> switch (this.random.nextInt(5)) {
				case 0, 1 -> Names.cornishPlace(this.random) + " " + Names.pick(this.random, Names.HOME_WORDS);
				case 2 ->
					"St " + Names.pick(this.random, Names.SAINTS) + "'s " + Names.pick(this.random, Names.HOME_WORDS);
				case 3 -> "The " + Names.pick(this.random, Names.TREES);
				default -> Names.pick(this.random, Names.SURNAMES) + " " + Names.pick(this.random, Names.HOME_WORDS);
			} + ((type == ServiceType.CARE_HOME_NURSING && this.random.nextBoolean()) ? " Nursing Home" : "");
			case HOME_CARE -> shortName + " - " + district.town();
			case SUPPORTED_LIVING ->
				this.random.nextBoolean() ? Names.pick(this.random, Names.STREETS) + " Supported Living"
						: shortName + " Supported Living " + district.town();
			case EXTRA_CARE -> Names.cornishPlace(this.random) + " Court";
			case SHARED_LIVES -> this.councilArea + " Shared Lives";
			case DAY_SERVICE -> switch (this.random.nextInt(3)) {
				case 0 -> district.town() + " Day Centre";
				case 1 -> Names.cornishPlace(this.random) + " Resource Centre";
				default -> district.town() + " Community Hub";
			};
		};
	}

	private String uniqueName(String name, String town) {
		if (this.usedNames.add(name)) {
			return name;
		}
		String withTown = name + ", " + town;
		if (!withTown.equals(name) && this.usedNames.add(withTown)) {
			return withTown;
		}
		return uniqueName(name);
	}

	private String uniqueName(String name) {
		String candidate = name;
		for (int n = 2; !this.usedNames.add(candidate); n++) {
			candidate = name + " " + n;
		}
		return candidate;
	}

}
