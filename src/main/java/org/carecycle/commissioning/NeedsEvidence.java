package org.carecycle.commissioning;

import java.util.List;

/**
 * The needs figures other pages quote (the Market Position Statement, strategies'
 * evidence, area profiles): population by age band, and demand against supply by type of
 * service, for the whole council area, now and some years ahead, from the current
 * assumptions.
 */
public interface NeedsEvidence {

	/** Population by age band for each year asked for (estimates, then projections). */
	List<Population> population(List<Integer> years);

	/**
	 * Demand against supply for each type of service, {@code yearsAhead} from now (0, 5,
	 * 10).
	 */
	List<Gap> gaps(int yearsAhead);

	/** People of one age band in one year, and whether the figure is a projection. */
	record Population(int year, String ageBand, long people, boolean projected) {
	}

	/**
	 * Projected people needing support against supply (beds, places or hours as the type
	 * of service counts it) and the share of that supply rated Good or better.
	 */
	record Gap(String serviceType, String unit, long demand, long supply, long commissionedSupply, long gap,
			double gapPer100k, double goodOrBetterShare) {
	}

}
