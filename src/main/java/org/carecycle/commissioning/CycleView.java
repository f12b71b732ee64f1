package org.carecycle.commissioning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.commissioning.CycleStage.Item;
import org.carecycle.commissioning.CycleStage.Quarter;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The commissioning cycle for each care group: where it stands in Analyse, Plan, Do and
 * Review, and the chain from the evidence through the strategy and its intentions to what
 * was bought (the {@link CycleStage}s of modules above this one, and the contracts
 * already in the register) and how it is doing (quality reviews, concerns, KPI returns),
 * with what is overdue or stale at each stage.
 */
@Service
public class CycleView {

	/** Contracts ending within this many months need a decision on what follows. */
	static final int ENDING_MONTHS = 6;

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", java.util.Locale.UK);

	private final JdbcClient jdbc;

	private final Strategies strategies;

	private final Intentions intentions;

	private final EvidenceChanges changes;

	private final ObjectProvider<CycleStage> stages;

	private final KpiReturns kpiReturns;

	private final Clock clock;

	CycleView(JdbcClient jdbc, Strategies strategies, Intentions intentions, EvidenceChanges changes,
			ObjectProvider<CycleStage> stages, KpiReturns kpiReturns, Clock clock) {
		this.jdbc = jdbc;
		this.strategies = strategies;
		this.intentions = intentions;
		this.changes = changes;
		this.stages = stages;
		this.kpiReturns = kpiReturns;
		this.clock = clock;
	}

	/** Something that needs a commissioner's attention at one stage. */
	public record Attention(Quarter quarter, String messageKey, List<Object> arguments, String href) {
	}

	/** What the register and the Review quarter hold for a care group's services. */
	public record Facts(long services, long liveContracts, long contractsEnding, long reviewedThisYear,
			long reviewedBelowGood, long unreviewed, long concernsThisYear, long kpiBreaches) {

		static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0, 0, 0);

	}

	/** One care group around the cycle. */
	public record GroupCycle(CareGroup group, Quarter standsAt, List<Strategies.Row> strategies,
			List<Intentions.Intention> intentions, Facts facts, Map<Quarter, List<Item>> stageItems,
			List<Attention> attention) {

		public List<Attention> attentionIn(Quarter quarter) {
			return this.attention.stream().filter(a -> a.quarter() == quarter).toList();
		}

		public List<Item> itemsIn(Quarter quarter) {
			return this.stageItems.getOrDefault(quarter, List.of());
		}

		public Strategies.Row current() {
			return this.strategies.stream()
				.filter(s -> s.status().inForce())
				.findFirst()
				.orElse(this.strategies.isEmpty() ? null : this.strategies.get(0));
		}

		public long openIntentions() {
			return this.intentions.stream().filter(i -> i.status().isOpportunity()).count();
		}

	}

	public boolean hasNeedsData() {
		return this.changes.hasNeedsData();
	}

	/** Every care group, in the order of {@link CareGroup}. */
	public List<GroupCycle> all() {
		Map<CareGroup, Facts> facts = facts();
		List<GroupCycle> cycles = new ArrayList<>();
		for (CareGroup group : CareGroup.values()) {
			cycles.add(of(group, facts.getOrDefault(group, Facts.NONE), false));
		}
		return cycles;
	}

	public GroupCycle of(CareGroup group) {
		return of(group, facts().getOrDefault(group, Facts.NONE), true);
	}

	private GroupCycle of(CareGroup group, Facts facts, boolean readEvidence) {
		LocalDate today = UkTime.today(this.clock);
		List<Strategies.Row> strategies = this.strategies.list(group, null);
		List<Intentions.Intention> intentions = this.intentions.ofCareGroup(group);
		Map<Quarter, List<Item>> items = new EnumMap<>(Quarter.class);
		for (CycleStage stage : this.stages.orderedStream().toList()) {
			items.computeIfAbsent(stage.quarter(), q -> new ArrayList<>()).addAll(stage.itemsFor(group));
		}
		List<Attention> attention = new ArrayList<>();
		for (Strategies.Row strategy : strategies) {
			String href = "/commissioning/strategies/" + strategy.id();
			if (strategy.reviewOverdue()) {
				attention.add(new Attention(Quarter.PLAN, "cycle.attention.reviewOverdue",
						List.of(strategy.title(), DATE.format(strategy.reviewDueOn())), href));
			}
			if (strategy.status().inForce() && strategy.periodTo().isBefore(today)) {
				attention
					.add(new Attention(Quarter.PLAN, "cycle.attention.periodOver", List.of(strategy.title()), href));
			}
			if (readEvidence && strategy.status().inForce()) {
				Strategy full = this.strategies.require(strategy.id());
				long moved = this.changes.changes(full, this.strategies.evidence(strategy.id()))
					.stream()
					.filter(EvidenceChanges.Change::needsAttention)
					.count();
				if (moved > 0) {
					attention.add(new Attention(Quarter.ANALYSE, "cycle.attention.evidenceMoved",
							List.of(moved, strategy.title()), href + "#evidence"));
				}
			}
		}
		if (strategies.stream().noneMatch(s -> s.status().inForce())) {
			attention.add(new Attention(Quarter.PLAN, "cycle.attention.noStrategy", List.of(), null));
		}
		for (Intentions.Intention intention : intentions) {
			if (intention.status().isOpportunity() && intention.startsBy() != null
					&& intention.startsBy().isBefore(today)) {
				attention.add(new Attention(Quarter.DO, "cycle.attention.intentionLate",
						List.of(intention.title(), DATE.format(intention.startsBy())),
						"/commissioning/strategies/" + intention.strategyId() + "#intentions"));
			}
		}
		if (facts.contractsEnding() > 0) {
			attention.add(new Attention(Quarter.DO, "cycle.attention.contractsEnding",
					List.of(facts.contractsEnding(), ENDING_MONTHS), null));
		}
		if (facts.unreviewed() > 0) {
			attention
				.add(new Attention(Quarter.REVIEW, "cycle.attention.unreviewed", List.of(facts.unreviewed()), null));
		}
		for (List<Item> stageItems : items.values()) {
			for (Item item : stageItems) {
				if (item.needsAttention()) {
					Quarter quarter = items.entrySet()
						.stream()
						.filter(e -> e.getValue().contains(item))
						.findFirst()
						.map(Map.Entry::getKey)
						.orElse(Quarter.DO);
					attention.add(new Attention(quarter, "cycle.attention.stage",
							List.of(item.label(), String.valueOf(item.attentionReason())), item.href()));
				}
			}
		}
		return new GroupCycle(group, standsAt(strategies, intentions), strategies, intentions, facts, items, attention);
	}

	/**
	 * Where a group stands: Analyse until a strategy is drafted, Plan while it is drafted
	 * or has no intentions, Do while intentions are being bought, Review when its review
	 * is due or under way, or everything it meant to buy is in place.
	 */
	static Quarter standsAt(List<Strategies.Row> strategies, List<Intentions.Intention> intentions) {
		List<Strategies.Row> inForce = strategies.stream().filter(s -> s.status().inForce()).toList();
		if (inForce.isEmpty()) {
			boolean drafted = strategies.stream()
				.anyMatch(s -> s.status() == StrategyStatus.DRAFT || s.status() == StrategyStatus.CONSULTATION);
			return drafted ? Quarter.PLAN : Quarter.ANALYSE;
		}
		if (inForce.stream().anyMatch(s -> s.status() == StrategyStatus.IN_REVIEW || s.reviewOverdue())) {
			return Quarter.REVIEW;
		}
		Set<UUID> inForceIds = inForce.stream().map(Strategies.Row::id).collect(Collectors.toSet());
		List<Intentions.Intention> current = intentions.stream()
			.filter(i -> inForceIds.contains(i.strategyId()) && i.status() != IntentionStatus.WITHDRAWN)
			.toList();
		if (current.isEmpty()) {
			return Quarter.PLAN;
		}
		if (current.stream().anyMatch(i -> i.status().isOpportunity())) {
			return Quarter.DO;
		}
		return Quarter.REVIEW;
	}

	/**
	 * The register's and the Review quarter's figures for each care group's active
	 * services, in one pass: who a service is for (its client groups) decides its care
	 * groups, and day services belong to day opportunities whoever they serve.
	 */
	Map<CareGroup, Facts> facts() {
		LocalDate today = UkTime.today(this.clock);
		Set<UUID> breached = this.kpiReturns.outOfTolerance(today.minusMonths(3), 5_000)
			.stream()
			.map(KpiReturns.KpiReturn::serviceId)
			.collect(Collectors.toSet());
		Map<CareGroup, Facts> facts = new EnumMap<>(CareGroup.class);
		this.jdbc.sql("""
				with groups(care_group, client_group) as (values ('OLDER_PEOPLE', 'OLDER_PEOPLE'),
				    ('OLDER_PEOPLE', 'DEMENTIA'), ('LEARNING_DISABILITY', 'LEARNING_DISABILITY'), ('AUTISM', 'AUTISM'),
				    ('MENTAL_HEALTH', 'MENTAL_HEALTH'), ('PHYSICAL_DISABILITY', 'PHYSICAL_DISABILITY'),
				    ('PHYSICAL_DISABILITY', 'SENSORY_IMPAIRMENT')),
				served as (
				  select distinct g.care_group, s.id from providers_service s
				  join groups g on g.client_group = any(s.client_groups)
				  where s.status = 'ACTIVE' and s.service_type <> 'DAY_SERVICE'
				  union
				  select 'DAY_OPPORTUNITIES', s.id from providers_service s
				  where s.status = 'ACTIVE' and s.service_type = 'DAY_SERVICE'),
				contracts as (
				  select care_service_id, bool_or(true) as live,
				    bool_or(ends_on is not null and ends_on <= :ending) as ending
				  from providers_contract where starts_on <= :today and (ends_on is null or ends_on >= :today)
				  group by care_service_id),
				reviews as (
				  select care_service_id, count(*) as published,
				    count(*) filter (where overall_rating in ('REQUIRES_IMPROVEMENT', 'POOR')) as below
				  from quality_review where published_on >= :yearAgo group by care_service_id),
				concerns as (
				  select care_service_id, count(*) as concerns from concerns_signal
				  where kind = 'CONCERN' and received_at >= :yearAgoTime group by care_service_id)
				select v.care_group, count(*) as services, count(c.live) as live_contracts,
				  count(*) filter (where c.ending) as contracts_ending,
				  count(r.published) as reviewed, count(*) filter (where r.below > 0) as below_good,
				  count(*) filter (where c.live and r.published is null) as unreviewed,
				  coalesce(sum(k.concerns), 0) as concerns,
				  array_agg(v.id) as ids
				from served v
				left join contracts c on c.care_service_id = v.id
				left join reviews r on r.care_service_id = v.id
				left join concerns k on k.care_service_id = v.id
				group by v.care_group""")
			.param("today", Date.valueOf(today))
			.param("ending", Date.valueOf(today.plusMonths(ENDING_MONTHS)))
			.param("yearAgo", Date.valueOf(today.minusYears(1)))
			.param("yearAgoTime", Timestamp.valueOf(today.minusYears(1).atStartOfDay()))
			.query((rs, n) -> {
				UUID[] ids = (UUID[]) rs.getArray("ids").getArray();
				long kpi = 0;
				for (UUID id : ids) {
					if (breached.contains(id)) {
						kpi++;
					}
				}
				return Map.entry(CareGroup.valueOf(rs.getString("care_group")),
						new Facts(rs.getLong("services"), rs.getLong("live_contracts"), rs.getLong("contracts_ending"),
								rs.getLong("reviewed"), rs.getLong("below_good"), rs.getLong("unreviewed"),
								rs.getLong("concerns"), kpi));
			})
			.list()
			.forEach(entry -> facts.put(entry.getKey(), entry.getValue()));
		return facts;
	}

}
