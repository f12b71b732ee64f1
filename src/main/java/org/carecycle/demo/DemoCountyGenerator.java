package org.carecycle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.carecycle.demo.DemoCounty.DemoUser;
import org.carecycle.demo.DemoGeography.DistrictSpec;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.Coordinates;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.Ownership;
import org.carecycle.providers.RegisterLoader.NewContact;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewGroup;
import org.carecycle.providers.RegisterLoader.NewProvider;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Role;

/**
 * Generates a fictional but realistic care market. Pure and deterministic: the same
 * geography, scale, seed and date always give the same county, down to every id.
 *
 * <p>
 * The shape follows the English market: most providers run one or two services, a few
 * groups run many; care homes and home care dominate; about three in four services are
 * rated Good. Quality is correlated within a provider (a latent score per provider plus
 * noise per service) and over time (a random walk back from today's rating), and a few
 * services have deteriorated recently, so the later oversight modules have something to
 * find.
 */
final class DemoCountyGenerator {

	/** Providers per unit of scale. */
	static final int PROVIDERS_PER_SCALE = 300;

	/** Corporate groups per unit of scale. */
	static final int GROUPS_PER_SCALE = 12;

	/** The demo sign-ins: one person for each role. */
	static final List<DemoPerson> PEOPLE = List.of(new DemoPerson("admin@carecycle.example", "Sam Kitto", Role.ADMIN),
			new DemoPerson("commissioner@carecycle.example", "Jo Trewin", Role.COMMISSIONER),
			new DemoPerson("qa.officer@carecycle.example", "Morwenna Hicks", Role.QA_OFFICER),
			new DemoPerson("safeguarding@carecycle.example", "Priya Shah", Role.SAFEGUARDING_LEAD),
			new DemoPerson("case.manager@carecycle.example", "Tom Penrose", Role.CASE_MANAGER),
			new DemoPerson("provider@carecycle.example", "Kerenza Mitchell", Role.PROVIDER));

	/**
	 * More quality assurance officers, so that the annual programme has a team to share
	 * reviews between. They sign in like the others but are not listed on the sign-in
	 * page, which shows one person for each role.
	 */
	static final List<DemoPerson> OTHER_QA_OFFICERS = List.of(
			new DemoPerson("qa.officer2@carecycle.example", "Jago Nancarrow", Role.QA_OFFICER),
			new DemoPerson("qa.officer3@carecycle.example", "Lowenna Curnow", Role.QA_OFFICER),
			new DemoPerson("qa.officer4@carecycle.example", "Tomasz Nowak", Role.QA_OFFICER));

	/**
	 * A demo person.
	 *
	 * @param email their sign-in
	 * @param name their name
	 * @param role their role
	 */
	record DemoPerson(String email, String name, Role role) {
	}

	private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private final Random random;

	private final DemoGeography geography;

	private final Boundary boundary;

	private final double scale;

	private final LocalDate asOf;

	private final DemoNaming naming;

	private final DemoRatings ratings;

	private final DemoContracts contracts;

	private final List<DistrictSpec> weightedDistricts = new ArrayList<>();

	private final Set<String> usedIds = new HashSet<>();

	DemoCountyGenerator(DemoGeography geography, Boundary boundary, double scale, long seed, LocalDate asOf,
			String councilArea) {
		this.random = new Random(seed);
		this.geography = geography;
		this.boundary = boundary;
		this.scale = scale;
		this.asOf = asOf;
		this.naming = new DemoNaming(this.random, councilArea);
		this.ratings = new DemoRatings(this.random, asOf);
		this.contracts = new DemoContracts(this.random, asOf);
		for (DistrictSpec district : geography.districts()) {
			for (int i = 0; i < district.weight(); i++) {
				this.weightedDistricts.add(district);
			}
		}
		if (this.weightedDistricts.isEmpty()) {
			throw new IllegalArgumentException("The demo geography has no postcode districts");
		}
	}

	DemoCounty generate() {
		int providerCount = Math.max(6, (int) Math.round(PROVIDERS_PER_SCALE * this.scale));
		int groupCount = Math.max(1, (int) Math.round(GROUPS_PER_SCALE * this.scale));
		List<NewGroup> groups = new ArrayList<>();
		List<NewProvider> providers = new ArrayList<>();
		List<NewService> services = new ArrayList<>();
		List<NewRating> ratings = new ArrayList<>();
		List<NewContact> contacts = new ArrayList<>();
		List<NewContract> contracts = new ArrayList<>();
		Map<UUID, Integer> serviceCounts = new java.util.HashMap<>();

		for (int g = 0; g < groupCount; g++) {
			groups.add(new NewGroup(uuid(), this.naming.group()));
		}
		int sharedLivesSchemes = 0;
		for (int p = 0; p < providerCount; p++) {
			ProviderKind kind = (p == 0) ? ProviderKind.DAY_OPPORTUNITIES : pickKind();
			if (kind == ProviderKind.SHARED_LIVES && sharedLivesSchemes++ >= Math.max(1, Math.round(this.scale * 2))) {
				kind = ProviderKind.SPECIALIST_SUPPORT;
			}
			Ownership ownership = (p == 0) ? Ownership.COUNCIL : ownershipFor(kind);
			NewGroup group = (p > 0 && !groups.isEmpty() && this.random.nextDouble() < 0.12
					&& ownership == Ownership.PRIVATE) ? Names.pick(this.random, groups) : null;
			DistrictSpec home = pickDistrict();
			NewProvider provider = provider(kind, ownership, group, home);
			providers.add(provider);
			contacts.addAll(contacts(provider));
			double providerQuality = this.random.nextGaussian() * 0.8;
			int count = (kind == ProviderKind.SHARED_LIVES) ? 1 : serviceCount(group != null, p == 0);
			for (int s = 0; s < count; s++) {
				DistrictSpec district = (this.random.nextDouble() < 0.6) ? home : pickDistrict();
				ServiceType type = serviceType(kind, s);
				NewService service = service(provider, kind, type, district);
				services.add(service);
				serviceCounts.merge(provider.id(), 1, Integer::sum);
				if (type.isCqcRegistered()) {
					ratings.addAll(this.ratings.history(service, providerQuality + this.random.nextGaussian() * 0.6));
				}
				this.contracts.contractFor(service, kind == ProviderKind.SPECIALIST_SUPPORT).ifPresent(contracts::add);
			}
		}
		return new DemoCounty(this.geography, groups, providers, contacts, services, ratings, contracts,
				users(providers, groups, serviceCounts));
	}

	/** One to three people at the provider the council can contact. */
	private List<NewContact> contacts(NewProvider provider) {
		List<String> jobs = List.of("Nominated individual", "Operations manager", "Finance manager");
		int count = 1 + this.random.nextInt(3);
		List<NewContact> list = new ArrayList<>();
		String domain = provider.email().substring(provider.email().indexOf('@') + 1);
		for (int i = 0; i < count; i++) {
			String name = Names.person(this.random);
			String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@" + domain;
			list.add(new NewContact(provider.id(), i, name, jobs.get(i), email, phone()));
		}
		return list;
	}

	private List<DemoUser> users(List<NewProvider> providers, List<NewGroup> groups, Map<UUID, Integer> counts) {
		NewProvider demoProvider = providers.stream()
			.filter(p -> p.ownership() == Ownership.PRIVATE)
			.max(java.util.Comparator.comparingInt((NewProvider p) -> counts.getOrDefault(p.id(), 0))
				.thenComparing(NewProvider::name, java.util.Comparator.reverseOrder()))
			.orElse(providers.get(0));
		return java.util.stream.Stream.concat(PEOPLE.stream(), OTHER_QA_OFFICERS.stream())
			.map(person -> new DemoUser(person.email(), person.name(), person.role(),
					(person.role() == Role.PROVIDER) ? demoProvider : null))
			.toList();
	}

	private ProviderKind pickKind() {
		int total = 0;
		for (ProviderKind kind : ProviderKind.values()) {
			total += kind.weight;
		}
		int roll = this.random.nextInt(total);
		for (ProviderKind kind : ProviderKind.values()) {
			roll -= kind.weight;
			if (roll < 0) {
				return kind;
			}
		}
		return ProviderKind.CARE_HOME_OPERATOR;
	}

	private Ownership ownershipFor(ProviderKind kind) {
		double roll = this.random.nextDouble();
		return switch (kind) {
			case SPECIALIST_SUPPORT -> (roll < 0.45) ? Ownership.VOLUNTARY : Ownership.PRIVATE;
			case DAY_OPPORTUNITIES -> (roll < 0.6) ? Ownership.VOLUNTARY : Ownership.PRIVATE;
			case SHARED_LIVES -> Ownership.VOLUNTARY;
			case HOME_CARE_AGENCY ->
				(roll < 0.03) ? Ownership.NHS : (roll < 0.10) ? Ownership.VOLUNTARY : Ownership.PRIVATE;
			case CARE_HOME_OPERATOR -> (roll < 0.06) ? Ownership.VOLUNTARY : Ownership.PRIVATE;
		};
	}

	private int serviceCount(boolean inGroup, boolean council) {
		if (council) {
			return 4;
		}
		double roll = this.random.nextDouble();
		if (inGroup) {
			return 2 + this.random.nextInt(4);
		}
		if (roll < 0.55) {
			return 1;
		}
		if (roll < 0.80) {
			return 2;
		}
		if (roll < 0.92) {
			return 3 + this.random.nextInt(2);
		}
		return 5 + this.random.nextInt(4);
	}

	private ServiceType serviceType(ProviderKind kind, int index) {
		double roll = this.random.nextDouble();
		return switch (kind) {
			case CARE_HOME_OPERATOR -> (roll < 0.68) ? ServiceType.CARE_HOME : ServiceType.CARE_HOME_NURSING;
			case HOME_CARE_AGENCY -> (index == 0 || roll < 0.70) ? ServiceType.HOME_CARE
					: (roll < 0.85) ? ServiceType.EXTRA_CARE : ServiceType.SUPPORTED_LIVING;
			case SPECIALIST_SUPPORT -> (roll < 0.58) ? ServiceType.SUPPORTED_LIVING
					: (roll < 0.82) ? ServiceType.CARE_HOME : ServiceType.DAY_SERVICE;
			case DAY_OPPORTUNITIES -> ServiceType.DAY_SERVICE;
			case SHARED_LIVES -> ServiceType.SHARED_LIVES;
		};
	}

	private NewProvider provider(ProviderKind kind, Ownership ownership, NewGroup group, DistrictSpec home) {
		String name = this.naming.provider(kind, ownership, group);
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		boolean registered = kind != ProviderKind.DAY_OPPORTUNITIES || ownership == Ownership.PRIVATE;
		return new NewProvider(uuid(), name, registered ? cqcId() : null, ownership,
				(group != null) ? group.id() : null, phone(), "enquiries@" + slug + ".example",
				"https://www." + slug + ".example",
				(1 + this.random.nextInt(120)) + " " + Names.pick(this.random, Names.STREETS), null, home.town(),
				postcode(home));
	}

	private NewService service(NewProvider provider, ProviderKind kind, ServiceType type, DistrictSpec district) {
		String name = this.naming.service(provider, type, district);
		Coordinates point = placeIn(district);
		LocalDate registeredOn = this.asOf.minusDays(200 + this.random.nextInt(365 * 17));
		ServiceStatus status = ServiceStatus.ACTIVE;
		LocalDate closedOn = null;
		double roll = this.random.nextDouble();
		if (roll < 0.03) {
			status = ServiceStatus.CLOSED;
			closedOn = this.asOf.minusDays(30 + this.random.nextInt(365 * 3));
			if (closedOn.isBefore(registeredOn)) {
				closedOn = registeredOn.plusDays(365);
			}
		}
		else if (roll < 0.05 && type != ServiceType.DAY_SERVICE) {
			status = ServiceStatus.DORMANT;
		}
		Integer beds = null;
		Integer hours = null;
		Integer places = null;
		switch (type.capacity()) {
			case BEDS -> beds = (type == ServiceType.CARE_HOME_NURSING) ? triangular(25, 48, 95)
					: (kind == ProviderKind.SPECIALIST_SUPPORT) ? triangular(3, 6, 14) : triangular(8, 28, 60);
			case WEEKLY_HOURS -> hours = (int) Math.round(Math.exp(6.6 + this.random.nextGaussian() * 0.6) / 10) * 10;
			case PLACES -> places = switch (type) {
				case EXTRA_CARE -> triangular(30, 48, 90);
				case SHARED_LIVES -> triangular(15, 35, 70);
				case DAY_SERVICE -> triangular(10, 22, 45);
				default -> triangular(3, 12, 40);
			};
		}
		return new NewService(uuid(), provider.id(), type.isCqcRegistered() ? cqcId() : null, name, type,
				clientGroups(kind, type), (1 + this.random.nextInt(150)) + " " + Names.pick(this.random, Names.STREETS),
				null, district.town(), postcode(district), district.outcode(), null, point.latitude(),
				point.longitude(), beds, hours, places, Names.person(this.random), status, registeredOn, closedOn);
	}

	private Set<ClientGroup> clientGroups(ProviderKind kind, ServiceType type) {
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		boolean specialist = kind == ProviderKind.SPECIALIST_SUPPORT || type == ServiceType.SUPPORTED_LIVING
				|| type == ServiceType.SHARED_LIVES;
		if (specialist) {
			groups.add(ClientGroup.LEARNING_DISABILITY);
			maybe(groups, ClientGroup.AUTISM, 0.7);
			maybe(groups, ClientGroup.MENTAL_HEALTH, 0.3);
			maybe(groups, ClientGroup.YOUNGER_ADULTS, 0.5);
			maybe(groups, ClientGroup.PHYSICAL_DISABILITY, 0.25);
			return groups;
		}
		groups.add(ClientGroup.OLDER_PEOPLE);
		switch (type) {
			case CARE_HOME -> maybe(groups, ClientGroup.DEMENTIA, 0.7);
			case CARE_HOME_NURSING -> {
				maybe(groups, ClientGroup.DEMENTIA, 0.8);
				groups.add(ClientGroup.PHYSICAL_DISABILITY);
			}
			case HOME_CARE -> {
				maybe(groups, ClientGroup.DEMENTIA, 0.6);
				maybe(groups, ClientGroup.PHYSICAL_DISABILITY, 0.7);
				maybe(groups, ClientGroup.SENSORY_IMPAIRMENT, 0.4);
				maybe(groups, ClientGroup.YOUNGER_ADULTS, 0.4);
			}
			case DAY_SERVICE -> maybe(groups, ClientGroup.DEMENTIA, 0.5);
			default -> maybe(groups, ClientGroup.PHYSICAL_DISABILITY, 0.4);
		}
		maybe(groups, ClientGroup.SUBSTANCE_MISUSE, 0.02);
		return groups;
	}

	private void maybe(Set<ClientGroup> groups, ClientGroup group, double probability) {
		if (this.random.nextDouble() < probability) {
			groups.add(group);
		}
	}

	private DistrictSpec pickDistrict() {
		return this.weightedDistricts.get(this.random.nextInt(this.weightedDistricts.size()));
	}

	/**
	 * A point near the district's middle, on land when there is a boundary to check
	 * against.
	 */
	private Coordinates placeIn(DistrictSpec district) {
		for (int attempt = 0; attempt < 12; attempt++) {
			double latitude = district.latitude() + this.random.nextGaussian() * 0.015;
			double longitude = district.longitude() + this.random.nextGaussian() * 0.022;
			Coordinates point = new Coordinates(round6(latitude), round6(longitude));
			if (this.boundary == null || this.boundary.contains(point)) {
				return point;
			}
		}
		return new Coordinates(district.latitude(), district.longitude());
	}

	private static double round6(double value) {
		return Math.round(value * 1_000_000d) / 1_000_000d;
	}

	private int triangular(int min, int mode, int max) {
		double u = this.random.nextDouble();
		double cut = (double) (mode - min) / (max - min);
		double value = (u < cut) ? min + Math.sqrt(u * (max - min) * (mode - min))
				: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		return (int) Math.round(value);
	}

	private String postcode(DistrictSpec district) {
		return district.outcode() + " " + this.random.nextInt(10) + UNIT_LETTERS.charAt(this.random.nextInt(20))
				+ UNIT_LETTERS.charAt(this.random.nextInt(20));
	}

	/** A number from Ofcom's range reserved for drama, so no real line is ever shown. */
	private String phone() {
		return "01632 960" + String.format(Locale.ROOT, "%03d", this.random.nextInt(1000));
	}

	private String cqcId() {
		String id;
		do {
			id = "1-" + (100_000_000L + (long) (this.random.nextDouble() * 9_899_999_999L));
		}
		while (!this.usedIds.add(id));
		return id;
	}

	private UUID uuid() {
		long high = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (this.random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

}
