package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module above commissioning contributes to the cycle view of a care group:
 * procurement its tenders and contracts, matching its placements (Do). Commissioning
 * draws Analyse and Plan itself and reads Review (quality reviews, concerns, KPIs, risk)
 * through those lower modules' public APIs; it asks every {@code CycleStage} for the
 * rest, so it never imports the modules above it.
 */
public interface CycleStage {

	enum Quarter {

		ANALYSE, PLAN, DO, REVIEW

	}

	Quarter quarter();

	/** The items this stage holds for one care group, newest first. */
	List<Item> itemsFor(CareGroup group);

	/**
	 * One thing on the cycle view: a label, a link, what it follows from (e.g. the
	 * intention a tender serves, as that intention's link) and whether it is overdue or
	 * stale, with a sentence saying why.
	 */
	record Item(String label, String href, String followsFromHref, LocalDate date, boolean needsAttention,
			String attentionReason) {
	}

}
