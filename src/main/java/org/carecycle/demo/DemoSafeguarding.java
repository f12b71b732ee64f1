package org.carecycle.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carecycle.concerns.AbuseType;
import org.carecycle.concerns.Concerns;
import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.RegisterLoader.NewProvider;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.safeguarding.ActionAndResult;
import org.carecycle.safeguarding.AgeBand;
import org.carecycle.safeguarding.Answer;
import org.carecycle.safeguarding.Ethnicity;
import org.carecycle.safeguarding.Gender;
import org.carecycle.safeguarding.LocationOfRisk;
import org.carecycle.safeguarding.OutcomesAchieved;
import org.carecycle.safeguarding.OutcomesAsked;
import org.carecycle.safeguarding.PartnerAgency;
import org.carecycle.safeguarding.RiskOutcome;
import org.carecycle.safeguarding.SafeguardingHistoryLoader;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.Adult;
import org.carecycle.safeguarding.CaseStatus;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.Decision;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.EnquiryKind;
import org.carecycle.safeguarding.DecisionTimer;
import org.carecycle.safeguarding.EnquiryStatus;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.NamedOfficer;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastConcern;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastEnquiry;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastStep;
import org.carecycle.safeguarding.SafeguardingHistoryLoader.PastWholeService;
import org.carecycle.safeguarding.SafeguardingCases.Source;
import org.carecycle.safeguarding.SourceOfRisk;
import org.carecycle.safeguarding.SupportReason;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.carecycle.demo.DemoSafeguardingTexts.fill;
import static org.carecycle.demo.DemoSafeguardingTexts.pick;

/**
 * The demo county's safeguarding history, from the start of the financial year two years
 * back to today, at the rate England's councils report: the Safeguarding Adults
 * Collection 2023-24 counted 615,530 concerns for about 45.8 million adults (13.4 a year
 * for each 1,000 adults; 176,560 section 42 enquiries, 29%), and the demo county at scale
 * 1 has Cornwall's 470,000 adults. Neglect is the commonest type of risk and the person's
 * own home the commonest place (46%), care homes next; the people are mostly older and
 * 60% women, as nationally, and mostly white, as in Cornwall. Every flagged PPMF concern
 * has its safeguarding concern; worse-rated services and those on the escalation ladder
 * have more. About 30% become section 42 enquiries, 10% other enquiries, the rest no
 * further action with what the person was told. A few enquiries are open today and a few
 * concerns await their decision (due today, and one overdue); one whole-service enquiry
 * is open at the home suspended after safeguarding concerns, and an older one is closed.
 */
@Component
class DemoSafeguarding {

	/** Adults (18 and over) in the demo county at scale 1: Cornwall's, about. */
	static final double ADULTS_PER_SCALE = 470_000;

	/** Safeguarding concerns a year per adult: SAC 2023-24, England. */
	static final double CONCERNS_PER_ADULT = 615_530 / 45_800_000.0;

	/** The fictional duty team of the safeguarding hub, who make most decisions. */
	static final List<String> DUTY_TEAM = List.of("Alex Pascoe", "Bryony Trethewey", "Daniel Rowe", "Fiona Kemp",
			"Hannah Jory", "Marcus Oates");

	/** Someone who signs in. */
	record Person(UUID id, String name) {
	}

	/**
	 * The council's people: the safeguarding lead, the QA officers (the demo's own first)
	 * and the senior manager who decides whole-service enquiries.
	 */
	record Cast(Person lead, List<Person> qaOfficers, Person senior) {
	}

	/** What was loaded. */
	record Loaded(int concerns, int enquiries, int steps, int wholeService, int fromPpmf, long waitedMillis,
			long millis) {
	}

	private final SafeguardingHistoryLoader loader;

	private final Escalations escalations;

	private final Concerns concerns;

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final Clock clock;

	DemoSafeguarding(SafeguardingHistoryLoader loader, Escalations escalations, Concerns concerns, JdbcClient jdbc,
			WorkingDays workingDays, Clock clock) {
		this.loader = loader;
		this.escalations = escalations;
		this.concerns = concerns;
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.clock = clock;
	}

	Loaded load(DemoCounty county, double scale, long seed, boolean national, Cast cast) {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		LocalDate today = UkTime.dateOf(now);
		Generator generator = new Generator(county, seed, today, now, national, cast);
		// the escalation ladder: services on it have more concerns, and the one suspended
		// after safeguarding concerns has the open whole-service enquiry
		UUID wseHome = null;
		EscalationStage highest = null;
		for (Escalations.Open open : this.escalations.open()) {
			if (open.careServiceId() == null || !generator.services.containsKey(open.careServiceId())) {
				continue;
			}
			generator.escalated.put(open.careServiceId(), open.stage());
			boolean afterSafeguarding = this.escalations.get(open.id()).afterSafeguarding();
			if (afterSafeguarding && (wseHome == null || highest != EscalationStage.SUSPENSION)) {
				wseHome = open.careServiceId();
				highest = EscalationStage.SUSPENSION;
			}
			else if (wseHome == null) {
				wseHome = open.careServiceId();
				highest = open.stage();
			}
		}
		List<PastWholeService> wholeService = new ArrayList<>();
		List<PastConcern> extras = new ArrayList<>();
		// whole-service enquiries, with the concerns they count
		DemoWholeService wse = new DemoWholeService(generator, today, cast);
		if (wseHome != null) {
			wholeService.add(wse.open(generator.services.get(wseHome), extras));
		}
		NewService older = generator.olderWholeServiceHome(wseHome);
		if (older != null) {
			wholeService.add(wse.closed(older, extras));
		}
		// every flagged PPMF concern
		int fromPpmf = 0;
		for (Flagged flagged : flagged()) {
			var concern = this.concerns.find(flagged.id()).orElse(null);
			if (concern == null || flagged.careServiceId() == null
					|| !generator.services.containsKey(flagged.careServiceId())) {
				continue;
			}
			extras.add(generator.fromPpmf(flagged, concern.reference(), concern.whatHappened(),
					concern.safeguardingReasons()));
			fromPpmf++;
		}
		extras.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
		generator.extras.addAll(extras);
		// the rest, a quarter at a time, generated ahead while the last quarter is
		// copied;
		// one thread draws every case in order, so the same seed gives the same history
		LocalDate start = financialYearStart(today).minusYears(2);
		LocalDate end = today.minusDays(1);
		double perDay = CONCERNS_PER_ADULT * ADULTS_PER_SCALE * scale / 365.25;
		List<LocalDate> quarters = new ArrayList<>();
		for (LocalDate from = start; from.isBefore(end); from = from.plusMonths(3)) {
			quarters.add(from);
		}
		SafeguardingHistoryLoader.Loaded loaded = new SafeguardingHistoryLoader.Loaded(0, 0, 0, 0);
		long waitedNanos = 0;
		ExecutorService ahead = Executors
			.newSingleThreadExecutor(runnable -> new Thread(runnable, "demo-safeguarding"));
		try {
			List<Future<List<PastConcern>>> batches = new ArrayList<>();
			for (int i = 0; i < quarters.size(); i++) {
				LocalDate from = quarters.get(i);
				LocalDate to = (i + 1 < quarters.size()) ? quarters.get(i + 1) : end;
				boolean last = i + 1 == quarters.size();
				batches.add(ahead.submit(() -> generator.quarter(from, to, perDay, last)));
			}
			for (int i = 0; i < batches.size(); i++) {
				long waitStart = System.nanoTime();
				List<PastConcern> batch = batches.get(i).get();
				waitedNanos += System.nanoTime() - waitStart;
				loaded = loaded.plus(this.loader.load((i == 0) ? wholeService : List.of(), batch));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the demo safeguarding history", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not generate the demo safeguarding history", ex.getCause());
		}
		finally {
			ahead.shutdownNow();
		}
		long all = System.nanoTime() - started;
		return new Loaded(loaded.concerns(), loaded.enquiries(), loaded.steps(), loaded.wholeServiceEnquiries(),
				fromPpmf, Duration.ofNanos(waitedNanos).toMillis(), Duration.ofNanos(all).toMillis());
	}

	static LocalDate financialYearStart(LocalDate day) {
		int year = (day.getMonthValue() >= Month.APRIL.getValue()) ? day.getYear() : day.getYear() - 1;
		return LocalDate.of(year, Month.APRIL, 1);
	}

	/** A flagged PPMF concern, from the concerns module's published signals. */
	record Flagged(UUID id, UUID careServiceId, UUID providerId, Instant receivedAt) {
	}

	private List<Flagged> flagged() {
		return this.jdbc.sql("""
				select id, care_service_id, provider_id, received_at from concerns_signal
				where kind = 'CONCERN' and safeguarding_flag order by received_at, id""")
			.query((rs, row) -> new Flagged(rs.getObject("id", UUID.class), rs.getObject("care_service_id", UUID.class),
					rs.getObject("provider_id", UUID.class), rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	/** Draws the cases; one random sequence, so the same seed gives the same history. */
	final class Generator {

		final Random random;

		final LocalDate today;

		final Instant now;

		final boolean national;

		final Cast cast;

		final Map<UUID, NewService> services = new LinkedHashMap<>();

		final Map<UUID, String> providerNames = new HashMap<>();

		final Map<UUID, EscalationStage> escalated = new HashMap<>();

		private final Map<String, CqcRating> overall = new HashMap<>();

		private final Map<UUID, List<Adult>> adultsAt = new HashMap<>();

		private final List<Adult> adultsAtHome = new ArrayList<>();

		private List<NewService> homes;

		private double[] homeWeights;

		private List<NewService> community;

		private double[] communityWeights;

		private int qaNamed;

		/**
		 * Cases made before the rest (flagged PPMF, whole-service), merged in by date.
		 */
		final java.util.ArrayDeque<PastConcern> extras = new java.util.ArrayDeque<>();

		Generator(DemoCounty county, long seed, LocalDate today, Instant now, boolean national, Cast cast) {
			this.random = new Random(seed * 31 + 42);
			this.today = today;
			this.now = now;
			this.national = national;
			this.cast = cast;
			for (NewProvider provider : county.providers()) {
				this.providerNames.put(provider.id(), provider.name());
			}
			Map<String, LocalDate> overallOn = new HashMap<>();
			for (NewRating rating : county.ratings()) {
				if (rating.question() == KeyQuestion.OVERALL) {
					LocalDate on = overallOn.get(rating.cqcLocationId());
					if (on == null || rating.publishedOn().isAfter(on)) {
						this.overall.put(rating.cqcLocationId(), rating.rating());
						overallOn.put(rating.cqcLocationId(), rating.publishedOn());
					}
				}
			}
			for (NewService service : county.services()) {
				if (service.status() == ServiceStatus.ACTIVE) {
					this.services.put(service.id(), service);
				}
			}
		}

		private void weigh() {
			if (this.homes != null) {
				return;
			}
			this.homes = new ArrayList<>();
			this.community = new ArrayList<>();
			for (NewService service : this.services.values()) {
				if (isHome(service)) {
					this.homes.add(service);
				}
				else {
					this.community.add(service);
				}
			}
			this.homeWeights = weights(this.homes);
			this.communityWeights = weights(this.community);
		}

		/** Bigger, worse-rated and escalated services have more concerns. */
		private double[] weights(List<NewService> list) {
			double[] weights = new double[list.size()];
			for (int i = 0; i < list.size(); i++) {
				NewService s = list.get(i);
				CqcRating rating = (s.cqcLocationId() != null) ? this.overall.get(s.cqcLocationId()) : null;
				double weight = (rating == null) ? 1.0 : switch (rating) {
					case INADEQUATE -> 5.0;
					case REQUIRES_IMPROVEMENT -> 2.5;
					case OUTSTANDING -> 0.5;
					default -> 1.0;
				};
				int size = (s.beds() != null) ? s.beds() : (s.places() != null) ? s.places() : 20;
				weight *= Math.max(0.3, Math.min(3.0, size / 30.0));
				if (this.escalated.containsKey(s.id())) {
					weight *= 3;
				}
				weights[i] = weight;
			}
			return weights;
		}

		NewService olderWholeServiceHome(UUID notThis) {
			weigh();
			for (NewService home : this.homes) {
				CqcRating rating = (home.cqcLocationId() != null) ? this.overall.get(home.cqcLocationId()) : null;
				if (!home.id().equals(notThis) && !this.escalated.containsKey(home.id())
						&& rating == CqcRating.REQUIRES_IMPROVEMENT && home.beds() != null && home.beds() >= 25) {
					return home;
				}
			}
			return null;
		}

		static boolean isHome(NewService service) {
			return service.type() == ServiceType.CARE_HOME || service.type() == ServiceType.CARE_HOME_NURSING;
		}

		// The cases
		// --------------------

		/**
		 * The ordinary concerns received from one day to another, with the cases made
		 * before that fall in those days; the last quarter adds those awaiting a
		 * decision.
		 */
		List<PastConcern> quarter(LocalDate from, LocalDate to, double perDay, boolean last) {
			List<PastConcern> batch = new ArrayList<>();
			for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
				boolean weekday = DemoSafeguarding.this.workingDays.isWorkingDay(day);
				int count = poisson(this.random, perDay * (weekday ? 1.18 : 0.55));
				for (int i = 0; i < count; i++) {
					batch.add(ordinary(day));
				}
			}
			Instant before = UkTime.startOf(to);
			while (!this.extras.isEmpty() && (last || this.extras.peekFirst().receivedAt().isBefore(before))) {
				batch.add(this.extras.pollFirst());
			}
			if (last) {
				batch.addAll(awaitingDecision());
			}
			return batch;
		}

		/** An ordinary concern received on the day, decided and perhaps enquired into. */
		PastConcern ordinary(LocalDate day) {
			weigh();
			Instant received = at(day, 8 * 60 + this.random.nextInt(10 * 60));
			LocationOfRisk location = pickLocation();
			NewService service = switch (location) {
				case CARE_HOME_NURSING, CARE_HOME_RESIDENTIAL -> pickWeighted(this.homes, this.homeWeights);
				case COMMUNITY_SERVICE -> pickWeighted(this.community, this.communityWeights);
				case OWN_HOME ->
					(this.random.nextInt(100) < 30) ? pickWeighted(this.community, this.communityWeights) : null;
				default -> null;
			};
			if (service != null && isHome(service)) {
				location = (service.type() == ServiceType.CARE_HOME_NURSING) ? LocationOfRisk.CARE_HOME_NURSING
						: LocationOfRisk.CARE_HOME_RESIDENTIAL;
			}
			Set<AbuseType> types = pickTypes(location, service != null);
			Set<SourceOfRisk> sources = pickSources(location, service != null, types);
			Adult adult = adult(location, service);
			Source source;
			PartnerAgency partner = null;
			String partnerName = null;
			if (this.random.nextInt(100) < 38) {
				source = Source.PARTNER;
				partner = pickPartner(location);
				partnerName = partnerName(partner);
			}
			else {
				source = Source.STAFF;
			}
			String summary = summary(types.iterator().next(), adult, service);
			int s42 = (service != null) ? 36 : 27;
			int other = types.contains(AbuseType.SELF_NEGLECT) ? 30 : 9;
			return build(new Draft(received, source, partner, partnerName, null, null, summary, null, adult, service,
					types, location, sources, s42, other, false, null));
		}

		/** The safeguarding concern of a flagged PPMF concern, raised by the screen. */
		PastConcern fromPpmf(Flagged flagged, String reference, String whatHappened, String reasons) {
			NewService service = this.services.get(flagged.careServiceId());
			LocationOfRisk location = isHome(service)
					? ((service.type() == ServiceType.CARE_HOME_NURSING) ? LocationOfRisk.CARE_HOME_NURSING
							: LocationOfRisk.CARE_HOME_RESIDENTIAL)
					: (service.type() == ServiceType.HOME_CARE) ? LocationOfRisk.OWN_HOME
							: LocationOfRisk.COMMUNITY_SERVICE;
			String text = (whatHappened != null) ? whatHappened.toLowerCase(java.util.Locale.UK) : "";
			Set<AbuseType> types = text.contains("money") ? EnumSet.of(AbuseType.FINANCIAL)
					: text.contains("push") || text.contains("shout")
							? EnumSet.of(AbuseType.PHYSICAL, AbuseType.PSYCHOLOGICAL)
							: text.contains("bruis") ? EnumSet.of(AbuseType.PHYSICAL) : EnumSet.of(AbuseType.NEGLECT);
			Adult adult = adult(location, service);
			Instant received = flagged.receivedAt().plus(Duration.ofMinutes(1 + this.random.nextInt(5)));
			String summary = "Public concern " + reference + " about " + service.name() + " flagged by the screen: \""
					+ whatHappened + "\" Duty officer checked: the person concerned is " + person(adult) + ".";
			return build(new Draft(received, Source.PPMF, null, null, flagged.id(), reference, summary, reasons, adult,
					service, types, location, EnumSet.of(SourceOfRisk.SERVICE_PROVIDER), 45, 10, false, null));
		}

		/**
		 * A few concerns awaiting their decision today: due today, due next, one overdue.
		 */
		List<PastConcern> awaitingDecision() {
			weigh();
			List<PastConcern> waiting = new ArrayList<>();
			LocalDate previous = this.today.minusDays(1);
			while (!DemoSafeguarding.this.workingDays.isWorkingDay(previous)) {
				previous = previous.minusDays(1);
			}
			Instant endOfToday = endOf(this.today);
			for (int i = 0; i < 3; i++) {
				waiting.add(awaiting(min(at(previous, 10 * 60 + 97 * i), this.now.minus(Duration.ofHours(20 - i))),
						endOfToday));
			}
			LocalDate next = DemoSafeguarding.this.workingDays.addWorkingDays(this.today, 1);
			for (int i = 0; i < 2; i++) {
				waiting.add(awaiting(this.now.minus(Duration.ofMinutes(40 + 50 * i)), endOf(next)));
			}
			LocalDate overdueOn = this.today.minusDays(2);
			waiting.add(awaiting(at(overdueOn.minusDays(1), 15 * 60 + 20), endOf(overdueOn)));
			return waiting;
		}

		private PastConcern awaiting(Instant received, Instant due) {
			NewService home = pickWeighted(this.homes, this.homeWeights);
			LocationOfRisk location = (home.type() == ServiceType.CARE_HOME_NURSING) ? LocationOfRisk.CARE_HOME_NURSING
					: LocationOfRisk.CARE_HOME_RESIDENTIAL;
			Set<AbuseType> types = pickTypes(location, true);
			Adult adult = adult(location, home);
			boolean partner = this.random.nextBoolean();
			PartnerAgency agency = partner ? pickPartner(location) : null;
			return build(new Draft(received, partner ? Source.PARTNER : Source.STAFF, agency,
					partner ? partnerName(agency) : null, null, null, summary(types.iterator().next(), adult, home),
					null, adult, home, types, location, pickSources(location, true, types), 0, 0, false, due));
		}

		/** A case counted in a whole-service enquiry: always a section 42 enquiry. */
		PastConcern wholeServiceCase(NewService home, Instant received, AbuseType type, String summary, UUID wse,
				boolean open, boolean serious) {
			LocationOfRisk location = (home.type() == ServiceType.CARE_HOME_NURSING) ? LocationOfRisk.CARE_HOME_NURSING
					: LocationOfRisk.CARE_HOME_RESIDENTIAL;
			Adult adult = adult(location, home);
			String text = fill(summary, person(adult), adult.initials(), home.name(), adult.gender() == Gender.FEMALE,
					adult.gender() != Gender.UNKNOWN);
			Draft draft = new Draft(received, Source.STAFF, null, null, null, null, text, null, adult, home,
					EnumSet.of(type), location, EnumSet.of(SourceOfRisk.SERVICE_PROVIDER), 100, 0, serious, null);
			draft.wse = wse;
			draft.keepOpen = open;
			draft.nameDemoOfficer = true;
			return build(draft);
		}

		/** Everything about a case before it is drawn through to today. */
		final class Draft {

			final Instant received;

			final Source source;

			final PartnerAgency partner;

			final String partnerName;

			final UUID ppmfId;

			final String ppmfReference;

			final String summary;

			final String screenReasons;

			final Adult adult;

			final NewService service;

			final Set<AbuseType> types;

			final LocationOfRisk location;

			final Set<SourceOfRisk> sources;

			final int s42Percent;

			final int otherPercent;

			final boolean serious;

			final Instant awaitingDue;

			UUID wse;

			Boolean keepOpen;

			boolean nameDemoOfficer;

			Draft(Instant received, Source source, PartnerAgency partner, String partnerName, UUID ppmfId,
					String ppmfReference, String summary, String screenReasons, Adult adult, NewService service,
					Set<AbuseType> types, LocationOfRisk location, Set<SourceOfRisk> sources, int s42Percent,
					int otherPercent, boolean serious, Instant awaitingDue) {
				this.received = received;
				this.source = source;
				this.partner = partner;
				this.partnerName = partnerName;
				this.ppmfId = ppmfId;
				this.ppmfReference = ppmfReference;
				this.summary = summary;
				this.screenReasons = screenReasons;
				this.adult = adult;
				this.service = service;
				this.types = types;
				this.location = location;
				this.sources = sources;
				this.s42Percent = s42Percent;
				this.otherPercent = otherPercent;
				this.serious = serious;
				this.awaitingDue = awaitingDue;
			}

		}

		private PastConcern build(Draft d) {
			Random r = this.random;
			UUID id = new UUID(r.nextLong(), r.nextLong());
			List<PastStep> steps = new ArrayList<>();
			List<NamedOfficer> officers = new ArrayList<>();
			String initials = d.adult.initials();
			boolean female = d.adult.gender() == Gender.FEMALE;
			boolean known = d.adult.gender() != Gender.UNKNOWN;
			String receivedBy = (d.source == Source.PPMF) ? "CareCycle" : pick(DUTY_TEAM, r);
			steps.add(new PastStep(d.received, null, receivedBy, "FROM_" + d.source.name(), switch (d.source) {
				case PPMF -> "From " + d.ppmfReference + ", flagged by the safeguarding screen.";
				case PARTNER -> "Referral from " + d.partnerName + ".";
				case STAFF -> (d.service != null) ? "Phone call from " + d.service.name() + "."
						: pick(List.of("Phone call from a family member.", "Email from the GP surgery.",
								"Call from a neighbour.", "Raised by the social worker after a visit."), r);
			}));
			UUID serviceId = (d.service != null) ? d.service.id() : null;
			UUID providerId = (d.service != null) ? d.service.providerId() : null;
			String serviceName = (d.service != null) ? d.service.name() : null;
			String providerName = (providerId != null) ? this.providerNames.get(providerId) : null;
			if (d.awaitingDue != null) {
				Decision waiting = new Decision(CaseStatus.AWAITING_DECISION, d.awaitingDue, null, null, null, null,
						null, null, null, null, null);
				return new PastConcern(id, d.source, d.partner, d.partnerName, d.ppmfId, d.ppmfReference, d.received,
						d.summary, d.screenReasons, d.serious, d.adult, serviceId, providerId, serviceName,
						providerName, d.types, d.location, d.sources, waiting, d.wse, null, officers, null, steps);
			}
			// the decision: mostly within the target, a few late
			LocalDate receivedOn = UkTime.dateOf(d.received);
			Instant due = endOf(DemoSafeguarding.this.workingDays.addWorkingDays(receivedOn, 1));
			int late = r.nextInt(100);
			Instant decided = (late < 88) ? d.received.plus(Duration.ofMinutes(45 + r.nextInt(20 * 60)))
					: endOf(DemoSafeguarding.this.workingDays.addWorkingDays(receivedOn, 2 + r.nextInt(3)))
						.minus(Duration.ofHours(6 + r.nextInt(4)));
			decided = min(decided, this.now.minus(Duration.ofMinutes(10)));
			boolean byLead = r.nextInt(100) < 30;
			UUID decidedBy = byLead ? this.cast.lead().id() : null;
			String decidedByName = byLead ? this.cast.lead().name() : pick(DUTY_TEAM, r);
			int roll = r.nextInt(100);
			EnquiryKind kind = (roll < d.s42Percent) ? EnquiryKind.SECTION_42
					: (roll < d.s42Percent + d.otherPercent) ? EnquiryKind.OTHER : null;
			String risk = DemoSafeguardingTexts.words(d.types.iterator().next());
			String needs = switch (d.adult.supportReason()) {
				case MEMORY_AND_COGNITION -> "dementia";
				case LEARNING_DISABILITY -> "a learning disability";
				case MENTAL_HEALTH -> "mental ill health";
				case SENSORY -> "sight and hearing loss";
				default -> "frailty and physical needs";
			};
			String self = !known ? "themself" : female ? "herself" : "himself";
			if (kind == null) {
				List<String> told = (d.service != null) ? DemoSafeguardingTexts.NFA_AT_A_SERVICE
						: d.location.name().startsWith("HOSPITAL") ? DemoSafeguardingTexts.NFA_IN_HOSPITAL
								: DemoSafeguardingTexts.NFA;
				String nfa = fill(pick(told, r), initials, initials, serviceName, female, known);
				String reasons = fill(pick(DemoSafeguardingTexts.NFA_REASONS, r), initials, initials, serviceName,
						female, known);
				steps.add(new PastStep(decided, decidedBy, decidedByName, "DECIDED",
						"No further action. " + reasons + " " + nfa));
				Decision decision = new Decision(CaseStatus.NO_FURTHER_ACTION, due, !reasons.contains("capacity"),
						!reasons.startsWith("No indication"), false, reasons, nfa, decided, decidedBy, decidedByName,
						decided);
				return new PastConcern(id, d.source, d.partner, d.partnerName, d.ppmfId, d.ppmfReference, d.received,
						d.summary, d.screenReasons, d.serious, d.adult, serviceId, providerId, serviceName,
						providerName, d.types, d.location, d.sources, decision, d.wse, null, officers, null, steps);
			}
			boolean s42 = kind == EnquiryKind.SECTION_42;
			String reasons = s42
					? "All three criteria met: " + initials + " has care and support needs (" + needs
							+ "), is at risk of " + risk + ", and cannot protect " + self + " because of those needs."
					: initials + " has care and support needs and is at risk of " + risk + ", but can protect " + self
							+ "; an other enquiry is proportionate.";
			steps.add(new PastStep(decided, decidedBy, decidedByName, "DECIDED",
					(s42 ? "Section 42 enquiry. " : "Other enquiry. ") + reasons));
			Enquiry e = enquiry(d, kind, decided, decidedByName);
			steps.addAll(e.steps);
			// QA officers named on some cases at services, so they can work with the
			// provider
			if (d.service != null && !this.cast.qaOfficers().isEmpty()
					&& (d.nameDemoOfficer || r.nextInt(100) < 22 || (e.open && this.qaNamed < 4))) {
				boolean demoOfficer = d.nameDemoOfficer || (e.open && this.qaNamed < 4) || r.nextInt(3) == 0;
				Person officer = demoOfficer ? this.cast.qaOfficers().get(0)
						: this.cast.qaOfficers().get(r.nextInt(this.cast.qaOfficers().size()));
				if (demoOfficer && e.open) {
					this.qaNamed++;
				}
				Instant named = decided.plus(Duration.ofMinutes(30));
				officers.add(new NamedOfficer(officer.id(), officer.name(), "QA_OFFICER", named));
				steps.add(new PastStep(named, decidedBy, decidedByName, "OFFICER_NAMED",
						officer.name() + " (QA officer) named on the case to work with the provider."));
			}
			CaseStatus status = e.closedAt != null ? CaseStatus.CLOSED
					: s42 ? CaseStatus.S42_ENQUIRY : CaseStatus.OTHER_ENQUIRY;
			Decision decision = new Decision(status, due, true, true, s42, reasons, null, decided, decidedBy,
					decidedByName, e.closedAt);
			return new PastConcern(id, d.source, d.partner, d.partnerName, d.ppmfId, d.ppmfReference, d.received,
					d.summary, d.screenReasons, d.serious, d.adult, serviceId, providerId, serviceName, providerName,
					d.types, d.location, d.sources, decision, d.wse, null, officers, e.enquiry, steps);
		}

		private record Enquiry(PastEnquiry enquiry, List<PastStep> steps, Instant closedAt, boolean open) {
		}

		private Enquiry enquiry(Draft d, EnquiryKind kind, Instant decided, String officer) {
			Random r = this.random;
			boolean s42 = kind == EnquiryKind.SECTION_42;
			String initials = d.adult.initials();
			boolean female = d.adult.gender() == Gender.FEMALE;
			boolean known = d.adult.gender() != Gender.UNKNOWN;
			List<PastStep> steps = new ArrayList<>();
			Instant opened = decided.plus(Duration.ofMinutes(10));
			int length = s42 ? 14 + (int) Math.round(Math.abs(r.nextGaussian()) * 45) : 7 + r.nextInt(34);
			LocalDate openedOn = UkTime.dateOf(opened);
			LocalDate concludes = openedOn.plusDays(length);
			boolean open;
			if (d.keepOpen != null) {
				open = d.keepOpen;
				if (!open && !concludes.isBefore(this.today)) {
					concludes = this.today.minusDays(1);
				}
			}
			else if (!concludes.isBefore(this.today)) {
				open = r.nextInt(100) < 10;
				if (!open) {
					long since = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(openedOn, this.today) - 1);
					concludes = openedOn.plusDays((since == 0) ? 0 : r.nextLong(since + 1));
				}
			}
			else {
				open = false;
			}
			if (concludes.isBefore(openedOn)) {
				concludes = openedOn;
			}
			LocalDate lastDay = open ? this.today : concludes;
			LocalDate planning = null;
			String planningNotes = null;
			if (s42 || r.nextInt(100) < 60) {
				LocalDate on = openedOn.plusDays(1 + r.nextInt(4));
				if (!on.isAfter(lastDay) && !(open && !on.isBefore(this.today))) {
					planning = on;
					planningNotes = fill(pick(DemoSafeguardingTexts.PLANNING, r), initials, initials,
							(d.service != null) ? d.service.name() : null, female, known);
					steps.add(new PastStep(at(on, 11 * 60), null, officer, "ENQUIRY_PLANNED", planningNotes));
				}
			}
			// caused to the provider when it is the source of risk and can look into it
			boolean caused = d.service != null && d.sources.contains(SourceOfRisk.SERVICE_PROVIDER)
					&& r.nextInt(100) < 65 && planning != null;
			Instant causedAt = null;
			LocalDate causedDue = null;
			String request = null;
			Instant chased = null;
			int chases = 0;
			String response = null;
			Instant responded = null;
			if (caused) {
				causedAt = at(planning, 15 * 60);
				causedDue = DemoSafeguarding.this.workingDays.addWorkingDays(planning, 20);
				request = fill(pick(DemoSafeguardingTexts.CAUSED_REQUESTS, r), initials, initials, d.service.name(),
						female, known);
				steps.add(new PastStep(causedAt, null, officer, "ENQUIRY_CAUSED",
						"Asked " + d.service.name() + " to make enquiries, by " + causedDue + "."));
				boolean lateReply = r.nextInt(100) < 30;
				LocalDate replyOn = lateReply ? causedDue.plusDays(3 + r.nextInt(12))
						: causedDue.minusDays(r.nextInt(10));
				if (replyOn.isBefore(planning)) {
					replyOn = planning.plusDays(1);
				}
				if (lateReply || (open && replyOn.isAfter(this.today.minusDays(1)))) {
					LocalDate chase = causedDue.plusDays(2);
					while (chase.isBefore(replyOn) && chase.isBefore(this.today) && chases < 3) {
						chases++;
						chased = at(chase, 9 * 60 + 30);
						steps.add(new PastStep(chased, null, officer, "ENQUIRY_CHASED",
								"Reminded " + d.service.name() + " that its findings are overdue."));
						chase = chase.plusDays(7);
					}
				}
				if (!open && replyOn.isAfter(concludes)) {
					concludes = replyOn;
				}
				if (!replyOn.isAfter(open ? this.today.minusDays(1) : concludes)) {
					responded = at(replyOn, 14 * 60);
					response = fill(pick(DemoSafeguardingTexts.CAUSED_RESPONSES, r), initials, initials,
							d.service.name(), female, known);
					steps.add(new PastStep(responded, null, providerName(d.service), "ENQUIRY_FINDINGS_RECEIVED",
							"Findings received from " + d.service.name() + "."));
				}
			}
			boolean dementia = d.adult.supportReason() == SupportReason.MEMORY_AND_COGNITION
					|| d.adult.supportReason() == SupportReason.LEARNING_DISABILITY;
			Answer capacity = pickAnswer(dementia ? 70 : 18, dementia ? 20 : 68, 8);
			Answer advocacy = (capacity == Answer.YES) ? pickAnswer(80, 17, 3) : null;
			OutcomesAsked asked = null;
			String desired = null;
			OutcomesAchieved achieved = null;
			ActionAndResult action = null;
			RiskOutcome riskOutcome = null;
			String plan = null;
			String conclusion = null;
			Instant closed = null;
			EnquiryStatus status;
			if (!open) {
				int a = r.nextInt(100);
				asked = (a < 70) ? OutcomesAsked.ASKED_EXPRESSED
						: (a < 83) ? OutcomesAsked.ASKED_NOT_EXPRESSED : (a < 92) ? OutcomesAsked.NOT_ASKED
								: (a < 96) ? OutcomesAsked.DONT_KNOW : OutcomesAsked.NOT_RECORDED;
				if (asked == OutcomesAsked.ASKED_EXPRESSED) {
					desired = fill(pick(DemoSafeguardingTexts.DESIRED_OUTCOMES, r), initials, initials, null, female,
							known);
					int f = r.nextInt(100);
					achieved = (f < 68) ? OutcomesAchieved.FULLY
							: (f < 95) ? OutcomesAchieved.PARTIALLY : OutcomesAchieved.NOT;
				}
				int x = r.nextInt(100);
				action = (x < 62) ? ActionAndResult.RISK_IDENTIFIED_ACTION_TAKEN : (x < 65)
						? ActionAndResult.RISK_IDENTIFIED_NO_ACTION
						: (x < 77) ? ActionAndResult.INCONCLUSIVE_ACTION_TAKEN
								: (x < 80) ? ActionAndResult.INCONCLUSIVE_NO_ACTION
										: (x < 87) ? ActionAndResult.NO_RISK_ACTION_TAKEN : (x < 96)
												? ActionAndResult.NO_RISK_NO_ACTION : ActionAndResult.CEASED_AT_REQUEST;
				if (action == ActionAndResult.RISK_IDENTIFIED_ACTION_TAKEN
						|| action == ActionAndResult.INCONCLUSIVE_ACTION_TAKEN) {
					int o = r.nextInt(100);
					riskOutcome = (o < 68) ? RiskOutcome.REDUCED
							: (o < 90) ? RiskOutcome.REMOVED : RiskOutcome.REMAINED;
					plan = fill(pick(DemoSafeguardingTexts.PROTECTION_PLANS, r), initials, initials, null, female,
							known);
				}
				String words = switch (action) {
					case NO_RISK_ACTION_TAKEN, NO_RISK_NO_ACTION -> DemoSafeguardingTexts.CONCLUSIONS.get(2);
					case INCONCLUSIVE_ACTION_TAKEN, INCONCLUSIVE_NO_ACTION -> DemoSafeguardingTexts.CONCLUSIONS.get(1);
					case CEASED_AT_REQUEST -> DemoSafeguardingTexts.CONCLUSIONS.get(4);
					default -> d.types.contains(AbuseType.FINANCIAL) ? DemoSafeguardingTexts.CONCLUSIONS.get(3)
							: DemoSafeguardingTexts.CONCLUSIONS.get(0);
				};
				conclusion = fill(words, initials, initials, null, female, known).replace("Neglect substantiated",
						Character.toUpperCase(DemoSafeguardingTexts.words(d.types.iterator().next()).charAt(0))
								+ DemoSafeguardingTexts.words(d.types.iterator().next()).substring(1)
								+ " substantiated");
				steps.add(new PastStep(at(concludes, 16 * 60), null, officer, "ENQUIRY_CONCLUDED", conclusion));
				LocalDate closeOn = concludes.plusDays(3 + r.nextInt(8));
				if (closeOn.isBefore(this.today)) {
					closed = at(closeOn, 10 * 60);
					steps.add(new PastStep(closed, null, officer, "ENQUIRY_CLOSED",
							"Case closed after the conclusion was shared."));
					status = EnquiryStatus.CLOSED;
				}
				else {
					status = EnquiryStatus.CONCLUDED;
				}
			}
			else {
				status = (planning == null) ? EnquiryStatus.PLANNING
						: (caused && responded == null) ? EnquiryStatus.AWAITING_PROVIDER : EnquiryStatus.IN_PROGRESS;
			}
			PastEnquiry enquiry = new PastEnquiry(new UUID(r.nextLong(), r.nextLong()), kind, status, opened, planning,
					planningNotes, caused, caused ? d.service.providerId() : null, null, request, causedAt, causedDue,
					chased, chases, response, responded, capacity, advocacy, asked, desired, achieved, action,
					riskOutcome, plan, conclusion, open ? null : concludes, closed);
			return new Enquiry(enquiry, steps, closed, open);
		}

		// Drawing the categories
		// --------------------

		private LocationOfRisk pickLocation() {
			int x = this.random.nextInt(1000);
			// SAC 2023-24: own home 46%, then care homes
			return (x < 460) ? LocationOfRisk.OWN_HOME
					: (x < 660) ? LocationOfRisk.CARE_HOME_RESIDENTIAL : (x < 770) ? LocationOfRisk.CARE_HOME_NURSING
							: (x < 840) ? LocationOfRisk.COMMUNITY : (x < 880) ? LocationOfRisk.COMMUNITY_SERVICE
									: (x < 925) ? LocationOfRisk.HOSPITAL_ACUTE : (x < 945)
											? LocationOfRisk.HOSPITAL_MENTAL_HEALTH
											: (x < 955) ? LocationOfRisk.HOSPITAL_COMMUNITY : LocationOfRisk.OTHER;
		}

		private Set<AbuseType> pickTypes(LocationOfRisk location, boolean atService) {
			AbuseType main;
			int x = this.random.nextInt(1000);
			switch (location) {
				case CARE_HOME_NURSING, CARE_HOME_RESIDENTIAL, HOSPITAL_ACUTE, HOSPITAL_COMMUNITY,
						HOSPITAL_MENTAL_HEALTH ->
					main = (x < 460) ? AbuseType.NEGLECT
							: (x < 690) ? AbuseType.PHYSICAL
									: (x < 780) ? AbuseType.PSYCHOLOGICAL
											: (x < 880) ? AbuseType.ORGANISATIONAL : (x < 930) ? AbuseType.FINANCIAL
													: (x < 985) ? AbuseType.SEXUAL : AbuseType.DISCRIMINATORY;
				case COMMUNITY, OTHER ->
					main = (x < 250) ? AbuseType.PHYSICAL
							: (x < 500) ? AbuseType.FINANCIAL
									: (x < 640) ? AbuseType.PSYCHOLOGICAL
											: (x < 720) ? AbuseType.SEXUAL : (x < 780) ? AbuseType.SEXUAL_EXPLOITATION
													: (x < 820) ? AbuseType.MODERN_SLAVERY : (x < 920)
															? AbuseType.DOMESTIC
															: (x < 950) ? AbuseType.DISCRIMINATORY : AbuseType.NEGLECT;
				default ->
					main = atService
							? ((x < 620) ? AbuseType.NEGLECT
									: (x < 760) ? AbuseType.FINANCIAL
											: (x < 880) ? AbuseType.PHYSICAL : AbuseType.PSYCHOLOGICAL)
							: (x < 200) ? AbuseType.NEGLECT
									: (x < 370) ? AbuseType.FINANCIAL
											: (x < 510) ? AbuseType.PHYSICAL : (x < 640) ? AbuseType.PSYCHOLOGICAL
													: (x < 820) ? AbuseType.SELF_NEGLECT : (x < 975)
															? AbuseType.DOMESTIC
															: (x < 990) ? AbuseType.SEXUAL : AbuseType.DISCRIMINATORY;
			}
			Set<AbuseType> types = EnumSet.of(main);
			if (this.random.nextInt(100) < 18) {
				types.add(switch (main) {
					case PHYSICAL, DOMESTIC, SEXUAL -> AbuseType.PSYCHOLOGICAL;
					case NEGLECT -> AbuseType.ORGANISATIONAL;
					case FINANCIAL -> AbuseType.PSYCHOLOGICAL;
					default -> AbuseType.NEGLECT;
				});
			}
			// the summary is written about the first, main type
			Set<AbuseType> ordered = new java.util.LinkedHashSet<>();
			ordered.add(main);
			ordered.addAll(types);
			return ordered;
		}

		private Set<SourceOfRisk> pickSources(LocationOfRisk location, boolean atService, Set<AbuseType> types) {
			int x = this.random.nextInt(100);
			if (types.contains(AbuseType.SELF_NEGLECT)) {
				return EnumSet.of(SourceOfRisk.OTHER_KNOWN);
			}
			SourceOfRisk source = switch (location) {
				case CARE_HOME_NURSING, CARE_HOME_RESIDENTIAL, COMMUNITY_SERVICE ->
					(x < 72) ? SourceOfRisk.SERVICE_PROVIDER
							: (x < 96) ? SourceOfRisk.OTHER_KNOWN : SourceOfRisk.OTHER_UNKNOWN;
				case OWN_HOME -> atService
						? ((x < 55) ? SourceOfRisk.SERVICE_PROVIDER
								: (x < 96) ? SourceOfRisk.OTHER_KNOWN : SourceOfRisk.OTHER_UNKNOWN)
						: (x < 88) ? SourceOfRisk.OTHER_KNOWN : SourceOfRisk.OTHER_UNKNOWN;
				case COMMUNITY, OTHER -> (x < 45) ? SourceOfRisk.OTHER_KNOWN : SourceOfRisk.OTHER_UNKNOWN;
				default -> (x < 90) ? SourceOfRisk.OTHER_KNOWN : SourceOfRisk.OTHER_UNKNOWN;
			};
			return EnumSet.of(source);
		}

		private Adult adult(LocationOfRisk location, NewService service) {
			Random r = this.random;
			List<Adult> known = (service != null) ? this.adultsAt.computeIfAbsent(service.id(), k -> new ArrayList<>())
					: this.adultsAtHome;
			if (!known.isEmpty() && r.nextInt(100) < 12) {
				return known.get(r.nextInt(known.size()));
			}
			boolean home = location == LocationOfRisk.CARE_HOME_NURSING
					|| location == LocationOfRisk.CARE_HOME_RESIDENTIAL;
			boolean community = location == LocationOfRisk.COMMUNITY || location == LocationOfRisk.OTHER;
			int a = r.nextInt(1000);
			AgeBand age = home
					? ((a < 80) ? AgeBand.AGE_18_64
							: (a < 160) ? AgeBand.AGE_65_74
									: (a < 430) ? AgeBand.AGE_75_84
											: (a < 880) ? AgeBand.AGE_85_94 : AgeBand.AGE_95_PLUS)
					: community
							? ((a < 700) ? AgeBand.AGE_18_64
									: (a < 820) ? AgeBand.AGE_65_74
											: (a < 920) ? AgeBand.AGE_75_84
													: (a < 980) ? AgeBand.AGE_85_94 : AgeBand.UNKNOWN)
							: (a < 450) ? AgeBand.AGE_18_64 : (a < 590) ? AgeBand.AGE_65_74 : (a < 790)
									? AgeBand.AGE_75_84
									: (a < 960) ? AgeBand.AGE_85_94 : (a < 990) ? AgeBand.AGE_95_PLUS : AgeBand.UNKNOWN;
			int g = r.nextInt(100);
			Gender gender = (g < (home ? 66 : 58)) ? Gender.FEMALE : (g < 99) ? Gender.MALE : Gender.UNKNOWN;
			int e = r.nextInt(1000);
			Ethnicity ethnicity = this.national
					? ((e < 820) ? Ethnicity.WHITE : (e < 835) ? Ethnicity.MIXED : (e < 875) ? Ethnicity.ASIAN
							: (e < 905) ? Ethnicity.BLACK
									: (e < 915) ? Ethnicity.OTHER : (e < 920) ? Ethnicity.REFUSED : Ethnicity.NOT_KNOWN)
					: (e < 910) ? Ethnicity.WHITE
							: (e < 920) ? Ethnicity.MIXED : (e < 930) ? Ethnicity.ASIAN : (e < 936) ? Ethnicity.BLACK
									: (e < 940) ? Ethnicity.OTHER : (e < 945) ? Ethnicity.REFUSED : Ethnicity.NOT_KNOWN;
			int s = r.nextInt(100);
			SupportReason reason = (age == AgeBand.AGE_18_64)
					? ((s < 25) ? SupportReason.LEARNING_DISABILITY : (s < 55) ? SupportReason.MENTAL_HEALTH
							: (s < 80) ? SupportReason.PHYSICAL : (s < 88) ? SupportReason.SOCIAL
									: (s < 90) ? SupportReason.SENSORY
											: (s < 95) ? SupportReason.NO_SUPPORT_REASON : SupportReason.NOT_KNOWN)
					: (s < 55) ? SupportReason.PHYSICAL
							: (s < 80) ? SupportReason.MEMORY_AND_COGNITION : (s < 86) ? SupportReason.MENTAL_HEALTH
									: (s < 89) ? SupportReason.SENSORY : (s < 92) ? SupportReason.SOCIAL : (s < 94)
											? SupportReason.LEARNING_DISABILITY
											: (s < 96) ? SupportReason.NO_SUPPORT_REASON : SupportReason.NOT_KNOWN;
			int au = r.nextInt(100);
			Answer autism = (reason == SupportReason.LEARNING_DISABILITY)
					? ((au < 30) ? Answer.YES : (au < 80) ? Answer.NO : Answer.NOT_KNOWN)
					: (au < 2) ? Answer.YES : (au < 72) ? Answer.NO : Answer.NOT_KNOWN;
			String letters = "ABCDEFGHJKLMNPRSTW";
			String initials = "" + letters.charAt(r.nextInt(letters.length()))
					+ letters.charAt(r.nextInt(letters.length()));
			String reference = (r.nextInt(100) < 92) ? "CR" + (1_000_000 + r.nextInt(8_999_999)) : null;
			Adult adult = new Adult(initials, reference, age, gender, ethnicity, reason, autism);
			known.add(adult);
			return adult;
		}

		String person(Adult adult) {
			int years = switch (adult.ageBand()) {
				case AGE_18_64 -> 19 + this.random.nextInt(46);
				case AGE_65_74 -> 65 + this.random.nextInt(10);
				case AGE_75_84 -> 75 + this.random.nextInt(10);
				case AGE_85_94 -> 85 + this.random.nextInt(10);
				case AGE_95_PLUS -> 95 + this.random.nextInt(6);
				case UNKNOWN -> 0;
			};
			String title = switch (adult.gender()) {
				case FEMALE -> (this.random.nextInt(4) == 0) ? "Ms " : "Mrs ";
				case MALE -> "Mr ";
				case UNKNOWN -> "";
			};
			return title + adult.initials() + ((years > 0) ? " (" + years + ")" : "");
		}

		private String summary(AbuseType type, Adult adult, NewService service) {
			Map<AbuseType, List<String>> texts = (service != null
					&& DemoSafeguardingTexts.AT_A_SERVICE.containsKey(type)) ? DemoSafeguardingTexts.AT_A_SERVICE
							: DemoSafeguardingTexts.ELSEWHERE;
			List<String> options = texts.getOrDefault(type, DemoSafeguardingTexts.ELSEWHERE.get(AbuseType.NEGLECT));
			return fill(pick(options, this.random), person(adult), adult.initials(),
					(service != null) ? service.name() : null, adult.gender() == Gender.FEMALE,
					adult.gender() != Gender.UNKNOWN);
		}

		private PartnerAgency pickPartner(LocationOfRisk location) {
			int x = this.random.nextInt(100);
			if (location.name().startsWith("HOSPITAL")) {
				return (x < 85) ? PartnerAgency.NHS : PartnerAgency.POLICE;
			}
			return (x < 36) ? PartnerAgency.POLICE
					: (x < 70) ? PartnerAgency.NHS : (x < 82) ? PartnerAgency.AMBULANCE : (x < 88)
							? PartnerAgency.OTHER_COUNCIL
							: (x < 94) ? PartnerAgency.CQC : (x < 97) ? PartnerAgency.FIRE : PartnerAgency.OTHER;
		}

		String partnerName(PartnerAgency agency) {
			List<String> names = switch (agency) {
				case POLICE -> this.national ? List.of("Police public protection unit")
						: List.of("Devon and Cornwall Police, Truro", "Devon and Cornwall Police, Camborne",
								"Devon and Cornwall Police, Bodmin");
				case NHS -> this.national ? List.of("Acute hospital trust", "GP surgery", "Community health trust")
						: List.of("Royal Cornwall Hospitals NHS Trust", "Cornwall Partnership NHS Foundation Trust",
								"A GP surgery in Redruth", "A GP surgery in Bodmin", "District nursing team, Penzance");
				case AMBULANCE -> List.of("South Western Ambulance Service");
				case OTHER_COUNCIL -> this.national ? List.of("A neighbouring council")
						: List.of("Devon County Council", "Plymouth City Council");
				case CQC -> List.of("Care Quality Commission");
				case FIRE ->
					this.national ? List.of("Fire and rescue service") : List.of("Cornwall Fire and Rescue Service");
				case OTHER -> List.of("A housing association", "A bank's vulnerable customer team");
			};
			return names.get(this.random.nextInt(names.size()));
		}

		private Answer pickAnswer(int yes, int no, int dontKnow) {
			int x = this.random.nextInt(100);
			return (x < yes) ? Answer.YES
					: (x < yes + no) ? Answer.NO : (x < yes + no + dontKnow) ? Answer.DONT_KNOW : Answer.NOT_RECORDED;
		}

		private NewService pickWeighted(List<NewService> list, double[] weights) {
			double total = 0;
			for (double w : weights) {
				total += w;
			}
			double roll = this.random.nextDouble() * total;
			for (int i = 0; i < list.size(); i++) {
				roll -= weights[i];
				if (roll < 0) {
					return list.get(i);
				}
			}
			return list.get(list.size() - 1);
		}

		String providerName(NewService service) {
			String name = this.providerNames.get(service.providerId());
			return (name != null) ? name : service.name();
		}

		Instant at(LocalDate day, int minuteOfDay) {
			return day.atTime(LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60)).atZone(UkTime.ZONE).toInstant();
		}

		/** When a decision due on the day is due: 5pm, as the live timer has it. */
		Instant endOf(LocalDate day) {
			return day.atTime(DecisionTimer.END_OF_DAY).atZone(UkTime.ZONE).toInstant();
		}

		static Instant min(Instant a, Instant b) {
			return a.isBefore(b) ? a : b;
		}

		static int poisson(Random random, double mean) {
			if (mean > 50) {
				return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
			}
			double limit = Math.exp(-mean);
			double product = random.nextDouble();
			int count = 0;
			while (product > limit) {
				product *= random.nextDouble();
				count++;
			}
			return count;
		}

	}

}
