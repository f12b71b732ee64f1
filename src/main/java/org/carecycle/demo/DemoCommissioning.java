package org.carecycle.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.commissioning.EvidenceChanges;
import org.carecycle.commissioning.EvidenceKind;
import org.carecycle.commissioning.MarketPosition;
import org.carecycle.commissioning.MarketPositionSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo county's commissioning plans: a strategy for each of older people, learning
 * disability, autism, mental health, carers and day opportunities (one overdue for
 * review, one in consultation, one still a draft, one expired), their priorities,
 * evidence and intentions, and a Market Position Statement published a year ago and again
 * today. The figures at approval are set against today's so that each strategy has
 * something believable to say about what has changed since (a theme of concerns that has
 * doubled, services that fell below Good).
 */
@Component
class DemoCommissioning {

	private final JdbcClient jdbc;

	private final EvidenceChanges changes;

	private final MarketPosition marketPosition;

	DemoCommissioning(JdbcClient jdbc, EvidenceChanges changes, MarketPosition marketPosition) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.marketPosition = marketPosition;
	}

	record Loaded(int strategies, int intentions, int versions) {
	}

	private int intentions;

	Loaded load(LocalDate today, UUID ownerId, String ownerName) {
		this.intentions = 0;
		int strategies = 0;

		// Older people: approved, reviewed eight months ago, its evidence has moved
		UUID older = strategy("Living well in later life: older people's commissioning strategy", "OLDER_PEOPLE",
				ownerId, """
						More of Cornwall's people are over 65 than in almost any other part of England, and the \
						number over 85 will nearly double by 2040. Most older people want to stay at home, in their \
						own community, for as long as they can. This strategy sets out how the council, with NHS \
						Cornwall and Isles of Scilly, will shift support towards home care, reablement and extra \
						care housing, while making sure there are enough good nursing beds for people living with \
						dementia.""", today.minusMonths(20).withDayOfMonth(1),
				today.minusMonths(20).withDayOfMonth(1).plusYears(5).minusDays(1), "APPROVED", today.plusMonths(4),
				today.minusMonths(20).plusDays(14), today.minusMonths(8), today.minusMonths(21),
				"Head of Adult Social Care Commissioning (Care Act lead)", """
						Wellbeing and prevention are at the heart of the strategy (sections 1 and 2). Market shaping \
						duties (section 5) are met by the intentions and the Market Position Statement. The strategy \
						should say more about information and advice for people who pay for their own care, and \
						about carers of older people: both added before approval.""");
		strategies++;
		UUID olderHomeCare = priority(older, 1, "Grow home care in rural West Cornwall and the Lizard",
				"Home care commissioning manager", "April 2025 to March 2027", today.plusMonths(15),
				"£2.4 million a year from the Better Care Fund; rural rounds uplift of £1.50 an hour");
		UUID olderExtraCare = priority(older, 2, "Shift from residential care to extra care housing",
				"Housing and accommodation lead", "2025 to 2029", today.plusYears(3),
				"Capital from Homes England and the council's housing programme");
		UUID olderDementia = priority(older, 3, "Enough good nursing beds for people living with dementia",
				"Care homes commissioning manager", "2025 to 2027", today.plusMonths(18),
				"Block purchase of 60 beds within the current care home budget");
		UUID olderHomeFirst = priority(older, 4, "Home First: reablement after a hospital stay",
				"Integrated care commissioner (NHS and council)", "In place; reviewed quarterly", null,
				"Pooled budget under section 75 with NHS Cornwall and Isles of Scilly");
		evidence(older, EvidenceKind.SERVICE_QUALITY, "Care homes with nursing rated Good or Outstanding", "/market",
				"CARE_HOME_NURSING", null, 9);
		evidence(older, EvidenceKind.CONCERN_THEME, "Concerns about missed or late home care visits", "/concerns",
				"MISSED_OR_LATE_VISITS", null, -55);
		evidence(older, EvidenceKind.NEEDS_GAP, "Home care hours short of need across the county",
				"/commissioning/demand", "HOME_CARE", new BigDecimal("4200"), 0);
		evidence(older, EvidenceKind.OUTCOME_MEASURE,
				"ASCOF 2A(2): older people whose long-term needs were met by admission to a care home, per 100,000",
				"/commissioning/outcomes", "2A(2)", new BigDecimal("560.4"), 0);
		evidence(older, EvidenceKind.AREA_PROFILE, "West Penwith area profile: oldest population in the county",
				"/commissioning/areas", locality("West Penwith"), null, 0);
		review(older, today.minusMonths(8), ownerName, """
				Home care hours in West Penwith are still short; the rural rounds uplift has helped recruitment \
				but not enough. Extra care scheme in Truro agreed with Homes England. Kept the priorities; moved \
				the dementia beds block purchase forward.""", today.plusMonths(4));
		intention(older, olderHomeCare, "Home care in West Penwith and Hayle: rural rounds", """
				Guaranteed hours on rural rounds, with an uplift for travel time.""", "HOME_CARE",
				locality("West Penwith"), "2026 to 2027", today.plusMonths(5), "TENDER", "IN_PROCUREMENT");
		intention(older, olderHomeCare, "Home care on the Lizard peninsula", null, "HOME_CARE",
				locality("Helston and South Kerrier"), "2026 to 2027", today.plusMonths(9), "DYNAMIC_MARKET",
				"PLANNED");
		intention(older, olderExtraCare, "Extra care housing scheme, Truro (60 apartments)", """
				Care and support for an extra care scheme built with a housing association.""", "EXTRA_CARE",
				locality("Truro and Roseland"), "2027 to 2028", today.plusYears(1).plusMonths(6), "PARTNERSHIP",
				"PLANNED");
		intention(older, olderDementia, "Nursing beds for people living with dementia: block purchase", """
				60 beds across the county, called off from the care homes framework.""", "CARE_HOME_NURSING", null,
				"2026", today.plusMonths(3), "FRAMEWORK_CALL_OFF", "PROPOSED");
		intention(older, olderHomeFirst, "Home First reablement service", null, "HOME_CARE", null,
				"In place since 2024", null, "PARTNERSHIP", "IN_PLACE");

		// Learning disability: approved, review overdue
		UUID ld = strategy("Living my best life: learning disability strategy", "LEARNING_DISABILITY", ownerId, """
				People with a learning disability told us they want a home of their own, a job or something \
				useful to do, friends and relationships, and to be listened to. This strategy brings people home \
				from out-of-county placements and long-stay hospital, grows supported living and Shared Lives, \
				and opens up work and volunteering.""", today.minusYears(3).withDayOfMonth(1),
				today.minusYears(3).withDayOfMonth(1).plusYears(5).minusDays(1), "APPROVED", today.minusDays(45),
				today.minusYears(3).plusDays(20), today.minusYears(1).minusDays(45), today.minusYears(3),
				"Principal social worker and Care Act lead", """
						Compliant. Personalisation (direct payments, individual service funds) and transitions \
						from children's services need clearer targets; the strategy added them.""");
		strategies++;
		UUID ldHome = priority(ld, 1, "Bring people home from out-of-county placements and hospital",
				"Transforming Care lead", "2023 to 2026", today.minusMonths(2),
				"Transforming Care funding with the NHS; dowries for people leaving hospital");
		UUID ldSupported = priority(ld, 2, "More supported living, including specialist autism support",
				"Supported living commissioning manager", "2024 to 2027", today.plusYears(1), "Within current budget");
		UUID ldShared = priority(ld, 3, "Grow Shared Lives", "Shared Lives scheme manager", "2024 to 2026",
				today.plusMonths(6), "Carer recruitment campaign, £80,000");
		evidence(ld, EvidenceKind.SERVICE_QUALITY, "Supported living services rated Good or Outstanding", "/market",
				"SUPPORTED_LIVING", null, 6);
		evidence(ld, EvidenceKind.REVIEW_FINDINGS, "Council quality reviews of supported living rated below Good",
				"/quality", "SUPPORTED_LIVING", null, -7);
		evidence(ld, EvidenceKind.OUTCOME_MEASURE,
				"ASCOF 1E: adults with a learning disability in paid employment (per cent)", "/commissioning/outcomes",
				"1E", new BigDecimal("4.1"), 0);
		review(ld, today.minusYears(1).minusDays(45), ownerName, """
				Eleven people moved home from out-of-county placements this year. Supported living supply is \
				still short in Camborne, Pool and Redruth.""", today.minusDays(45));
		intention(ld, ldSupported, "Supported living with specialist autism support, Camborne, Pool and Redruth", null,
				"SUPPORTED_LIVING", locality("Camborne, Pool and Redruth"), "2025 to 2026", today.minusMonths(1),
				"TENDER", "PLANNED");
		intention(ld, ldSupported, "Supported living dynamic purchasing system", """
				Open to new providers every quarter.""", "SUPPORTED_LIVING", null, "2024 to 2028", null,
				"DYNAMIC_MARKET", "IN_PROCUREMENT");
		intention(ld, ldShared, "Shared Lives: more carers in East Cornwall", null, "SHARED_LIVES",
				locality("Liskeard and Looe"), "2026", today.plusMonths(6), "GRANT", "PLANNED");
		intention(ld, ldHome, "Homes for people leaving long-stay hospital", null, "SUPPORTED_LIVING", null,
				"2024 to 2026", null, "PARTNERSHIP", "IN_PLACE");

		// Autism: out to consultation
		UUID autism = strategy("All-age autism strategy", "AUTISM", ownerId, """
				Written with autistic people and their families: diagnosis without long waits, support without a \
				diagnosis, and services that make reasonable adjustments.""", today.withDayOfMonth(1).plusMonths(2),
				today.withDayOfMonth(1).plusMonths(2).plusYears(5).minusDays(1), "CONSULTATION", today.plusYears(1),
				null, null, null, null, null);
		strategies++;
		priority(autism, 1, "Support without waiting for a diagnosis", "Autism partnership board", "2026 to 2028", null,
				"To be agreed with the NHS");

		// Mental health: approved
		UUID mh = strategy("Mental health accommodation and recovery strategy", "MENTAL_HEALTH", ownerId, """
				Somewhere to live and support to recover: step-down from hospital, supported accommodation, and \
				community support that keeps people well.""", today.minusYears(1).withDayOfMonth(1),
				today.minusYears(1).withDayOfMonth(1).plusYears(3).minusDays(1), "APPROVED", today.plusMonths(7),
				today.minusMonths(11), null, today.minusMonths(12), "Approved Mental Health Professional lead", """
						Compliant, with the Mental Health Act code of practice. Section 117 aftercare is \
						covered by the step-down intentions.""");
		strategies++;
		UUID mhStep = priority(mh, 1, "Step-down accommodation from hospital", "Mental health commissioner",
				"2025 to 2027", today.plusYears(1), "Shared with NHS Cornwall and Isles of Scilly");
		UUID mhCommunity = priority(mh, 2, "Community wellbeing and recovery support", "Mental health commissioner",
				"2025 to 2028", null, "£350,000 a year in grants");
		evidence(mh, EvidenceKind.CONCERN_THEME, "Concerns about staffing levels in mental health services",
				"/concerns", "STAFFING_LEVELS", null, -10);
		intention(mh, mhStep, "Step-down accommodation, Truro and Bodmin (12 places)", null, "SUPPORTED_LIVING",
				locality("Bodmin"), "2026 to 2027", today.plusMonths(8), "TENDER", "PLANNED");
		intention(mh, mhCommunity, "Recovery and wellbeing grants for community groups", null, "COMMUNITY_SUPPORT",
				null, "2026 to 2028", today.plusMonths(4), "GRANT", "PROPOSED");

		// Carers: approved
		UUID carers = strategy("Cornwall carers' strategy", "CARERS", ownerId, """
				One in eight people in Cornwall looks after someone. Carers told us they want to be recognised, to \
				get information early, and to have a life of their own alongside caring.""",
				today.minusMonths(9).withDayOfMonth(1),
				today.minusMonths(9).withDayOfMonth(1).plusYears(5).minusDays(1), "APPROVED", today.plusMonths(3),
				today.minusMonths(8), null, today.minusMonths(9), "Carers' lead, Adult Social Care", """
						Meets the Care Act duties to carers (sections 10 and 20): assessments, support and \
						prevention. Young carers' transitions to be covered with children's services.""");
		strategies++;
		UUID carersSupport = priority(carers, 1, "Information, advice and carers' assessments in one place",
				"Carers' commissioning manager", "2026", today.plusMonths(6), "£1.1 million a year");
		UUID carersBreaks = priority(carers, 2, "Breaks for carers", "Carers' commissioning manager", "2026 to 2030",
				null, "Carers' breaks grant, £400,000 a year");
		intention(carers, carersSupport, "Carers' support service for Cornwall", """
				Information and advice, carers' assessments on the council's behalf, and carers' emergency \
				plans.""", "CARERS_SUPPORT", null, "2026 to 2031", today.plusMonths(6), "TENDER", "IN_PROCUREMENT");
		intention(carers, carersBreaks, "Carers' breaks grant", null, "CARERS_SUPPORT", null, "2026 to 2030",
				today.plusMonths(2), "GRANT", "PLANNED");

		// Day opportunities: a draft
		UUID day = strategy("Day opportunities strategy", "DAY_OPPORTUNITIES", ownerId, """
				Moving from buildings-based day centres to opportunities in the community, closer to home.""",
				today.withDayOfMonth(1).plusMonths(4), today.withDayOfMonth(1).plusMonths(4).plusYears(3).minusDays(1),
				"DRAFT", null, null, null, null, null, null);
		strategies++;
		priority(day, 1, "Community-based day opportunities closer to home", "Day opportunities lead", "2026 to 2029",
				null, null);

		// An older strategy, expired
		strategy("Older people's commissioning strategy", "OLDER_PEOPLE", ownerId, null,
				today.minusYears(7).withDayOfMonth(1), today.minusYears(2).withDayOfMonth(1).minusDays(1), "EXPIRED",
				today.minusYears(2), today.minusYears(7), today.minusYears(3), today.minusYears(7),
				"Care Act implementation lead", "Reviewed when the Care Act 2014 came into force.");
		strategies++;

		int versions = marketPositionStatement(today);
		return new Loaded(strategies, this.intentions, versions);
	}

	private int marketPositionStatement(LocalDate today) {
		for (MarketPositionSection section : MarketPositionSection.values()) {
			this.marketPosition.saveNarrative(section, narrative(section, false), "Demo county generator");
		}
		int first = this.marketPosition.publish(
				"Market Position Statement " + (today.getYear() - 1) + " to " + today.getYear(), null,
				"Demo county generator");
		this.jdbc.sql("""
				update commissioning_market_position_version set published_on = :on, published_at = :at
				where number = :number""")
			.param("on", Date.valueOf(today.minusYears(1)))
			.param("at", Timestamp.valueOf(today.minusYears(1).atTime(10, 0)))
			.param("number", first)
			.update();
		for (MarketPositionSection section : MarketPositionSection.values()) {
			this.marketPosition.saveNarrative(section, narrative(section, true), "Demo county generator");
		}
		this.marketPosition.publish("Market Position Statement " + today.getYear() + " to " + (today.getYear() + 1),
				"Updated figures; new intentions for carers' support, extra care in Truro and home care on the "
						+ "Lizard; more on the workforce.",
				"Demo county generator");
		return 2;
	}

	private static String narrative(MarketPositionSection section, boolean current) {
		return switch (section) {
			case BACKGROUND -> """
					This Market Position Statement is for everyone who provides, or is thinking of providing, adult \
					social care and support in Cornwall. It sets out what we know about the people who need care \
					and support now and in the years ahead, what is available, where there are gaps, and what the \
					council means to buy.

					We want a market of good providers, large and small, who can plan and invest with confidence. \
					We will share what we know, talk to you before we buy, and pay a fair price for good care. We \
					would like to hear from you: come to the provider forums, or write to the commissioning team.""";
			case INTENTIONS -> """
					Our strategies for older people, people with a learning disability, mental health and carers \
					set the direction: more support at home and in the community, fewer people in residential care \
					who could live more independently, and services that help people recover and stay well. The \
					intentions below are what we mean to buy to get there.""";
			case DEMOGRAPHY -> """
					Cornwall has one of the oldest populations in England, and it is ageing faster than most: the \
					number of people aged 85 and over is projected to nearly double by 2040. The number of younger \
					adults with a learning disability or autism who need support is also rising, as more young \
					people move into adult services. Need is highest in West Penwith, Camborne, Pool and Redruth, \
					and the China Clay area.""";
			case SELF_FUNDERS -> """
					Around half of the people living in Cornwall's care homes pay for their own care, and more in \
					the east of the county than the west. Many people who pay for their own home care arrange it \
					directly with providers. We offer information and advice to everyone, whoever pays, and a \
					financial assessment to anyone who asks.""";
			case WORKFORCE -> current ? """
					Recruiting and keeping care workers is the biggest challenge providers tell us about, above all \
					for home care in rural areas, where travel time is long and housing is expensive. Vacancy rates \
					in the county are above the regional average. We fund the Proud to Care Cornwall campaign, pay \
					a rural rounds uplift for home care, and from this year fund care certificate training for new \
					staff through the Cornwall care academy. We would like providers to work with us on pay and \
					career pathways.""" : """
					Recruiting and keeping care workers is the biggest challenge providers tell us about, above all \
					for home care in rural areas. We fund the Proud to Care Cornwall campaign and pay a rural rounds \
					uplift for home care.""";
			case SUPPLY_AND_DEMAND -> """
					There are enough residential care beds overall, but not enough nursing beds for people living \
					with dementia, and too few providers of home care in the far west and on the Lizard. Supported \
					living is short in Camborne, Pool and Redruth. Most services are rated Good, but the share of \
					nursing homes rated Good or Outstanding has fallen this year. The tables show supply in the \
					register today, and demand against supply where the needs figures are loaded.""";
			case OPPORTUNITIES -> current ? """
					We would particularly welcome: home care providers able to run rural rounds in West Penwith, \
					Hayle and the Lizard; nursing care for people living with dementia; supported living with \
					specialist autism support in Camborne, Pool and Redruth; step-down accommodation for people \
					leaving mental health hospital; and community organisations offering carers' breaks. Talk to \
					us before a tender opens: we hold market engagement events for each of these.""" : """
					We would particularly welcome home care providers able to run rural rounds in West Penwith and \
					Hayle, nursing care for people living with dementia, and supported living in Camborne, Pool and \
					Redruth.""";
		};
	}

	private UUID strategy(String title, String group, UUID owner, String summary, LocalDate from, LocalDate to,
			String status, LocalDate reviewDue, LocalDate approvedOn, LocalDate lastReviewed, LocalDate careActOn,
			String careActReviewer, String careActFindings) {
		UUID id = UUID.randomUUID();
		long number = this.jdbc.sql("select nextval('commissioning_strategy_number')").query(Long.class).single();
		this.jdbc.sql("""
				insert into commissioning_strategy (id, version, reference, title, care_group, owner_id, summary,
				  period_from, period_to, status, review_due_on, approved_on, last_reviewed_on, care_act_reviewed_on,
				  care_act_reviewer, care_act_findings, created_at, updated_at)
				values (:id, 0, :reference, :title, :grp, :owner, :summary, :from, :to, :status, :review, :approved,
				  :reviewed, :careActOn, :careActReviewer, :careActFindings, now(), now())""")
			.param("id", id)
			.param("reference", String.format("CS-%04d", number))
			.param("title", title)
			.param("grp", group)
			.param("owner", owner)
			.param("summary", summary)
			.param("from", from)
			.param("to", to)
			.param("status", status)
			.param("review", reviewDue)
			.param("approved", approvedOn)
			.param("reviewed", lastReviewed)
			.param("careActOn", careActOn)
			.param("careActReviewer", careActReviewer)
			.param("careActFindings", careActFindings)
			.update();
		return id;
	}

	private UUID priority(UUID strategy, int position, String title, String owner, String timetable, LocalDate due,
			String resources) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_strategy_priority (id, strategy_id, position, title, owner_name, timetable,
				  due_on, resources, created_at)
				values (:id, :strategy, :position, :title, :owner, :timetable, :due, :resources, now())""")
			.param("id", id)
			.param("strategy", strategy)
			.param("position", position)
			.param("title", title)
			.param("owner", owner)
			.param("timetable", timetable)
			.param("due", due)
			.param("resources", resources)
			.update();
		return id;
	}

	/**
	 * Evidence whose figure at approval is today's moved by {@code shift}: points for a
	 * share, per cent for a count (-55 makes today's figure more than double the one at
	 * approval).
	 */
	private void evidence(UUID strategy, EvidenceKind kind, String label, String href, String subject,
			BigDecimal quoted, int shift) {
		BigDecimal now = this.changes.currentFigure(kind, subject).orElse(quoted);
		BigDecimal then = now;
		if (now != null && shift != 0) {
			then = switch (kind) {
				case SERVICE_QUALITY, REVIEW_FINDINGS ->
					now.add(BigDecimal.valueOf(shift)).max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
				default -> now.multiply(BigDecimal.valueOf(100 + shift))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
			};
		}
		this.jdbc.sql("""
				insert into commissioning_strategy_evidence (id, strategy_id, kind, label, href, subject, figure,
				  figure_at_approval, recorded_at)
				values (:id, :strategy, :kind, :label, :href, :subject, :figure, :then, now())""")
			.param("id", UUID.randomUUID())
			.param("strategy", strategy)
			.param("kind", kind.name())
			.param("label", label)
			.param("href", href)
			.param("subject", subject)
			.param("figure", quoted)
			.param("then", then)
			.update();
	}

	private void review(UUID strategy, LocalDate on, String reviewer, String notes, LocalDate next) {
		this.jdbc.sql("""
				insert into commissioning_strategy_review (id, strategy_id, reviewed_on, reviewer_name, notes,
				  next_review_on, created_at)
				values (:id, :strategy, :on, :reviewer, :notes, :next, now())""")
			.param("id", UUID.randomUUID())
			.param("strategy", strategy)
			.param("on", on)
			.param("reviewer", reviewer)
			.param("notes", notes)
			.param("next", next)
			.update();
	}

	private void intention(UUID strategy, UUID priority, String title, String description, String serviceType,
			String locality, String timescale, LocalDate startsBy, String route, String status) {
		this.jdbc.sql("""
				insert into commissioning_intention (id, version, strategy_id, priority_id, title, description,
				  service_type, locality_id, timescale, starts_by, route, status, created_at, updated_at)
				values (:id, 0, :strategy, :priority, :title, :description, :type, cast(:locality as uuid), :timescale,
				  :startsBy, :route, :status, now(), now())""")
			.param("id", UUID.randomUUID())
			.param("strategy", strategy)
			.param("priority", priority)
			.param("title", title)
			.param("description", description)
			.param("type", serviceType)
			.param("locality", locality)
			.param("timescale", timescale)
			.param("startsBy", startsBy)
			.param("route", route)
			.param("status", status)
			.update();
		this.intentions++;
	}

	/** A community area's id by its name, as text, or null when the county has none. */
	private String locality(String name) {
		return this.jdbc.sql("select id from geography_locality where name = :name and kind = 'COMMUNITY_AREA'")
			.param("name", name)
			.query(UUID.class)
			.optional()
			.map(UUID::toString)
			.orElse(null);
	}

}
