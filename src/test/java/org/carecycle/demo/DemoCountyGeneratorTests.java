package org.carecycle.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.carecycle.geography.Boundaries;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.Coordinates;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.Ownership;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.CqcId;
import org.carecycle.shared.Postcode;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCountyGeneratorTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

	private static DemoGeography cornwall;

	private static Boundary boundary;

	private static DemoCounty county;

	@BeforeAll
	static void generate() throws Exception {
		cornwall = DemoGeographies.cornwall(centroidsFromMigration());
		boundary = new Boundaries().localAuthority("Cornwall").orElseThrow();
		county = new DemoCountyGenerator(cornwall, boundary, 1, 2026, AS_OF, "Cornwall").generate();
	}

	/**
	 * The district centroids as the migration loads them, so this test needs no database.
	 */
	static Map<String, Coordinates> centroidsFromMigration() throws Exception {
		String sql = new ClassPathResource("db/migration/V4__postcode_districts.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = Pattern.compile("\\('([A-Z0-9]+)', (-?[0-9.]+), (-?[0-9.]+)\\)").matcher(sql);
		Map<String, Coordinates> centroids = new HashMap<>();
		while (matcher.find()) {
			centroids.put(matcher.group(1),
					new Coordinates(Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3))));
		}
		return centroids;
	}

	@Test
	void isTheSameCountyEveryTime() {
		DemoCounty again = new DemoCountyGenerator(cornwall, boundary, 1, 2026, AS_OF, "Cornwall").generate();
		assertThat(again).isEqualTo(county);
		DemoCounty other = new DemoCountyGenerator(cornwall, boundary, 1, 7, AS_OF, "Cornwall").generate();
		assertThat(other.providers()).isNotEqualTo(county.providers());
	}

	@Test
	void isCornwallSized() {
		assertThat(county.providers()).hasSize(300);
		assertThat(county.services()).hasSizeBetween(540, 680);
		assertThat(cornwall.localities()).hasSize(19);
	}

	@Test
	void hasEveryTypeOfServiceInRealisticProportions() {
		Map<ServiceType, Long> byType = county.services()
			.stream()
			.collect(Collectors.groupingBy(NewService::type, () -> new EnumMap<>(ServiceType.class),
					Collectors.counting()));
		assertThat(byType.keySet()).containsExactlyInAnyOrder(ServiceType.values());
		long careHomes = byType.get(ServiceType.CARE_HOME) + byType.get(ServiceType.CARE_HOME_NURSING);
		assertThat(careHomes).as("care homes").isBetween(200L, 360L);
		assertThat(byType.get(ServiceType.HOME_CARE)).as("home care").isBetween(100L, 220L);
		assertThat(byType.get(ServiceType.SHARED_LIVES)).isBetween(1L, 3L);
	}

	@Test
	void givesCareHomesBedsAndHomeCareHours() {
		for (NewService service : county.services()) {
			switch (service.type().capacity()) {
				case BEDS -> assertThat(service.beds()).isBetween(3, 95);
				case WEEKLY_HOURS -> assertThat(service.weeklyHours()).isPositive();
				case PLACES -> assertThat(service.places()).isPositive();
			}
		}
	}

	@Test
	void usesRealPostcodeDistrictsAndPlacesServicesOnLandInCornwall() {
		Set<String> districts = cornwall.districts()
			.stream()
			.map(DemoGeography.DistrictSpec::outcode)
			.collect(Collectors.toSet());
		long onLand = 0;
		for (NewService service : county.services()) {
			Postcode postcode = Postcode.parse(service.postcode()).orElseThrow();
			assertThat(districts).contains(postcode.district());
			assertThat(service.postcodeDistrict()).isEqualTo(postcode.district());
			if (boundary.contains(new Coordinates(service.latitude(), service.longitude()))) {
				onLand++;
			}
		}
		assertThat(onLand).as("services inside the Cornwall boundary")
			.isGreaterThan(county.services().size() * 95L / 100);
	}

	@Test
	void givesRegisteredServicesUniqueCqcIdsAndDayServicesNone() {
		Set<String> ids = new HashSet<>();
		county.providers().stream().filter(p -> p.cqcProviderId() != null).forEach(p -> {
			assertThat(CqcId.parse(p.cqcProviderId())).isPresent();
			assertThat(ids.add(p.cqcProviderId())).isTrue();
		});
		for (NewService service : county.services()) {
			if (service.type() == ServiceType.DAY_SERVICE) {
				assertThat(service.cqcLocationId()).isNull();
			}
			else {
				assertThat(CqcId.parse(service.cqcLocationId())).isPresent();
				assertThat(ids.add(service.cqcLocationId())).isTrue();
			}
		}
	}

	@Test
	void ratesMostServicesGoodAsInTheRealMarket() {
		Map<CqcRating, Long> latest = latestOverallRatings();
		long rated = latest.values().stream().mapToLong(Long::longValue).sum();
		assertThat(rated).isGreaterThan(400);
		assertThat(share(latest, CqcRating.GOOD, rated)).isBetween(0.65, 0.88);
		assertThat(share(latest, CqcRating.REQUIRES_IMPROVEMENT, rated)).isBetween(0.06, 0.22);
		assertThat(share(latest, CqcRating.INADEQUATE, rated)).isBetween(0.002, 0.05);
		assertThat(share(latest, CqcRating.OUTSTANDING, rated)).isBetween(0.01, 0.09);
	}

	@Test
	void keepsRatingHistoryWithSomeServicesGettingWorse() {
		Map<String, List<NewRating>> overallByService = county.ratings()
			.stream()
			.filter(r -> r.question() == KeyQuestion.OVERALL)
			.collect(Collectors.groupingBy(NewRating::cqcLocationId));
		long withHistory = overallByService.values().stream().filter(list -> list.size() > 1).count();
		long deteriorated = overallByService.values().stream().filter(list -> list.size() > 1).filter(list -> {
			List<NewRating> sorted = list.stream()
				.sorted((a, b) -> a.publishedOn().compareTo(b.publishedOn()))
				.toList();
			return rank(sorted.get(sorted.size() - 1).rating()) > rank(sorted.get(sorted.size() - 2).rating());
		}).count();
		assertThat(withHistory).isGreaterThan(300);
		assertThat(deteriorated).isBetween(10L, 120L);
		assertThat(county.ratings()).allSatisfy(r -> assertThat(r.publishedOn()).isBefore(AS_OF));
	}

	@Test
	void derivesOverallRatingsByCqcsRules() {
		Map<KeyQuestion, CqcRating> twoInadequate = new EnumMap<>(Map.of(KeyQuestion.SAFE, CqcRating.INADEQUATE,
				KeyQuestion.WELL_LED, CqcRating.INADEQUATE, KeyQuestion.CARING, CqcRating.GOOD));
		assertThat(DemoRatings.overall(twoInadequate)).isEqualTo(CqcRating.INADEQUATE);
		assertThat(DemoRatings
			.overall(Map.of(KeyQuestion.SAFE, CqcRating.INADEQUATE, KeyQuestion.CARING, CqcRating.OUTSTANDING)))
			.isEqualTo(CqcRating.REQUIRES_IMPROVEMENT);
		assertThat(DemoRatings.overall(Map.of(KeyQuestion.SAFE, CqcRating.OUTSTANDING, KeyQuestion.CARING,
				CqcRating.OUTSTANDING, KeyQuestion.EFFECTIVE, CqcRating.GOOD)))
			.isEqualTo(CqcRating.OUTSTANDING);
	}

	@Test
	void hasOneSignInPerRoleAndMoreQualityOfficersWithTheProviderUserInABusyProvider() {
		assertThat(county.users()).extracting(DemoCounty.DemoUser::role)
			.containsAll(List.of(Role.values()))
			.hasSize(Role.values().length + 3);
		assertThat(county.users()).filteredOn(u -> u.role() == Role.QA_OFFICER)
			.extracting(DemoCounty.DemoUser::email)
			.containsExactly("qa.officer@carecycle.example", "qa.officer2@carecycle.example",
					"qa.officer3@carecycle.example", "qa.officer4@carecycle.example");
		DemoCounty.DemoUser provider = county.users()
			.stream()
			.filter(u -> u.role() == Role.PROVIDER)
			.findFirst()
			.orElseThrow();
		assertThat(provider.provider()).isNotNull();
		assertThat(provider.provider().ownership()).isEqualTo(Ownership.PRIVATE);
		long services = county.services().stream().filter(s -> s.providerId().equals(provider.provider().id())).count();
		assertThat(services).isGreaterThanOrEqualTo(3);
	}

	@Test
	void hasSomeClosedAndDormantServices() {
		Map<ServiceStatus, Long> byStatus = county.services()
			.stream()
			.collect(Collectors.groupingBy(NewService::status, Collectors.counting()));
		assertThat(byStatus.get(ServiceStatus.ACTIVE)).isGreaterThan(500);
		assertThat(byStatus.get(ServiceStatus.CLOSED)).isPositive();
		assertThat(byStatus.get(ServiceStatus.DORMANT)).isPositive();
		county.services()
			.stream()
			.filter(s -> s.status() == ServiceStatus.CLOSED)
			.forEach(s -> assertThat(s.closedOn()).isAfter(s.registeredOn()));
	}

	@Test
	void commissionsMostServicesOnContractsInForceWithSomeEndingSoonEndedOrAboutToStart() {
		long inForce = 0;
		long endingSoon = 0;
		long ended = 0;
		long notStarted = 0;
		for (var contract : county.contracts()) {
			assertThat(contract.endsOn()).isAfter(contract.startsOn());
			if (contract.startsOn().isAfter(AS_OF)) {
				notStarted++;
			}
			else if (contract.endsOn().isBefore(AS_OF)) {
				ended++;
			}
			else {
				inForce++;
				if (contract.endsOn().isBefore(AS_OF.plusMonths(6))) {
					endingSoon++;
				}
			}
		}
		long total = county.contracts().size();
		assertThat(total).isBetween(350L, 650L);
		assertThat(inForce).isGreaterThan(total * 8 / 10);
		assertThat(endingSoon).isPositive().isLessThan(inForce / 4);
		assertThat(ended).isPositive().isLessThan(total / 10);
		assertThat(notStarted).isPositive().isLessThan(total / 20);
	}

	@Test
	void scalesUpByTheFactorGiven() {
		DemoCounty bigger = new DemoCountyGenerator(cornwall, boundary, 4, 2026, AS_OF, "Cornwall").generate();
		assertThat(bigger.providers()).hasSize(1200);
		assertThat(bigger.services().size()).isBetween(county.services().size() * 3, county.services().size() * 5);
		assertThat(bigger.providers().stream().map(p -> p.name()).distinct().count()).isEqualTo(1200);
	}

	private static Map<CqcRating, Long> latestOverallRatings() {
		Map<String, NewRating> latest = county.ratings()
			.stream()
			.filter(r -> r.question() == KeyQuestion.OVERALL)
			.collect(Collectors.toMap(NewRating::cqcLocationId, Function.identity(),
					(a, b) -> a.publishedOn().isAfter(b.publishedOn()) ? a : b));
		return latest.values()
			.stream()
			.filter(r -> r.rating() != CqcRating.NOT_RATED)
			.collect(Collectors.groupingBy(NewRating::rating, () -> new EnumMap<>(CqcRating.class),
					Collectors.counting()));
	}

	private static double share(Map<CqcRating, Long> counts, CqcRating rating, long total) {
		return counts.getOrDefault(rating, 0L) / (double) total;
	}

	private static int rank(CqcRating rating) {
		return switch (rating) {
			case OUTSTANDING -> 0;
			case GOOD -> 1;
			case REQUIRES_IMPROVEMENT -> 2;
			case INADEQUATE -> 3;
			case NOT_RATED -> -1;
		};
	}

}
