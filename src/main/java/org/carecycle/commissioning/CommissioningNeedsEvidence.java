package org.carecycle.commissioning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The council-wide needs figures other pages quote: the council's population by age band
 * (ONS estimates, then projections) and demand against supply of every locality added up.
 */
@Service
class CommissioningNeedsEvidence implements NeedsEvidence {

	private final PopulationFigures population;

	private final DemandAgainstSupply demand;

	CommissioningNeedsEvidence(PopulationFigures population, DemandAgainstSupply demand) {
		this.population = population;
		this.demand = demand;
	}

	@Override
	public List<Population> population(List<Integer> years) {
		if (years.isEmpty()) {
			return List.of();
		}
		return this.population.councilCode()
			.map(code -> this.population.figures(code, years)
				.stream()
				.map(f -> new Population(f.year(), f.ageBand(), f.people(), f.projected()))
				.toList())
			.orElse(List.of());
	}

	@Override
	public List<Gap> gaps(int yearsAhead) {
		List<Gap> gaps = new ArrayList<>();
		for (DemandAgainstSupply.Row row : this.demand.councilWide(this.demand.all())) {
			if (row.yearsAhead() == yearsAhead) {
				gaps.add(new Gap(row.serviceType(), DemandUnits.of(row.serviceType()), row.demand(), row.supply(),
						row.commissioned(), row.gap(), row.gapPer100k(),
						(row.cqcGoodShare() != null) ? row.cqcGoodShare() : 0));
			}
		}
		return gaps;
	}

}
