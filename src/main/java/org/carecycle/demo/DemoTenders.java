package org.carecycle.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.procurement.CriterionKind;
import org.carecycle.procurement.TenderBids;
import org.carecycle.procurement.TenderProcedure;
import org.carecycle.procurement.TenderViews.Criterion;
import org.carecycle.procurement.TenderViews.Lot;
import org.carecycle.procurement.Tenders;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's tenders: the day-services tender from the seed ("a full tender for the
 * external (non-council) provided community support services … traditionally known as day
 * services"), open for bids with two lots, clarifications and two bidders, one of them
 * the demo provider; and a tender for extra care whose deadline has passed, its bids
 * sealed and waiting to be opened.
 */
@Component
class DemoTenders {

	private final Tenders tenders;

	private final TenderBids bids;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoTenders(Tenders tenders, TenderBids bids, JdbcClient jdbc, Clock clock) {
		this.tenders = tenders;
		this.bids = bids;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Loads both tenders; the bidders are the demo provider and another on the register.
	 */
	int load(UUID demoProvider, UUID otherProvider, UUID thirdProvider) {
		LocalDate today = UkTime.today(this.clock);
		UUID dayServices = this.tenders.create(new Tenders.TenderDetails("Community support services (day services)",
				"""
						Cornwall Council is undertaking a full tender for the external (non-council) provided community support services for adults with learning disabilities, autistic adults and older people, traditionally known as day services.

						The council wants services that help people take part in their communities, keep and make friends, learn, work and volunteer, and give family carers a break. The contracts will run for three years, with the option to extend by two.""",
				"Market position statement 2026: community support and day opportunities", TenderProcedure.OPEN,
				new BigDecimal("2400000"), 36, noon(today.plusDays(21))));
		this.tenders.addLot(dayServices, "Building-based community support",
				"Day opportunities delivered from a building, across the three localities, for about 180 people a week.",
				new BigDecimal("1500000"));
		this.tenders.addLot(dayServices, "Community-based support and outreach",
				"Support in the community for people who do not want a building-based service, for about 90 people a week.",
				new BigDecimal("900000"));
		criteria(dayServices);
		this.tenders.publish(dayServices, false);
		List<Lot> lots = this.tenders.lots(dayServices);
		List<Criterion> criteria = this.tenders.criteria(dayServices);
		UUID asked = this.tenders.ask(dayServices, new ProviderId(otherProvider),
				"Will the council pay for transport to building-based services, or should our price include it?");
		this.tenders.answer(dayServices, asked,
				"Transport is arranged and paid for by the council for people assessed as needing it. Do not include transport in your price.");
		UUID second = this.tenders.ask(dayServices, new ProviderId(demoProvider),
				"Can one provider bid for both lots, and can the lots be awarded to the same provider?");
		this.tenders.answer(dayServices, second,
				"Yes. Each lot is evaluated on its own, and a provider may win one or both lots.");
		this.tenders.ask(dayServices, new ProviderId(otherProvider),
				"Is TUPE likely to apply to staff of the current day centres?");
		bid(dayServices, lots.get(0), criteria, demoProvider, "1420000");
		bid(dayServices, lots.get(0), criteria, otherProvider, "1465000");
		bid(dayServices, lots.get(1), criteria, otherProvider, "872500");

		UUID extraCare = this.tenders.create(new Tenders.TenderDetails("Extra care housing: care and support",
				"Care and support for tenants of two extra care housing schemes in the east of the county, with a core night service.",
				"Accommodation strategy 2025 to 2030: extra care", TenderProcedure.COMPETITIVE_FLEXIBLE,
				new BigDecimal("1100000"), 48, noon(today.plusDays(1))));
		this.tenders.addLot(extraCare, "Extra care housing care and support",
				"Personal care, a planned and unplanned care service and a waking night service for 80 flats.",
				new BigDecimal("1100000"));
		criteria(extraCare);
		this.tenders.publish(extraCare, false);
		List<Lot> extraLots = this.tenders.lots(extraCare);
		List<Criterion> extraCriteria = this.tenders.criteria(extraCare);
		bid(extraCare, extraLots.get(0), extraCriteria, demoProvider, "1064000");
		bid(extraCare, extraLots.get(0), extraCriteria, thirdProvider, "1089000");
		// the demo's past: the deadline passed ten days ago; the bids wait to be opened
		this.jdbc.sql("""
				update procurement_tender set closes_at = :closes, published_at = :published where id = :id""")
			.param("closes", java.sql.Timestamp.from(noon(today.minusDays(10))))
			.param("published", java.sql.Timestamp.from(noon(today.minusDays(45))))
			.param("id", extraCare)
			.update();
		return 2;
	}

	private void criteria(UUID tender) {
		this.tenders.addCriterion(tender, null, CriterionKind.QUALITY, "Quality", null, 60);
		UUID quality = this.tenders.criteria(tender).get(0).id();
		this.tenders.addCriterion(tender, quality, CriterionKind.QUALITY, "Person-centred support and outcomes",
				"How you plan support with each person and their family, and how you show the difference it makes.",
				25);
		this.tenders.addCriterion(tender, quality, CriterionKind.QUALITY, "Safeguarding and workforce",
				"How you recruit, train and supervise staff, and how you keep people safe.", 20);
		this.tenders.addCriterion(tender, quality, CriterionKind.QUALITY, "Mobilisation and continuity",
				"How you will start the service without disruption to the people who use it now.", 15);
		this.tenders.addCriterion(tender, null, CriterionKind.PRICE, "Price", "The total price for the lot.", 30);
		this.tenders.addCriterion(tender, null, CriterionKind.SOCIAL_VALUE, "Social value",
				"Local employment, volunteering and the real living wage.", 10);
		this.tenders.addCriterion(tender, null, CriterionKind.PASS_FAIL,
				"Do you hold employer's liability insurance of at least £5 million?", null, null);
	}

	private void bid(UUID tender, Lot lot, List<Criterion> criteria, UUID provider, String price) {
		Map<UUID, String> answers = new LinkedHashMap<>();
		for (Criterion criterion : criteria) {
			boolean hasChildren = criteria.stream().anyMatch(c -> criterion.id().equals(c.parentId()));
			if (criterion.kind() == CriterionKind.PRICE || hasChildren) {
				continue;
			}
			answers.put(criterion.id(),
					(criterion.kind() == CriterionKind.PASS_FAIL) ? "Yes"
							: "Our approach to " + criterion.title().toLowerCase(java.util.Locale.ROOT)
									+ " is set out in our method statement for "
									+ lot.title().toLowerCase(java.util.Locale.ROOT)
									+ ", drawing on our work with people and families in Cornwall.");
		}
		this.bids.submit(tender, lot.id(), new ProviderId(provider), new BigDecimal(price), answers, List.of());
	}

	private static Instant noon(LocalDate day) {
		return day.atTime(LocalTime.NOON).atZone(UkTime.ZONE).toInstant();
	}

}
