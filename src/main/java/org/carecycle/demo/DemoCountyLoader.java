package org.carecycle.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.carecycle.concerns.ConcernLoader;
import org.carecycle.demo.DemoCounty.DemoUser;
import org.carecycle.demo.DemoGeography.DistrictSpec;
import org.carecycle.geography.Locality;
import org.carecycle.geography.Places;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.SecondFactors;
import org.carecycle.identity.UserAdministration;
import org.carecycle.providers.RegisterLoader;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.quality.Frameworks;
import org.carecycle.shared.Role;
import org.carecycle.shared.Council;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
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

	private final DemoReviewLoader reviewLoader;

	private final DemoReturns demoReturns;

	private final DemoOversight demoOversight;

	private final DemoSafeguarding demoSafeguarding;

	private final DemoCommissioning demoCommissioning;

	private final DemoFrameworks demoFrameworks;

	private final DemoTenders demoTenders;

	private final Frameworks frameworks;

	private final MessageSource messages;

	private final Council council;

	private final Clock clock;

	private final SecondFactors secondFactors;

	DemoCountyLoader(DemoGeographies geographies, Places places, RegisterLoader registerLoader,
			UserAdministration users, JdbcClient jdbc, ConcernLoader concernLoader, DemoReviewLoader reviewLoader,
			DemoReturns demoReturns, DemoOversight demoOversight, DemoSafeguarding demoSafeguarding,
			DemoCommissioning demoCommissioning, Frameworks frameworks, MessageSource messages, Council council,
			Clock clock, SecondFactors secondFactors, DemoFrameworks demoFrameworks, DemoTenders demoTenders) {
		this.demoFrameworks = demoFrameworks;
		this.secondFactors = secondFactors;
		this.demoTenders = demoTenders;
		this.geographies = geographies;
		this.places = places;
		this.registerLoader = registerLoader;
		this.users = users;
		this.jdbc = jdbc;
		this.concernLoader = concernLoader;
		this.reviewLoader = reviewLoader;
		this.demoReturns = demoReturns;
		this.demoOversight = demoOversight;
		this.demoSafeguarding = demoSafeguarding;
		this.demoCommissioning = demoCommissioning;
		this.frameworks = frameworks;
		this.messages = messages;
		this.council = council;
		this.clock = clock;
	}

	boolean isDatabaseEmpty() {
		return !this.jdbc
			.sql("select exists (select 1 from providers_provider) or exists (select 1 from identity_user_name)")
			.query(Boolean.class)
			.single();
	}

	DemoCounty generate(DemoProperties properties) {
		DemoGeography geography = properties.national() ? this.geographies.england() : this.geographies.cornwall();
		String area = properties.national() ? "England" : this.council.area();
		return new DemoCountyGenerator(geography, this.geographies.boundary(geography), properties.scale(),
				properties.seed(), UkTime.today(this.clock), area)
			.generate();
	}

	/**
	 * How many reviews a month each demo officer takes on: the demo's own officer, two
	 * full-time colleagues and one part-time.
	 */
	static final List<Integer> OFFICER_CAPACITY = List.of(12, 14, 10, 6);

	@Transactional
	void load(DemoCounty county, DemoProperties properties) {
		String password = properties.password();
		int concernYears = properties.concernYears();
		double concernRate = properties.concernRate();
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
			List<DemoReviews.Person> officers = new ArrayList<>();
			DemoReviews.Person senior = null;
			DemoReviews.Person providerUser = null;
			DemoSafeguarding.Person safeguardingLead = null;
			UUID demoProvider = null;
			for (DemoUser user : county.users()) {
				UUID id = this.users.addWithPassword(user.email(), user.name(), user.role(),
						(user.provider() != null) ? new ProviderId(user.provider().id()) : null, password);
				if (SecondFactors.REQUIRED_FOR.contains(user.role())) {
					this.secondFactors.setUpForDemo(id, DemoConfiguration.SECOND_FACTOR_KEY,
							DemoConfiguration.RECOVERY_CODES);
				}
				if (user.role() == Role.COMMISSIONER) {
					contractManager = id;
					senior = new DemoReviews.Person(id, user.name());
				}
				else if (user.role() == Role.QA_OFFICER) {
					officers.add(new DemoReviews.Person(id, user.name()));
				}
				else if (user.role() == Role.SAFEGUARDING_LEAD) {
					safeguardingLead = new DemoSafeguarding.Person(id, user.name());
				}
				else if (user.role() == Role.PROVIDER) {
					providerUser = new DemoReviews.Person(id, user.name());
					demoProvider = user.provider().id();
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
			for (DemoVacancies.Report report : DemoVacancies.of(services, this.clock, properties.seed())) {
				this.jdbc
					.sql("update care_service set vacancies = :vacancies, vacancies_reported_at = :at where id = :id")
					.param("vacancies", report.vacancies())
					.param("at", report.reportedAt())
					.param("id", report.serviceId())
					.update();
			}
			DemoSpecialisms.load(this.jdbc);
			DemoConcerns concerns = new DemoConcerns(county.ratings(), UkTime.today(this.clock),
					county.services().size(), concernYears, concernRate);
			long reviewsStarted = System.nanoTime();
			DemoReviews reviews = new DemoReviews(county, this.frameworks.current(), UkTime.today(this.clock),
					properties.seed(), properties.reviewYears(), concernYears, concernRate,
					new DemoReviews.Cast(officers, senior, providerUser, demoProvider),
					(key, fallback, args) -> this.messages.getMessage(key, args, fallback, Locale.UK));
			long generateNanos = System.nanoTime() - reviewsStarted;
			long copyNanos = 0;
			long loaded = 0;
			DemoReviewLoader.Loaded reviewed = new DemoReviewLoader.Loaded(0, 0, 0, 0, 0);
			// generated and loaded a thousand services at a time, so that millions of
			// concerns and findings never sit in memory at once; the next thousand are
			// generated while PostgreSQL copies the last
			ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "demo-ahead"));
			try {
				Future<Generated> next = ahead.submit(() -> generated(services, 0, concerns, reviews));
				for (int from = 0; from < services.size(); from += BATCH) {
					Generated batch = next.get();
					if (from + BATCH < services.size()) {
						int following = from + BATCH;
						next = ahead.submit(() -> generated(services, following, concerns, reviews));
					}
					this.concernLoader.load(batch.concerns());
					loaded += batch.concerns().size();
					long reviewStart = System.nanoTime();
					reviewed = reviewed.plus(this.reviewLoader.load(batch.reviews()));
					copyNanos += System.nanoTime() - reviewStart;
					generateNanos += batch.reviewNanos();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while loading the demo county", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Could not generate the demo county", ex.getCause());
			}
			finally {
				ahead.shutdownNow();
			}
			log.info("Loaded {} demo concerns and compliments over {} years", loaded, concernYears);
			addProviderUsers(county, demoProvider, password);
			long capacityStart = System.nanoTime();
			Map<UUID, Integer> capacity = new LinkedHashMap<>();
			for (int i = 0; i < officers.size(); i++) {
				capacity.put(officers.get(i).id(), OFFICER_CAPACITY.get(Math.min(i, OFFICER_CAPACITY.size() - 1)));
			}
			this.reviewLoader.capacities(capacity);
			this.reviewLoader.analyze();
			copyNanos += System.nanoTime() - capacityStart;
			log.info(
					"Loaded {} demo quality reviews over {} years ({} findings, {} timeline events, {} actions, "
							+ "{} pieces of evidence): generated in {} ms, ahead of loading, and copied in {} ms",
					reviewed.reviews(), properties.reviewYears(), reviewed.findings(), reviewed.events(),
					reviewed.actions(), reviewed.evidence(), Duration.ofNanos(generateNanos).toMillis(),
					Duration.ofNanos(copyNanos).toMillis());
			long returnsStart = System.nanoTime();
			int returns = this.demoReturns.load(UkTime.today(this.clock), properties.reviewYears(), properties.seed(),
					demoProvider);
			log.info("Loaded {} demo KPI returns over {} years in {} ms", returns, properties.reviewYears(),
					Duration.ofNanos(System.nanoTime() - returnsStart).toMillis());
			long oversightStart = System.nanoTime();
			Map<UUID, UUID> providerOf = new HashMap<>();
			services.forEach(s -> providerOf.put(s.id(), s.providerId()));
			DemoOversight.Loaded oversight = this.demoOversight.load(UkTime.today(this.clock), properties.seed(),
					providerOf, demoProvider, officers.isEmpty() ? null : officers.get(0), senior);
			log.info("Loaded {} demo escalation ladders and {} months of risk history ({} scores) in {} ms",
					oversight.ladders(), DemoOversight.HISTORY_MONTHS, oversight.historyPoints(),
					Duration.ofNanos(System.nanoTime() - oversightStart).toMillis());
			if (safeguardingLead != null && senior != null) {
				// after the ladder: the open whole-service enquiry is at the home
				// suspended after safeguarding concerns
				DemoSafeguarding.Loaded safeguarding = this.demoSafeguarding.load(county, properties.scale(),
						properties.seed(), properties.national(),
						new DemoSafeguarding.Cast(safeguardingLead,
								officers.stream().map(o -> new DemoSafeguarding.Person(o.id(), o.name())).toList(),
								new DemoSafeguarding.Person(senior.id(), senior.name())));
				log.info(
						"Loaded {} demo safeguarding concerns ({} from flagged PPMF concerns), {} enquiries, {} steps and"
								+ " {} whole-service enquiries in {} ms ({} ms waiting for the generator)",
						safeguarding.concerns(), safeguarding.fromPpmf(), safeguarding.enquiries(),
						safeguarding.steps(), safeguarding.wholeService(), safeguarding.millis(),
						safeguarding.waitedMillis());
			}
			if (demoProvider != null) {
				// the tenders' other bidders: the next two providers on the register by
				// name
				List<UUID> bidders = this.jdbc
					.sql("select id from providers_provider where id <> :demo order by name, id limit 2")
					.param("demo", demoProvider)
					.query(UUID.class)
					.list();
				if (bidders.size() == 2) {
					long tendersStart = System.nanoTime();
					int tenders = this.demoTenders.load(demoProvider, bidders.get(0), bidders.get(1));
					log.info("Loaded {} demo tenders in {} ms", tenders,
							Duration.ofNanos(System.nanoTime() - tendersStart).toMillis());
				}
				long frameworksStart = System.nanoTime();
				String commissioner = this.jdbc.sql(
						"select display_name from identity_user_name where role = 'COMMISSIONER' order by display_name limit 1")
					.query(String.class)
					.optional()
					.orElse("Commissioning team");
				DemoFrameworks.Loaded frameworks = this.demoFrameworks.load(UkTime.today(this.clock), properties.seed(),
						demoProvider, commissioner);
				log.info(
						"Loaded {} demo frameworks and dynamic markets with {} lots and {} admissions, and {} partnerships in {} ms",
						frameworks.arrangements(), frameworks.lots(), frameworks.admissions(),
						frameworks.partnerships(), Duration.ofNanos(System.nanoTime() - frameworksStart).toMillis());
			}
			if (senior != null) {
				// last: the Market Position Statement quotes the register as loaded, and
				// the strategies' evidence the concerns and reviews
				long commissioningStart = System.nanoTime();
				DemoCommissioning.Loaded plans = this.demoCommissioning.load(UkTime.today(this.clock), senior.id(),
						senior.name());
				log.info(
						"Loaded {} demo commissioning strategies, {} intentions and {} versions of the Market "
								+ "Position Statement in {} ms",
						plans.strategies(), plans.intentions(), plans.versions(),
						Duration.ofNanos(System.nanoTime() - commissioningStart).toMillis());
			}
			return null;
		});
		log.info("Loaded the demo county: {} providers, {} services, {} contracts, {} ratings, {} sign-ins in {} ms",
				county.providers().size(), county.services().size(), county.contracts().size(), county.ratings().size(),
				county.users().size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Users for every provider with an open concern or review and a third of the rest
	 * ({@link DemoProviderUsers}).
	 */
	private void addProviderUsers(DemoCounty county, UUID demoProvider, String password) {
		Set<UUID> withOpenWork = new HashSet<>(this.jdbc.sql("""
				select provider_id from concerns_signal
				where kind = 'CONCERN' and status <> 'CLOSED' and provider_id is not null
				union
				select provider_id from quality_review where status not in ('CLOSED', 'CANCELLED')""")
			.query(UUID.class)
			.list());
		Set<String> taken = county.users().stream().map(DemoUser::email).collect(Collectors.toSet());
		var accounts = DemoProviderUsers.accounts(county.providers(), county.contacts(), demoProvider, withOpenWork,
				taken);
		this.users.addAllWithPassword(accounts, password);
		log.info("Added {} demo provider users", accounts.size());
	}

	private static final int BATCH = 1_000;

	/** A batch of services' concerns and reviews, generated ahead of loading. */
	private record Generated(List<ConcernLoader.PastConcern> concerns, DemoReviewRows.Batch reviews, long reviewNanos) {
	}

	private static Generated generated(List<NewService> services, int from, DemoConcerns concerns,
			DemoReviews reviews) {
		List<NewService> slice = services.subList(from, Math.min(services.size(), from + BATCH));
		List<ConcernLoader.PastConcern> past = concerns.generate(slice);
		long started = System.nanoTime();
		return new Generated(past, reviews.generate(slice, past), System.nanoTime() - started);
	}

	private static NewService withLocality(NewService s, UUID localityId) {
		return new NewService(s.id(), s.providerId(), s.cqcLocationId(), s.name(), s.type(), s.clientGroups(),
				s.addressLine1(), s.addressLine2(), s.town(), s.postcode(), s.postcodeDistrict(), localityId,
				s.latitude(), s.longitude(), s.beds(), s.weeklyHours(), s.places(), s.registeredManager(), s.status(),
				s.registeredOn(), s.closedOn());
	}

}
