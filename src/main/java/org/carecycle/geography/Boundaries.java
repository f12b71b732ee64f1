package org.carecycle.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The outlines of England's local authority districts (ONS, May 2024, generalised),
 * bundled with the application for maps and for placing postcode districts in areas. Read
 * on first use and kept.
 */
@Component
public class Boundaries {

	private static final String LOCAL_AUTHORITIES = "data/geo/england_local_authorities.geojson";

	private volatile List<Boundary> localAuthorities;

	/** Every local authority district in England. */
	public List<Boundary> localAuthorities() {
		List<Boundary> loaded = this.localAuthorities;
		if (loaded == null) {
			synchronized (this) {
				if (this.localAuthorities == null) {
					this.localAuthorities = read(LOCAL_AUTHORITIES);
				}
				loaded = this.localAuthorities;
			}
		}
		return loaded;
	}

	public Optional<Boundary> localAuthority(String name) {
		return localAuthorities().stream().filter(boundary -> boundary.name().equalsIgnoreCase(name)).findFirst();
	}

	static List<Boundary> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<Boundary> boundaries = new ArrayList<>();
			for (JsonNode feature : root.get("features")) {
				String name = feature.get("properties").get("name").asString();
				JsonNode geometry = feature.get("geometry");
				JsonNode coordinates = geometry.get("coordinates");
				List<List<List<double[]>>> polygons = new ArrayList<>();
				if ("Polygon".equals(geometry.get("type").asString())) {
					polygons.add(rings(coordinates));
				}
				else {
					for (JsonNode polygon : coordinates) {
						polygons.add(rings(polygon));
					}
				}
				boundaries.add(new Boundary(name, List.copyOf(polygons)));
			}
			return List.copyOf(boundaries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<List<double[]>> rings(JsonNode polygon) {
		List<List<double[]>> rings = new ArrayList<>();
		for (JsonNode ring : polygon) {
			List<double[]> points = new ArrayList<>(ring.size());
			for (JsonNode point : ring) {
				points.add(new double[] { point.get(0).asDouble(), point.get(1).asDouble() });
			}
			rings.add(List.copyOf(points));
		}
		return List.copyOf(rings);
	}

}
