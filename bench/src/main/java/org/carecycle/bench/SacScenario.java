package org.carecycle.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sac-return}: the Safeguarding Adults Collection return (ADR 0034) for a
 * national-scale year. Generates about 600,000 safeguarding concerns and 180,000 enquiries
 * (120,000 section 42, 60,000 other) in the financial year 2019-20, which the demo never
 * uses, straight into the tables with {@code generate_series}; asks for the published
 * return (which computes the whole return, as the safeguarding lead's does; commissioners
 * sign in without a second factor) five times after a warm-up, reading the server's own
 * time from its {@code Server-Timing: sac;dur=N} header; measures one aggregate scan of the
 * same rows (concerns of the year joined to their enquiries, grouped) in the same run, best
 * of 5; and deletes the rows it made.
 */
final class SacScenario {

	static final String NAME = "sac-return";

	static final int YEAR = 2019;

	static final String PATH = "/safeguarding/published-returns/" + YEAR;

	static final double GOAL_MS = 2_000;

	static final double GOAL_RATIO = 3;

	private static final Pattern MILLIS = Pattern.compile("\\bsac;dur=(\\d+)");

	private static final String FROM = "timestamptz '2019-04-01 00:00:00+01'";

	private static final String TO = "timestamptz '2020-04-01 00:00:00+01'";

	// 600,000 concerns over the year from about 430,000 adults (a fifth with no record
	// number), in the national proportions, roughly
	private static final String CONCERNS = """
			insert into safeguarding_concern (id, reference, source, received_at, summary, adult_reference, age_band,
			    gender, ethnicity, support_reason, risk_types, location_of_risk, sources_of_risk, status,
			    decision_due_at, service_name)
			select md5('sac-bench-' || i)::uuid, 'SACB-' || i, 'STAFF',
			       %s + (i %% 365) * interval '1 day' + (i %% 86400) * interval '1 second',
			       'Bench concern', case when i %% 5 = 0 then null else 'BENCH-' || (i %% 430000) end,
			       (array['AGE_18_64','AGE_65_74','AGE_75_84','AGE_85_94','AGE_95_PLUS','UNKNOWN'])[1 + i %% 6],
			       (array['MALE','FEMALE','FEMALE','UNKNOWN'])[1 + i %% 4],
			       (array['WHITE','WHITE','WHITE','MIXED','ASIAN','BLACK','OTHER','REFUSED','NOT_KNOWN'])[1 + i %% 9],
			       (array['PHYSICAL','SENSORY','MEMORY_AND_COGNITION','LEARNING_DISABILITY','MENTAL_HEALTH','SOCIAL',
			              'NO_SUPPORT_REASON','NOT_KNOWN'])[1 + i %% 8],
			       array[(array['PHYSICAL','SEXUAL','PSYCHOLOGICAL','FINANCIAL','DISCRIMINATORY','ORGANISATIONAL','NEGLECT',
			              'DOMESTIC','SEXUAL_EXPLOITATION','MODERN_SLAVERY','SELF_NEGLECT'])[1 + i %% 11],
			             (array['NEGLECT','PHYSICAL','FINANCIAL'])[1 + i %% 3]]::varchar(30)[],
			       (array['OWN_HOME','COMMUNITY','COMMUNITY_SERVICE','CARE_HOME_NURSING','CARE_HOME_RESIDENTIAL',
			              'HOSPITAL_ACUTE','HOSPITAL_MENTAL_HEALTH','HOSPITAL_COMMUNITY','OTHER'])[1 + i %% 9],
			       case when i %% 7 = 0 then array['SERVICE_PROVIDER','OTHER_KNOWN']::varchar(30)[]
			            else array[(array['SERVICE_PROVIDER','OTHER_KNOWN','OTHER_UNKNOWN'])[1 + i %% 3]]::varchar(30)[] end,
			       case when i %% 100 = 0 then 'MERGED' when i %% 3 = 0 and i <= 540000 then
			            (case when i %% 9 = 0 then 'OTHER_ENQUIRY' else 'S42_ENQUIRY' end) else 'NO_FURTHER_ACTION' end,
			       %s, 'Bench service ' || (i %% 20000)
			from generate_series(1, 600000) i""".formatted(FROM, FROM);

	// 180,000 enquiries on every third concern; five in six concluded in the year
	private static final String ENQUIRIES = """
			insert into safeguarding_enquiry (id, concern_id, kind, status, opened_at, lacked_capacity, advocacy_support,
			    outcomes_asked, outcomes_achieved, action_and_result, risk_outcome, concluded_on)
			select md5('sac-bench-enquiry-' || i)::uuid, md5('sac-bench-' || (i * 3))::uuid,
			       case when i %% 3 = 0 then 'OTHER' else 'SECTION_42' end,
			       case when i %% 6 = 0 then 'IN_PROGRESS' else 'CONCLUDED' end,
			       %s + ((i * 3) %% 365) * interval '1 day' + interval '2 days',
			       (array['YES','NO','NO','DONT_KNOW','NOT_RECORDED'])[1 + i %% 5],
			       (array['YES','NO','DONT_KNOW','NOT_RECORDED'])[1 + i %% 4],
			       (array['ASKED_EXPRESSED','ASKED_EXPRESSED','ASKED_NOT_EXPRESSED','NOT_ASKED','DONT_KNOW','NOT_RECORDED'])[1 + i %% 6],
			       (array['FULLY','FULLY','PARTIALLY','NOT'])[1 + i %% 4],
			       (array['RISK_IDENTIFIED_ACTION_TAKEN','RISK_IDENTIFIED_NO_ACTION','INCONCLUSIVE_ACTION_TAKEN',
			              'INCONCLUSIVE_NO_ACTION','NO_RISK_ACTION_TAKEN','NO_RISK_NO_ACTION','CEASED_AT_REQUEST'])[1 + i %% 7],
			       (array['REMAINED','REDUCED','REDUCED','REMOVED'])[1 + i %% 4],
			       case when i %% 6 = 0 then null else date '2019-04-01' + least(364, ((i * 3) %% 365) + 20) end
			from generate_series(1, 180000) i""".formatted(FROM);

	private static final String SCAN = """
			select c.age_band, count(*), count(e.id), count(e.concluded_on)
			from safeguarding_concern c left join safeguarding_enquiry e on e.concern_id = c.id
			where c.received_at >= %s and c.received_at < %s
			group by c.age_band""".formatted(FROM, TO);

	private SacScenario() {
	}

	/** Puts the year's rows in, unless a previous run left them. */
	static Map<String, Object> generate(Postgres pg) throws SQLException {
		Map<String, Object> made = new LinkedHashMap<>();
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
			remove(statement);
			long started = System.nanoTime();
			statement.execute(CONCERNS);
			statement.execute(ENQUIRIES);
			statement.execute("analyze safeguarding_concern");
			statement.execute("analyze safeguarding_enquiry");
			// kept by the module's triggers as the rows went in (V46)
			statement.execute("vacuum analyze safeguarding_sac_individual");
			made.put("generateMs", (System.nanoTime() - started) / 1_000_000);
			made.put("concerns", single(statement, "select count(*) from safeguarding_concern where reference like 'SACB-%'"));
			made.put("enquiries", single(statement, "select count(*) from safeguarding_enquiry e join safeguarding_concern c "
					+ "on c.id = e.concern_id where c.reference like 'SACB-%'"));
		}
		return made;
	}

	/** One aggregate scan of the same rows, best of the attempts, in milliseconds. */
	static double scan(Postgres pg, int attempts) throws SQLException {
		double best = Double.MAX_VALUE;
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < attempts; i++) {
				long started = System.nanoTime();
				try (ResultSet rows = statement.executeQuery(SCAN)) {
					while (rows.next()) {
						rows.getLong(2);
					}
				}
				best = Math.min(best, (System.nanoTime() - started) / 1e6);
			}
		}
		return best;
	}

	/** The return asked for again and again: its own time from the header, each run. */
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

	static void cleanUp(Postgres pg) throws SQLException {
		try (Connection connection = pg.connect(); Statement statement = connection.createStatement()) {
			remove(statement);
		}
	}

	private static void remove(Statement statement) throws SQLException {
		statement.execute("delete from safeguarding_enquiry where concern_id in "
				+ "(select id from safeguarding_concern where reference like 'SACB-%')");
		statement.execute("delete from safeguarding_concern where reference like 'SACB-%'");
	}

	private static long millis(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + PATH + " answered " + response.statusCode());
		}
		String timing = response.headers().firstValue("Server-Timing").orElse("");
		Matcher millis = MILLIS.matcher(timing);
		if (!millis.find()) {
			throw new IllegalStateException("GET " + PATH + " has no Server-Timing header \"sac;dur=N\": " + timing);
		}
		return Long.parseLong(millis.group(1));
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
