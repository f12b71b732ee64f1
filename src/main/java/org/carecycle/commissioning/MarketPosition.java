package org.carecycle.commissioning;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.identity.AuditLog;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Council;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Market Position Statement: the commissioners' narrative for each section, joined to
 * live figures (supply from the register by type of service and area, what is under
 * council contract, needs and gaps from {@link NeedsEvidence} when the needs data is
 * there, the intentions of strategies in force), drafted here and published as dated
 * versions. A published version keeps its body as drawn on the day, so an earlier version
 * reads exactly as providers read it then.
 */
@Service
public class MarketPosition {

	private static final Logger log = LoggerFactory.getLogger(MarketPosition.class);

	static final String BODY_TEMPLATE = "commissioning/mps-body";

	public static final int NARRATIVE = 20_000;

	private final JdbcClient jdbc;

	private final Intentions intentions;

	private final ObjectProvider<NeedsEvidence> needs;

	private final ITemplateEngine templates;

	private final Dates dates;

	private final Council council;

	private final AuditLog audit;

	private final Clock clock;

	MarketPosition(JdbcClient jdbc, Intentions intentions, ObjectProvider<NeedsEvidence> needs,
			ITemplateEngine templates, Dates dates, Council council, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.intentions = intentions;
		this.needs = needs;
		this.templates = templates;
		this.dates = dates;
		this.council = council;
		this.audit = audit;
		this.clock = clock;
	}

	/** Supply of one type of service in one area. */
	public record Supply(ServiceType serviceType, String area, long services, long capacity, long commissioned,
			long rated, long goodOrBetter) {

		public long goodShare() {
			return (this.rated == 0) ? -1 : Math.round(100.0 * this.goodOrBetter / this.rated);
		}

		public String unitKey() {
			return "mps.unit." + this.serviceType.capacity().name();
		}

	}

	/** Care home beds, and how many of them the council has under contract. */
	public record CareHomeBeds(long beds, long commissioned) {

		public long outsideContracts() {
			return Math.max(0, this.beds - this.commissioned);
		}

		public long outsideShare() {
			return (this.beds == 0) ? 0 : Math.round(100.0 * outsideContracts() / this.beds);
		}

	}

	/** An opportunity for providers: what the council means to buy, where and how. */
	public record Opportunity(IntentionService serviceType, String area, String title, String timescale,
			IntentionRoute route, IntentionStatus status, CareGroup careGroup) {
	}

	/** Everything the statement shows, live. */
	public record Statement(LocalDate asOf, String councilName, String councilArea, Map<String, String> narrative,
			List<Supply> supplyByType, List<Supply> supplyByArea, CareHomeBeds careHomeBeds, boolean hasNeedsData,
			List<Integer> years, List<PopulationRow> population, List<GapRow> gaps,
			Map<CareGroup, List<Intentions.Intention>> intentions, List<Opportunity> opportunities) {

		public List<MarketPositionSection> sections() {
			return List.of(MarketPositionSection.values());
		}

	}

	/** Demand against supply of one type of service, now, in 5 and in 10 years. */
	public record GapRow(String serviceType, List<NeedsEvidence.Gap> years) {
	}

	/** People of an age band in each year shown (estimate, then projections). */
	public record PopulationRow(String ageBand, List<Long> people) {
	}

	/** A published version, without its body. */
	public record Version(UUID id, int number, String title, LocalDate publishedOn, String publishedBy,
			String summary) {
	}

	public record PublishedVersion(Version version, String bodyHtml) {
	}

	public Map<MarketPositionSection, String> narrative() {
		Map<MarketPositionSection, String> narrative = new EnumMap<>(MarketPositionSection.class);
		this.jdbc.sql("select section, narrative from commissioning_market_position_section")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(entry -> narrative.put(MarketPositionSection.valueOf(entry.getKey()), entry.getValue()));
		return narrative;
	}

	@Transactional
	public void saveNarrative(MarketPositionSection section, String text, String by) {
		String before = narrative().get(section);
		this.jdbc.sql("""
				insert into commissioning_market_position_section (section, narrative, updated_at, updated_by)
				values (:section, :text, now(), :by)
				on conflict (section) do update set narrative = :text, updated_at = now(), updated_by = :by""")
			.param("section", section.name())
			.param("text", text)
			.param("by", by)
			.update();
		this.audit.changed("market position statement section", section.name(),
				Map.of("narrative", String.valueOf(before)), Map.of("narrative", text));
	}

	/** The statement as it would be published today. */
	public Statement draft() {
		LocalDate today = UkTime.today(this.clock);
		List<Supply> byArea = supplyByArea(today);
		Map<ServiceType, List<Supply>> grouped = byArea.stream()
			.collect(Collectors.groupingBy(Supply::serviceType, () -> new EnumMap<>(ServiceType.class),
					Collectors.toList()));
		List<Supply> byType = new ArrayList<>();
		grouped.forEach((type, rows) -> byType.add(new Supply(type, null,
				rows.stream().mapToLong(Supply::services).sum(), rows.stream().mapToLong(Supply::capacity).sum(),
				rows.stream().mapToLong(Supply::commissioned).sum(), rows.stream().mapToLong(Supply::rated).sum(),
				rows.stream().mapToLong(Supply::goodOrBetter).sum())));
		long beds = byType.stream()
			.filter(s -> s.serviceType().capacity() == ServiceType.Capacity.BEDS)
			.mapToLong(Supply::capacity)
			.sum();
		long commissionedBeds = byType.stream()
			.filter(s -> s.serviceType().capacity() == ServiceType.Capacity.BEDS)
			.mapToLong(Supply::commissioned)
			.sum();
		NeedsEvidence evidence = this.needs.getIfAvailable();
		List<NeedsEvidence.Population> population = List.of();
		Map<Integer, List<NeedsEvidence.Gap>> gaps = new LinkedHashMap<>();
		int year = today.getYear();
		List<Integer> years = List.of(year, year + 5, year + 10);
		if (evidence != null) {
			try {
				population = evidence.population(years);
				for (int ahead : List.of(0, 5, 10)) {
					gaps.put(ahead, evidence.gaps(ahead));
				}
			}
			catch (RuntimeException ex) {
				log.warn("The needs figures could not be read for the Market Position Statement", ex);
				population = List.of();
				gaps.clear();
			}
		}
		List<Intentions.Intention> published = this.intentions.published();
		Map<CareGroup, List<Intentions.Intention>> byGroup = published.stream()
			.collect(Collectors.groupingBy(Intentions.Intention::careGroup, () -> new EnumMap<>(CareGroup.class),
					Collectors.toList()));
		List<Opportunity> opportunities = published.stream()
			.filter(i -> i.status().isOpportunity())
			.map(i -> new Opportunity(i.serviceType(), i.localityName(), i.title(), i.timescale(), i.route(),
					i.status(), i.careGroup()))
			.sorted(java.util.Comparator.comparing(Opportunity::serviceType)
				.thenComparing(o -> (o.area() != null) ? o.area() : ""))
			.toList();
		Map<String, Map<Integer, Long>> bands = new LinkedHashMap<>();
		for (NeedsEvidence.Population row : population) {
			bands.computeIfAbsent(row.ageBand(), band -> new LinkedHashMap<>())
				.merge(row.year(), row.people(), Long::sum);
		}
		List<PopulationRow> populationRows = bands.entrySet()
			.stream()
			.map(e -> new PopulationRow(e.getKey(), years.stream().map(y -> e.getValue().getOrDefault(y, 0L)).toList()))
			.toList();
		Map<String, List<NeedsEvidence.Gap>> gapsByType = new LinkedHashMap<>();
		for (List<NeedsEvidence.Gap> ahead : gaps.values()) {
			for (NeedsEvidence.Gap gap : ahead) {
				gapsByType.computeIfAbsent(gap.serviceType(), type -> new ArrayList<>()).add(gap);
			}
		}
		List<GapRow> gapRows = gapsByType.entrySet().stream().map(e -> new GapRow(e.getKey(), e.getValue())).toList();
		Map<String, String> narrative = new LinkedHashMap<>();
		narrative().forEach((section, text) -> narrative.put(section.name(), text));
		return new Statement(today, this.council.name(), this.council.area(), narrative, byType, byArea,
				new CareHomeBeds(beds, commissionedBeds), !gaps.isEmpty(), years, populationRows, gapRows, byGroup,
				opportunities);
	}

	private List<Supply> supplyByArea(LocalDate today) {
		return this.jdbc.sql("""
				with commissioned as (
				  select care_service_id, sum(commissioned_capacity) as capacity from providers_contract
				  where starts_on <= :today and (ends_on is null or ends_on >= :today)
				  group by care_service_id)
				select s.service_type, coalesce(l.name, '') as area, count(*) as services,
				  sum(case when s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then coalesce(s.beds, 0)
				    when s.service_type = 'HOME_CARE' then coalesce(s.weekly_hours, 0)
				    else coalesce(s.places, 0) end) as capacity,
				  sum(coalesce(c.capacity, 0)) as commissioned,
				  count(*) filter (where s.cqc_overall in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT',
				    'INADEQUATE')) as rated,
				  count(*) filter (where s.cqc_overall in ('OUTSTANDING', 'GOOD')) as good_or_better
				from providers_service s
				left join geography_locality l on l.id = s.locality_id
				left join commissioned c on c.care_service_id = s.id
				where s.status = 'ACTIVE'
				group by s.service_type, l.name
				order by s.service_type, l.name""")
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new Supply(ServiceType.valueOf(rs.getString("service_type")),
					rs.getString("area").isEmpty() ? null : rs.getString("area"), rs.getLong("services"),
					rs.getLong("capacity"), rs.getLong("commissioned"), rs.getLong("rated"),
					rs.getLong("good_or_better")))
			.list();
	}

	public List<Version> versions() {
		return this.jdbc.sql("""
				select id, number, title, published_on, published_by, summary
				from commissioning_market_position_version order by number desc""").query(Version.class).list();
	}

	public Optional<PublishedVersion> latest() {
		return versions().stream().findFirst().flatMap(v -> version(v.number()));
	}

	public Optional<PublishedVersion> version(int number) {
		return this.jdbc.sql("""
				select id, number, title, published_on, published_by, summary, body_html
				from commissioning_market_position_version where number = :number""")
			.param("number", number)
			.query((rs,
					n) -> new PublishedVersion(new Version(rs.getObject("id", UUID.class), rs.getInt("number"),
							rs.getString("title"), rs.getObject("published_on", LocalDate.class),
							rs.getString("published_by"), rs.getString("summary")), rs.getString("body_html")))
			.optional();
	}

	public PublishedVersion requireVersion(int number) {
		return version(number)
			.orElseThrow(() -> new RecordNotFoundException("No Market Position Statement version " + number));
	}

	/** Draws the statement's body (what a published version keeps). */
	public String body(Statement statement) {
		Context context = new Context(Locale.forLanguageTag("en-GB"));
		context.setVariable("mps", statement);
		context.setVariable("dates", this.dates);
		return this.templates.process(BODY_TEMPLATE, java.util.Set.of("body"), context);
	}

	/** Publishes today's statement as the next version; returns its number. */
	@Transactional
	public int publish(String title, String summary, String by) {
		this.jdbc.sql("lock table commissioning_market_position_version in exclusive mode").update();
		int number = this.jdbc.sql("select coalesce(max(number), 0) + 1 from commissioning_market_position_version")
			.query(Integer.class)
			.single();
		Statement statement = draft();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_market_position_version (id, number, title, published_on, published_at,
				  published_by, summary, body_html)
				values (:id, :number, :title, :on, :at, :by, :summary, :body)""")
			.param("id", id)
			.param("number", number)
			.param("title", title)
			.param("on", statement.asOf())
			.param("at", java.sql.Timestamp.from(Instant.now(this.clock)))
			.param("by", by)
			.param("summary", summary)
			.param("body", body(statement))
			.update();
		this.audit.created("market position statement", id,
				Map.of("number", number, "title", title, "publishedOn", statement.asOf().toString()));
		return number;
	}

}
