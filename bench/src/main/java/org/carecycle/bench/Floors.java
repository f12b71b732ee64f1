package org.carecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;

/**
 * What the machine and PostgreSQL can do at best, measured in the same run: the figures
 * the application's are divided by. The floors' tables live in a schema of their own,
 * dropped afterwards.
 */
final class Floors {

	private static final String SCHEMA = "bench_floor";

	private Floors() {
	}

	/** Rows per second of the best of three COPYs of a CSV file into a plain table. */
	static Map<String, Object> copy(Postgres pg, Path csv, List<String> header, int attempts)
			throws SQLException, IOException {
		try (Connection connection = pg.connect()) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create schema if not exists " + SCHEMA);
				statement.execute("drop table if exists " + SCHEMA + ".cqc_copy");
				StringBuilder columns = new StringBuilder();
				for (int i = 0; i < header.size(); i++) {
					columns.append((i > 0) ? ", " : "").append("c").append(i + 1).append(" text");
				}
				statement.execute("create table " + SCHEMA + ".cqc_copy (" + columns + ")");
			}
			List<Double> seconds = new ArrayList<>();
			long rows = 0;
			try {
				for (int attempt = 0; attempt < attempts; attempt++) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("truncate " + SCHEMA + ".cqc_copy");
					}
					long start = System.nanoTime();
					try (InputStream in = Files.newInputStream(csv)) {
						rows = connection.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("copy " + SCHEMA + ".cqc_copy from stdin (format csv, header true)", in, 256 * 1024);
					}
					seconds.add((System.nanoTime() - start) / 1e9);
				}
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("drop schema if exists " + SCHEMA + " cascade");
				}
			}
			double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("rows", rows);
			result.put("bytes", Files.size(csv));
			result.put("attemptsSeconds", seconds.stream().map(s -> LoadRun.round(s, 3)).toList());
			result.put("bestSeconds", LoadRun.round(best, 3));
			result.put("rowsPerSecond", Math.round(rows / best));
			Bench.log("COPY floor: " + rows + " rows, best " + LoadRun.round(best, 3) + " s = " + Math.round(rows / best)
					+ " rows/s");
			return result;
		}
	}

	/**
	 * One-row transactions per second into a plain table, from so many connections at once,
	 * for a while.
	 */
	static Map<String, Object> commits(Postgres pg, int connections, Duration duration) throws Exception {
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists " + SCHEMA);
			statement.execute("drop table if exists " + SCHEMA + ".commit_rows");
			statement.execute("create table " + SCHEMA + ".commit_rows (id bigint generated always as identity "
					+ "primary key, writer integer not null, written_at timestamptz not null default now(), note text)");
		}
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		List<Future<long[]>> futures = new ArrayList<>();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		try {
			for (int w = 0; w < connections; w++) {
				int writer = w;
				futures.add(pool.submit(() -> {
					long[] latencies = new long[1 << 16];
					int n = 0;
					try (Connection connection = pg.connect();
							PreparedStatement insert = connection.prepareStatement(
									"insert into " + SCHEMA + ".commit_rows (writer, note) values (?, ?)")) {
						connection.setAutoCommit(true);
						while (System.nanoTime() < deadline) {
							long sent = System.nanoTime();
							insert.setInt(1, writer);
							insert.setString(2, "a row committed on its own, like one form's change");
							insert.executeUpdate();
							if (n == latencies.length) {
								latencies = Arrays.copyOf(latencies, n * 2);
							}
							latencies[n++] = System.nanoTime() - sent;
						}
					}
					return Arrays.copyOf(latencies, n);
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<long[]> future : futures) {
				for (long l : future.get()) {
					all.add(l);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long[] latencies = all.stream().mapToLong(Long::longValue).toArray();
			LoadRun.Percentiles p = LoadRun.Percentiles.of(latencies);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("connections", connections);
			result.put("seconds", LoadRun.round(seconds, 2));
			result.put("commits", latencies.length);
			result.put("commitsPerSecond", Math.round(latencies.length / seconds));
			result.put("latencyMs", p.toMap());
			Bench.log("Commit floor: " + latencies.length + " one-row commits in " + LoadRun.round(seconds, 1) + " s = "
					+ Math.round(latencies.length / seconds) + "/s, p95 " + LoadRun.round(p.p95, 2) + " ms");
			return result;
		}
		finally {
			pool.shutdownNow();
			try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + SCHEMA + " cascade");
			}
		}
	}

	/**
	 * The floor of qa-planner: one pass over every review and every concern, counted by
	 * service (the tables the annual programme reads for every commissioned service).
	 */
	static final String REVIEWS_AND_CONCERNS = "reviewsAndConcernsByService";

	/**
	 * The floor of risk-recompute: one pass over the tables the risk profiles read (CQC
	 * ratings of every service, concerns and reviews), counted by service.
	 */
	static final String RISK_INPUTS = "riskInputsByService";

	/** The aggregate scans: each query's best of five, in milliseconds. */
	static final Map<String, String> SCANS = Map.of("servicesByTypeAndStatus", """
			select service_type, status, count(*),
			       sum(case when service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then beds
			                when service_type = 'HOME_CARE' then weekly_hours else places end)
			from care_service group by 1, 2""", "ratingsOfServices", """
			select s.service_type, r.key_question, r.rating, count(*)
			from care_service s join cqc_rating r on r.cqc_location_id = s.cqc_location_id
			group by 1, 2, 3""", REVIEWS_AND_CONCERNS, """
			select care_service_id, count(*)
			from (select care_service_id from qa_review union all select care_service_id from concern) x
			group by care_service_id""", RISK_INPUTS, """
			select id, count(*)
			from (select care_service_id as id from concern union all select care_service_id from qa_review
			      union all select s.id from care_service s join cqc_rating r on r.cqc_location_id = s.cqc_location_id) x
			group by id""");

	static Map<String, Object> scans(Postgres pg, int attempts) throws SQLException {
		return scans(pg, attempts, List.of("servicesByTypeAndStatus", "ratingsOfServices"));
	}

	static Map<String, Object> scans(Postgres pg, int attempts, List<String> names) throws SQLException {
		Map<String, Object> result = new LinkedHashMap<>();
		try (Connection connection = pg.connect()) {
			for (String name : names) {
				if ((name.equals(REVIEWS_AND_CONCERNS) || name.equals(RISK_INPUTS)) && !hasReviews(connection)) {
					Bench.log("Scan floor " + name + ": skipped, the database has no qa_review table");
					continue;
				}
				String sql = SCANS.get(name);
				List<Double> ms = new ArrayList<>();
				long rows = 0;
				for (int i = 0; i < attempts; i++) {
					long start = System.nanoTime();
					try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
						rows = 0;
						while (rs.next()) {
							rows++;
						}
					}
					ms.add((System.nanoTime() - start) / 1e6);
				}
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("sql", sql.replaceAll("\\s+", " ").strip());
				one.put("resultRows", rows);
				one.put("attemptsMs", ms.stream().map(m -> LoadRun.round(m, 2)).toList());
				one.put("bestMs", LoadRun.round(ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), 2));
				result.put(name, one);
				Bench.log("Scan floor " + name + ": best " + one.get("bestMs") + " ms");
			}
		}
		return result;
	}

	private static boolean hasReviews(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select to_regclass('public.qa_review') is not null")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

}
