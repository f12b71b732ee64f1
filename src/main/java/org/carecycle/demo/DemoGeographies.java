package org.carecycle.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.carecycle.demo.DemoGeography.DistrictSpec;
import org.carecycle.demo.DemoGeography.LocalitySpec;
import org.carecycle.geography.Boundaries;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.Coordinates;
import org.carecycle.geography.LocalityKind;
import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The two geographies the demo can use: Cornwall's community network areas (the county),
 * or every English local authority (national scale, for benchmarks), with each postcode
 * district placed in the authority whose outline holds its centroid.
 */
@Component
class DemoGeographies {

	private final Places places;

	private final Boundaries boundaries;

	DemoGeographies(Places places, Boundaries boundaries) {
		this.places = places;
		this.boundaries = boundaries;
	}

	DemoGeography cornwall() {
		return cornwall(this.places.districts()
			.stream()
			.collect(Collectors.toMap(PostcodeDistrict::outcode, PostcodeDistrict::centroid)));
	}

	/** Cornwall's localities and districts, placed by the given district centroids. */
	static DemoGeography cornwall(Map<String, Coordinates> centroids) {
		List<LocalitySpec> localities = new ArrayList<>();
		for (List<String> row : csv("demo/cornwall_localities.csv")) {
			localities.add(new LocalitySpec(row.get(0), row.get(1), LocalityKind.COMMUNITY_AREA));
		}
		List<DistrictSpec> districts = new ArrayList<>();
		for (List<String> row : csv("demo/cornwall_districts.csv")) {
			Coordinates centroid = centroids.get(row.get(0));
			if (centroid == null) {
				throw new IllegalStateException("No centroid for postcode district " + row.get(0));
			}
			districts.add(new DistrictSpec(row.get(0), row.get(1), row.get(2), Integer.parseInt(row.get(3)),
					centroid.latitude(), centroid.longitude()));
		}
		return new DemoGeography(localities, districts, "Cornwall");
	}

	DemoGeography england() {
		List<Boundary> authorities = this.boundaries.localAuthorities();
		List<LocalitySpec> localities = new ArrayList<>();
		for (Boundary authority : authorities) {
			localities.add(new LocalitySpec(code(authority.name()), authority.name(), LocalityKind.LOCAL_AUTHORITY));
		}
		List<double[]> bounds = authorities.stream().map(Boundary::bounds).toList();
		List<DistrictSpec> districts = new ArrayList<>();
		for (PostcodeDistrict district : this.places.districts()) {
			double lat = district.centroid().latitude();
			double lon = district.centroid().longitude();
			for (int i = 0; i < authorities.size(); i++) {
				double[] box = bounds.get(i);
				if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]
						&& authorities.get(i).contains(district.centroid())) {
					String name = authorities.get(i).name();
					districts.add(new DistrictSpec(district.outcode(), name, code(name), 1, lat, lon));
					break;
				}
			}
		}
		return new DemoGeography(localities, districts, null);
	}

	Boundary boundary(DemoGeography geography) {
		return (geography.boundaryName() != null)
				? this.boundaries.localAuthority(geography.boundaryName()).orElse(null) : null;
	}

	static String code(String name) {
		String code = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("(^_|_$)", "");
		return (code.length() > 40) ? code.substring(0, 40) : code;
	}

	/** Rows of a small CSV with a header, quoted fields allowed. */
	static List<List<String>> csv(String resource) {
		try {
			String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
			List<List<String>> rows = new ArrayList<>();
			String[] lines = text.split("\\R");
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					rows.add(fields(lines[i]));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
