package org.carecycle.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demand-against-supply}: demand against supply for every locality and type of
 * service, now and 5 and 10 years ahead (issue 16), at national scale (about 300
 * localities, every active service). Asks for the page five times after two warm-ups,
 * reading the server's own time for the one query that computes it from its
 * {@code Server-Timing: demand;dur=N} header; measures one aggregate scan of the same rows
 * (the localities' population by area and year, and the active services' capacity by
 * locality and type) in the same run, best of 5.
 */
final class DemandScenario {

	static final String NAME = "demand-against-supply";

	static final String PATH = "/commissioning/demand";

	static final double GOAL_MS = 1_000;

	static final double GOAL_RATIO = 3;

	private static final Pattern MILLIS = Pattern.compile("\\bdemand;dur=(\\d+)");

	static final String SCAN = """
			select (select count(*) from (
			            select p.area_code, p.year, sum(p.people)
			            from commissioning_population p join geography_locality l on l.code = p.area_code
			            group by p.area_code, p.year) population),
			       (select count(*) from (
			            select locality_id, service_type,
			                   sum(coalesce(beds, 0) + coalesce(places, 0) + coalesce(weekly_hours, 0))
			            from providers_service where status = 'ACTIVE' group by locality_id, service_type) supply)""";

	private DemandScenario() {
	}

	/** One aggregate scan of the same rows, best of the attempts, in milliseconds. */
	static double scan(Postgres pg, int attempts) throws SQLException {
		double best = Double.MAX_VALUE;
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < attempts; i++) {
				long started = System.nanoTime();
				try (ResultSet rows = statement.executeQuery(SCAN)) {
					while (rows.next()) {
						rows.getLong(1);
					}
				}
				best = Math.min(best, (System.nanoTime() - started) / 1e6);
			}
		}
		return best;
	}

	/** The localities counted, for the report. */
	static long localities(Postgres pg) throws SQLException {
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from geography_locality")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	static List<Long> run(WebClient commissioner, int warmUp, int runs) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			millis(commissioner.fetch(PATH));
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			times.add(millis(commissioner.fetch(PATH)));
		}
		return times;
	}

	static long median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static long millis(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + PATH + " answered " + response.statusCode());
		}
		String timing = response.headers().firstValue("Server-Timing").orElse("");
		Matcher millis = MILLIS.matcher(timing);
		if (!millis.find()) {
			throw new IllegalStateException("GET " + PATH + " has no Server-Timing header \"demand;dur=N\": " + timing);
		}
		return Long.parseLong(millis.group(1));
	}

}
