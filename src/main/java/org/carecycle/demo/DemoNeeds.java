package org.carecycle.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.carecycle.commissioning.NeedsReferenceData;
import org.carecycle.commissioning.PopulationAgeBands;
import org.carecycle.commissioning.PopulationFigures;
import org.carecycle.commissioning.PopulationImport;
import org.carecycle.geography.Locality;
import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's population by locality: Cornwall's real ONS 2022-based projection shared out
 * across the localities, in proportion to the demo's weight of each postcode district
 * (where the demo puts its services), with the older age bands tilted up or down a little
 * in each locality so that they differ as real places do. Each band still adds up to the
 * county's figure. The shares are illustrative, and the figures say so in their source.
 */
@Component
class DemoNeeds {

	/**
	 * Once the context is refreshed (after the demo county has loaded its localities, in
	 * its {@code SmartInitializingSingleton}), loads the localities' population if none
	 * is held yet.
	 */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextRefreshedEvent.class)
	void afterTheCounty() {
		DemoProperties demo = this.properties.getIfAvailable();
		if (demo == null) {
			return;
		}
		boolean held = this.places.localities().isEmpty() || this.population.anyLocalityHeld();
		if (!held) {
			load(demo.seed());
		}
	}

	static final String SOURCE = "Illustrative: Cornwall's ONS 2022-based projection shared out across the demo's localities";

	private final NeedsReferenceData referenceData;

	private final PopulationFigures population;

	private final PopulationImport populationImport;

	private final Places places;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final org.springframework.beans.factory.ObjectProvider<DemoProperties> properties;

	DemoNeeds(NeedsReferenceData referenceData, PopulationFigures population, PopulationImport populationImport,
			Places places, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			org.springframework.beans.factory.ObjectProvider<DemoProperties> properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.referenceData = referenceData;
		this.population = population;
		this.populationImport = populationImport;
		this.places = places;
	}

	/** Loads the localities' population; returns how many figures. */
	int load(long seed) {
		this.referenceData.loadIfEmpty();
		List<Locality> localities = this.places.localities();
		if (localities.isEmpty()) {
			return 0;
		}
		Map<String, Integer> weights = districtWeights();
		Map<java.util.UUID, Double> share = new HashMap<>();
		for (PostcodeDistrict district : this.places.districts()) {
			if (district.localityId() != null) {
				share.merge(district.localityId(), (double) weights.getOrDefault(district.outcode(), 1), Double::sum);
			}
		}
		Random random = new Random(seed);
		Map<java.util.UUID, Double> tilt = new HashMap<>();
		localities.forEach(l -> tilt.put(l.id(), 0.8 + 0.4 * random.nextDouble()));
		List<Integer> years = IntStream.rangeClosed(2022, 2047).boxed().toList();
		List<PopulationFigures.Figure> county = this.population.figures(NeedsReferenceData.CORNWALL, years);
		List<PopulationImport.Row> rows = new ArrayList<>();
		for (PopulationFigures.Figure figure : county) {
			boolean older = PopulationAgeBands.lowestAge(figure.ageBand()) >= 65;
			Map<Locality, Double> parts = new LinkedHashMap<>();
			double sum = 0;
			for (Locality locality : localities) {
				double part = share.getOrDefault(locality.id(), 0.0) * (older ? tilt.get(locality.id()) : 1);
				parts.put(locality, part);
				sum += part;
			}
			if (sum == 0) {
				continue;
			}
			for (Map.Entry<Locality, Double> part : parts.entrySet()) {
				BigDecimal people = BigDecimal.valueOf(figure.people() * part.getValue() / sum)
					.setScale(1, RoundingMode.HALF_UP);
				rows.add(new PopulationImport.Row(part.getKey().code(), part.getKey().name(), figure.year(),
						figure.ageBand(), people, figure.projected()));
			}
		}
		if (!rows.isEmpty()) {
			this.populationImport.save(rows, "demo localities", SOURCE, null, "Demo county generator");
		}
		return rows.size();
	}

	private static Map<String, Integer> districtWeights() {
		Map<String, Integer> weights = new HashMap<>();
		try {
			String text = new ClassPathResource("demo/cornwall_districts.csv")
				.getContentAsString(StandardCharsets.UTF_8);
			text.lines().skip(1).forEach(line -> {
				String[] cells = line.split(",");
				if (cells.length >= 4) {
					try {
						weights.put(cells[0], Integer.parseInt(cells[cells.length - 1].strip()));
					}
					catch (NumberFormatException ex) {
						// a district without a weight counts once
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return weights;
	}

}
