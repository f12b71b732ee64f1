package org.carecycle.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.concerns.ConcernLoader;
import org.carecycle.demo.DemoCounty.DemoUser;
import org.carecycle.demo.DemoGeography.DistrictSpec;
import org.carecycle.geography.Locality;
import org.carecycle.geography.Places;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserAdministration;
import org.carecycle.providers.RegisterLoader;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.shared.Role;
import org.carecycle.shared.Council;
import org.carecycle.shared.ProviderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with the demo county, in one transaction: either the whole
 * county is there or none of it is.
 */
@Component
class DemoCountyLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoCountyLoader.class);

	private final DemoGeographies geographies;

	private final Places places;

	private final RegisterLoader registerLoader;

	private final UserAdministration users;

	private final JdbcClient jdbc;

	private final ConcernLoader concernLoader;

	private final Council council;

	private final Clock clock;

	DemoCountyLoader(DemoGeographies geographies, Places places, RegisterLoader registerLoader,
			UserAdministration users, JdbcClient jdbc, ConcernLoader concernLoader, Council council, Clock clock) {
		this.geographies = geographies;
		this.places = places;
		this.registerLoader = registerLoader;
		this.users = users;
		this.jdbc = jdbc;
		this.concernLoader = concernLoader;
		this.council = council;
		this.clock = clock;
	}

	boolean isDatabaseEmpty() {
		return !this.jdbc.sql("select exists (select 1 from provider) or exists (select 1 from app_user)")
			.query(Boolean.class)
			.single();
	}

	DemoCounty generate(DemoProperties properties) {
		DemoGeography geography = properties.national() ? this.geographies.england() : this.geographies.cornwall();
		String area = properties.national() ? "England" : this.council.area();
		return new DemoCountyGenerator(geography, this.geographies.boundary(geography), properties.scale(),
				properties.seed(), LocalDate.now(this.clock), area)
			.generate();
	}

	@Transactional
	void load(DemoCounty county, String password, int concernYears, double concernRate) {
		long started = System.nanoTime();
		AuditLog.asSystem("Demo county generator", () -> {
			Map<String, UUID> localityIds = new HashMap<>();
			for (var spec : county.geography().localities()) {
				Locality locality = this.places.defineLocality(spec.code(), spec.name(), spec.kind());
				localityIds.put(spec.code(), locality.id());
			}
			Map<String, List<String>> districtsByLocality = county.geography()
				.districts()
				.stream()
				.collect(Collectors.groupingBy(DistrictSpec::localityCode,
						Collectors.mapping(DistrictSpec::outcode, Collectors.toList())));
			districtsByLocality.forEach((code, outcodes) -> this.places.assign(localityIds.get(code), outcodes));
			Map<String, UUID> localityOfDistrict = new HashMap<>();
			county.geography()
				.districts()
				.forEach(d -> localityOfDistrict.put(d.outcode(), localityIds.get(d.localityCode())));
			List<NewService> services = county.services()
				.stream()
				.map(s -> withLocality(s, localityOfDistrict.get(s.postcodeDistrict())))
				.toList();
			UUID contractManager = null;
			for (DemoUser user : county.users()) {
				UUID id = this.users.addWithPassword(user.email(), user.name(), user.role(),
						(user.provider() != null) ? new ProviderId(user.provider().id()) : null, password);
				if (user.role() == Role.COMMISSIONER) {
					contractManager = id;
				}
			}
			UUID manager = contractManager;
			List<NewContract> contracts = county.contracts()
				.stream()
				.map(c -> new NewContract(c.id(), c.reference(), c.serviceId(), c.lot(), c.framework(), c.startsOn(),
						c.endsOn(), c.totalValue(), c.unitPrice(), c.priceUnit(), c.commissionedCapacity(), manager))
				.toList();
			this.registerLoader.load(new RegisterLoader.Batch(county.groups(), county.providers(), county.contacts(),
					services, county.ratings(), contracts), "Demo county");
			// generated and loaded a thousand services at a time, so that millions of
			// concerns
			// never sit in memory at once
			DemoConcerns concerns = new DemoConcerns(county.ratings(), LocalDate.now(this.clock),
					county.services().size(), concernYears, concernRate);
			long loaded = 0;
			for (int from = 0; from < services.size(); from += 1_000) {
				List<ConcernLoader.PastConcern> batch = concerns
					.generate(services.subList(from, Math.min(services.size(), from + 1_000)));
				this.concernLoader.load(batch);
				loaded += batch.size();
			}
			log.info("Loaded {} demo concerns and compliments over {} years", loaded, concernYears);
			return null;
		});
		log.info("Loaded the demo county: {} providers, {} services, {} contracts, {} ratings, {} sign-ins in {} ms",
				county.providers().size(), county.services().size(), county.contracts().size(), county.ratings().size(),
				county.users().size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private static NewService withLocality(NewService s, UUID localityId) {
		return new NewService(s.id(), s.providerId(), s.cqcLocationId(), s.name(), s.type(), s.clientGroups(),
				s.addressLine1(), s.addressLine2(), s.town(), s.postcode(), s.postcodeDistrict(), localityId,
				s.latitude(), s.longitude(), s.beds(), s.weeklyHours(), s.places(), s.registeredManager(), s.status(),
				s.registeredOn(), s.closedOn());
	}

}
