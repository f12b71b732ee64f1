package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module contributes to the cycle view of a care group: procurement its tenders
 * and contracts (Do), oversight and quality their reviews, concerns and KPIs (Review).
 * The commissioning module draws Analyse and Plan itself and asks every
 * {@code CycleStage} for the rest, so it never imports the modules above it.
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
