package org.carecycle.commissioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.geography.Places;
import org.carecycle.shared.Role;

import org.springframework.stereotype.Component;

/**
 * The "Population and needs" section of a locality's area profile: its population now and
 * projected, people aged 65 and over, and demand against supply by type of service now
 * and 5 and 10 years ahead.
 */
@Component
class PopulationAndNeedsSection implements AreaProfileSection {

	private final Places places;

	private final PopulationFigures population;

	private final DemandAgainstSupply demand;

	PopulationAndNeedsSection(Places places, PopulationFigures population, DemandAgainstSupply demand) {
		this.places = places;
		this.population = population;
		this.demand = demand;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public boolean isShownTo(Role role) {
		return role.isCouncilStaff();
	}

	@Override
	public String fragment() {
		return "commissioning/needs-fragments :: populationAndNeeds";
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("localityId", localityId);
		this.places.locality(localityId).ifPresent(locality -> {
			model.put("localityName", locality.name());
			List<Integer> years = List.copyOf(this.demand.years().values());
			List<PopulationFigures.Figure> figures = this.population.figures(locality.code(), years);
			Map<Integer, long[]> byYear = new LinkedHashMap<>();
			years.forEach(year -> byYear.put(year, new long[2]));
			for (PopulationFigures.Figure figure : figures) {
				long[] counts = byYear.get(figure.year());
				counts[0] += figure.people();
				if (PopulationAgeBands.lowestAge(figure.ageBand()) >= 65) {
					counts[1] += figure.people();
				}
			}
			model.put("population", byYear);
			model.put("rows", this.demand.of(localityId));
		});
		return model;
	}

}
