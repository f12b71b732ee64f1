package org.carecycle.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A CQC "active locations" file spread over England, generated from a seed: the header
 * first (no notice rows, so that PostgreSQL's COPY reads the very same bytes), social care
 * locations only, about three per provider. Location IDs are {@code 1-8} and ten digits,
 * provider IDs {@code 1-9} and ten digits: eleven digits, which the demo's IDs (nine or ten
 * digits) never have, so the rows can be told apart and removed afterwards.
 */
final class CqcFile {

	static final List<String> HEADER = List.of("Location ID", "Location ODS Code", "Location Name",
			"Location Telephone Number", "Registered manager", "Care home?", "Location Type/Sector",
			"Location Inspection Directorate", "Location Primary Inspection Category", "Location Latest Overall Rating",
			"Publication Date", "Location Region", "Location Local Authority", "Location Street Address",
			"Location Address Line 2", "Location City", "Location Postal Code", "Care homes beds", "HSCA start date",
			"Dormant (Y/N)", "Service type - Care home service with nursing",
			"Service type - Care home service without nursing", "Service type - Domiciliary care service",
			"Service type - Supported living service", "Service user band - Older People",
			"Service user band - Dementia", "Service user band - Learning disabilities or autistic spectrum disorder",
			"Provider ID", "Provider Name", "Brand ID");

	/** The generated locations' IDs, as a PostgreSQL regular expression. */
	static final String LOCATION_IDS = "^1-8[0-9]{10}$";

	/** The generated providers' IDs, as a PostgreSQL regular expression. */
	static final String PROVIDER_IDS = "^1-9[0-9]{10}$";

	/** The application's postcode pattern (outward code part). */
	private static final Pattern OUTCODE = Pattern
		.compile("^(GIR|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)$");

	private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String[] FIRST = { "Abbey", "Acorn", "Alder", "Ashfield", "Ashgrove", "Aspen", "Beech",
			"Birch", "Bluebell", "Bramble", "Briar", "Brook", "Cedar", "Chestnut", "Clover", "Copper", "Cherry", "Elm",
			"Fern", "Fieldfare", "Forest", "Foxglove", "Glebe", "Hawthorn", "Hazel", "Heather", "Holly", "Ivy",
			"Juniper", "Kingfisher", "Larch", "Laurel", "Lavender", "Lime", "Linden", "Maple", "Meadow", "Mill",
			"Moor", "Oak", "Orchard", "Park", "Pine", "Primrose", "Riverside", "Rowan", "Sandpiper", "Silver",
			"Spring", "St Anne's", "St Mary's", "Sycamore", "Thistle", "Valley", "Victoria", "Willow", "Woodland",
			"Yew" };

	private static final String[] CARE_HOME = { "House", "Lodge", "Court", "Manor", "Grange", "Hall", "Care Home",
			"Nursing Home", "View", "Gardens" };

	private static final String[] COMMUNITY = { "Home Care", "Care at Home", "Support Services", "Community Care",
			"Supported Living", "Homecare", "Domiciliary Care", "Care Services" };

	private static final String[] PROVIDER_WORDS = { "Caring", "Compass", "Harbour", "Heritage", "Horizon",
			"Keystone", "Lighthouse", "Milestone", "Northern", "Pathway", "Pinnacle", "Regent", "Southern", "Summit",
			"Sunrise", "Unity", "Western", "Eastern", "Beacon", "Anchor", "Cornerstone", "Evergreen" };

	private static final String[] PROVIDER_SUFFIX = { "Care Ltd", "Healthcare Limited", "Care Homes Ltd",
			"Care Group Ltd", "Support Ltd", "Living Ltd", "Trust", "Care Services Limited" };

	private static final String[] GIVEN = { "Amira", "Ben", "Chloe", "Daniel", "Eilidh", "Fatima", "George", "Hannah",
			"Imran", "Jade", "Kwame", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sophie", "Tomasz",
			"Zara" };

	private static final String[] FAMILY = { "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Green", "Hughes",
			"Jones", "Khan", "Lewis", "Morgan", "Nowak", "Patel", "Roberts", "Smith", "Taylor", "Walker", "Wilson",
			"Wright", "Young" };

	private static final String[] STREETS = { "High Street", "Church Road", "Station Road", "Mill Lane", "Park Road",
			"London Road", "Victoria Road", "Green Lane", "Manor Road", "Queens Road", "School Lane", "North Street" };

	private CqcFile() {
	}

	/** A postcode district of England and the local authority its centroid lies in. */
	record District(String outcode, String authority) {
	}

	record Generated(Path file, int rows, int providers, long bytes) {
	}

	/**
	 * England's postcode districts: the application's table of districts (from its
	 * migrations), each placed in the local authority whose outline (bundled with the
	 * application) holds its centroid; districts outside England are left out.
	 */
	static List<District> englishDistricts(Connection connection, Path boundariesGeoJson)
			throws SQLException, IOException {
		List<Boundary> boundaries = Boundary.read(boundariesGeoJson);
		List<District> districts = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select outcode, latitude, longitude from postcode_district order by outcode")) {
			while (rs.next()) {
				String outcode = rs.getString(1);
				if (!OUTCODE.matcher(outcode).matches()) {
					continue;
				}
				double lat = rs.getDouble(2);
				double lon = rs.getDouble(3);
				for (Boundary boundary : boundaries) {
					if (boundary.contains(lon, lat)) {
						districts.add(new District(outcode, boundary.name));
						break;
					}
				}
			}
		}
		return districts;
	}

	static Generated write(Path file, int rows, long seed, List<District> districts) throws IOException {
		if (districts.isEmpty()) {
			throw new IllegalStateException("No English postcode districts to place locations in");
		}
		Random random = new Random(seed);
		LocalDate firstPublication = LocalDate.of(2019, 1, 1);
		LocalDate firstRegistration = LocalDate.of(2011, 1, 1);
		int providers = 0;
		String providerId = null;
		String providerName = null;
		int left = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			line(out, HEADER);
			for (int i = 0; i < rows; i++) {
				if (left == 0) {
					providerId = "1-" + (90_000_000_000L + providers);
					providerName = pick(random, PROVIDER_WORDS) + " " + pick(random, FIRST) + " "
							+ pick(random, PROVIDER_SUFFIX);
					providers++;
					left = 1 + random.nextInt(5); // one to five locations, three on average
				}
				left--;
				District district = districts.get(random.nextInt(districts.size()));
				boolean careHome = random.nextDouble() < 0.45;
				boolean nursing = careHome && random.nextDouble() < 0.35;
				boolean domiciliary = !careHome && random.nextDouble() < 0.75;
				boolean supportedLiving = !careHome && (!domiciliary || random.nextDouble() < 0.15);
				String name = pick(random, FIRST) + " " + (careHome ? pick(random, CARE_HOME) : pick(random, COMMUNITY));
				double r = random.nextDouble();
				String rating = (r < 0.04) ? "Outstanding" : (r < 0.74) ? "Good" : (r < 0.90) ? "Requires improvement"
						: (r < 0.92) ? "Inadequate" : "";
				String published = rating.isEmpty() ? ""
						: firstPublication.plusDays(random.nextInt(2800)).format(DAY);
				String postcode = district.outcode() + " " + random.nextInt(10)
						+ INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
						+ INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
				List<String> row = List.of("1-" + (80_000_000_000L + i), "", name,
						"01632 960" + String.format(Locale.ROOT, "%03d", random.nextInt(1000)),
						pick(random, GIVEN) + " " + pick(random, FAMILY), careHome ? "Y" : "N", "Social Care Org",
						"Adult social care",
						careHome ? "Residential social care" : "Community based adult social care services", rating,
						published, "", district.authority(),
						(1 + random.nextInt(200)) + " " + pick(random, STREETS), "", district.authority(), postcode,
						careHome ? String.valueOf(5 + random.nextInt(4) * random.nextInt(30)) : "",
						firstRegistration.plusDays(random.nextInt(5400)).format(DAY), "N", yes(nursing),
						yes(careHome && !nursing), yes(domiciliary), yes(supportedLiving),
						yes(random.nextDouble() < 0.7), yes(random.nextDouble() < 0.4), yes(random.nextDouble() < 0.25),
						providerId, providerName, (random.nextDouble() < 0.2) ? "BD" + (100 + random.nextInt(400)) : "");
				line(out, row);
			}
		}
		return new Generated(file, rows, providers, Files.size(file));
	}

	private static String yes(boolean flag) {
		return flag ? "Y" : "";
	}

	private static String pick(Random random, String[] words) {
		return words[random.nextInt(words.length)];
	}

	private static void line(BufferedWriter out, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			String value = fields.get(i);
			if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
				out.write('"');
				out.write(value.replace("\"", "\"\""));
				out.write('"');
			}
			else {
				out.write(value);
			}
		}
		out.write("\r\n");
	}

	/** A local authority's outline, for placing points (even-odd rule over all rings). */
	static final class Boundary {

		final String name;

		private final List<double[][]> rings;

		private final double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };

		private Boundary(String name, List<double[][]> rings) {
			this.name = name;
			this.rings = rings;
			for (double[][] ring : rings) {
				for (double[] p : ring) {
					this.box[0] = Math.min(this.box[0], p[0]);
					this.box[1] = Math.min(this.box[1], p[1]);
					this.box[2] = Math.max(this.box[2], p[0]);
					this.box[3] = Math.max(this.box[3], p[1]);
				}
			}
		}

		@SuppressWarnings("unchecked")
		static List<Boundary> read(Path geoJson) throws IOException {
			Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(geoJson));
			List<Boundary> boundaries = new ArrayList<>();
			for (Object f : (List<Object>) root.get("features")) {
				Map<String, Object> feature = (Map<String, Object>) f;
				String name = (String) ((Map<String, Object>) feature.get("properties")).get("name");
				Map<String, Object> geometry = (Map<String, Object>) feature.get("geometry");
				List<Object> coordinates = (List<Object>) geometry.get("coordinates");
				List<Object> polygons = "Polygon".equals(geometry.get("type")) ? List.of(coordinates) : coordinates;
				List<double[][]> rings = new ArrayList<>();
				for (Object polygon : polygons) {
					for (Object ring : (List<Object>) polygon) {
						List<Object> points = (List<Object>) ring;
						double[][] xy = new double[points.size()][];
						for (int i = 0; i < points.size(); i++) {
							List<Object> point = (List<Object>) points.get(i);
							xy[i] = new double[] { (Double) point.get(0), (Double) point.get(1) };
						}
						rings.add(xy);
					}
				}
				boundaries.add(new Boundary(name, rings));
			}
			return boundaries;
		}

		boolean contains(double x, double y) {
			if (x < this.box[0] || x > this.box[2] || y < this.box[1] || y > this.box[3]) {
				return false;
			}
			boolean inside = false;
			for (double[][] ring : this.rings) {
				for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
					if ((ring[i][1] > y) != (ring[j][1] > y)
							&& x < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) {
						inside = !inside;
					}
				}
			}
			return inside;
		}

	}

}
