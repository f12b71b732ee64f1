package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.carecycle.commissioning.NeedsAssumption.Kind;
import org.carecycle.identity.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the real published figures the needs pages start from into an empty database: ONS
 * population estimates for every council and Cornwall's MSOAs, ONS projections for
 * Cornwall, the CFAS II dementia rates, the starting (illustrative) rates and uptake
 * assumptions, and the adult social care outcome measures and activity of every council
 * (files under {@code data/commissioning}, see its README).
 */
@Component
public class NeedsReferenceData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(NeedsReferenceData.class);

	static final String DATA = "data/commissioning/";

	static final String MYE_SOURCE = "ONS mid-2020 population estimates (MYE2), OGL v3";

	static final String MSOA_SOURCE = "ONS mid-2020 small area population estimates (SAPE23DT4), OGL v3";

	static final String SNPP_SOURCE = "ONS 2022-based subnational population projections (Table Z1), OGL v3";

	/** Cornwall's code: the council whose projections are shipped. */
	public static final String CORNWALL = "E06000052";

	/**
	 * Cornwall's default nearest neighbours for outcome measures: rural unitary councils
	 * of similar size, age profile and sparsity (see ADR 0035).
	 */
	public static final List<String> CORNWALL_NEIGHBOURS = List.of("E06000051", "E06000054", "E06000057", "E06000047",
			"E06000019", "E06000059", "E10000008");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PopulationImport populationImport;

	private final NeedsAssumptions assumptions;

	private final TransactionTemplate transactions;

	NeedsReferenceData(JdbcClient jdbc, JdbcTemplate template, PopulationImport populationImport,
			NeedsAssumptions assumptions, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.populationImport = populationImport;
		this.assumptions = assumptions;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		loadIfEmpty();
	}

	/** Loads everything unless the outcome measures are already held. */
	public synchronized void loadIfEmpty() {
		boolean held = this.jdbc.sql("select exists (select 1 from commissioning_outcome_value)")
			.query(Boolean.class)
			.single();
		if (held) {
			return;
		}
		long started = System.nanoTime();
		AuditLog.asSystem("Needs reference data", () -> this.transactions.execute(status -> {
			loadPopulation();
			loadAssumptions();
			loadOutcomes();
			loadActivity();
			for (int i = 0; i < CORNWALL_NEIGHBOURS.size(); i++) {
				this.jdbc
					.sql("insert into commissioning_outcome_neighbour (la_code, neighbour_code, position) "
							+ "values (:la, :n, :p) on conflict do nothing")
					.param("la", CORNWALL)
					.param("n", CORNWALL_NEIGHBOURS.get(i))
					.param("p", i)
					.update();
			}
			return null;
		}));
		log.info("Loaded needs reference data in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void loadPopulation() {
		List<PopulationImport.Row> estimates = new ArrayList<>();
		PopulationImport.readCsv(DATA + "population/mye2020_utla22_syoa_persons.csv",
				record -> estimates.addAll(wide(record, 2, 2020)));
		this.populationImport.save(estimates, "mye2020_utla22_syoa_persons.csv", MYE_SOURCE, null, "CareCycle");
		List<PopulationImport.Row> msoas = new ArrayList<>();
		PopulationImport.readCsv(PopulationImport.MSOAS, record -> msoas.addAll(wide(record, 4, 2020)));
		this.populationImport.save(msoas, "mye2020_msoa11_syoa_persons_cornwall.csv", MSOA_SOURCE, null, "CareCycle");
		List<PopulationImport.Row> projections = new ArrayList<>();
		PopulationImport.readCsv(DATA + "population/snpp2022_migcat_cornwall_5yr_bands_long.csv", record -> {
			if (record.get("sex").equals("persons")) {
				int year = Integer.parseInt(record.get("year"));
				projections.add(new PopulationImport.Row(record.get("area_code"), record.get("area_name"), year,
						record.get("age_band"), new BigDecimal(record.get("population")), year > 2022));
			}
		});
		this.populationImport.save(projections, "snpp2022_migcat_cornwall_5yr_bands_long.csv", SNPP_SOURCE, null,
				"CareCycle");
	}

	/**
	 * A wide single-year-of-age row in five-year bands; ages start at the given column.
	 */
	private static List<PopulationImport.Row> wide(CSVRecord record, int firstAge, int year) {
		Map<String, BigDecimal> bands = new java.util.LinkedHashMap<>();
		for (int age = 0; age <= 90; age++) {
			bands.merge(PopulationAgeBands.of(age), new BigDecimal(record.get(firstAge + 1 + age)), BigDecimal::add);
		}
		List<PopulationImport.Row> rows = new ArrayList<>();
		String code = record.get(0);
		String name = (firstAge == 4) ? record.get(1) : record.get(1);
		bands.forEach((band, people) -> rows.add(new PopulationImport.Row(code, name, year, band, people, false)));
		return rows;
	}

	private void loadAssumptions() {
		// dementia: CFAS II rates by sex, combined for persons with Cornwall's mid-2022
		// sex split
		Map<String, BigDecimal[]> split = new HashMap<>();
		PopulationImport.readCsv(DATA + "population/snpp2022_migcat_cornwall_5yr_bands_long.csv", record -> {
			if (record.get("year").equals("2022") && !record.get("sex").equals("persons")) {
				BigDecimal[] pair = split.computeIfAbsent(record.get("age_band"),
						b -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				pair[record.get("sex").equals("male") ? 0 : 1] = new BigDecimal(record.get("population"));
			}
		});
		Map<String, BigDecimal[]> rates = new java.util.LinkedHashMap<>();
		PopulationImport.readCsv(DATA + "prevalence/dementia_prevalence_cfas2_by_age_sex.csv", record -> {
			BigDecimal[] pair = rates.computeIfAbsent(record.get("age_band"), b -> new BigDecimal[2]);
			pair[record.get("sex").equals("male") ? 0 : 1] = new BigDecimal(record.get("prevalence"));
		});
		rates.forEach((band, pair) -> {
			BigDecimal[] people = split.get(band);
			BigDecimal persons = pair[0].multiply(people[0])
				.add(pair[1].multiply(people[1]))
				.divide(people[0].add(people[1]), 6, RoundingMode.HALF_UP);
			prevalence(PrevalenceNeed.DEMENTIA, band, persons,
					"CFAS II (Matthews et al., Lancet 2013), men's and women's rates combined with Cornwall's mid-2022 population by sex",
					false);
		});
		// needing help with self-care: HSE 2013-14 points (65-69 and 85+), bands between
		// interpolated
		String hse = "Illustrative: interpolated between Health Survey for England 2013-14 points (65-69: 13% of men, 21% of women; 85+: 46%, 59%)";
		String[] bands = { "65-69", "70-74", "75-79", "80-84", "85-89", "90+" };
		double[] selfCare = { 0.17, 0.21, 0.27, 0.36, 0.50, 0.58 };
		for (int i = 0; i < bands.length; i++) {
			prevalence(PrevalenceNeed.SELF_CARE, bands[i], BigDecimal.valueOf(selfCare[i]), hse, true);
		}
		String ld = "Illustrative: the overall share of adults known to services with a learning disability (0.46%, Emerson and Hatton 2004), the same for every band";
		for (String band : List.of("20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64")) {
			prevalence(PrevalenceNeed.LEARNING_DISABILITY, band, new BigDecimal("0.0046"), ld, true);
		}
		String uptake = "Illustrative starting point for commissioners to replace with local activity data";
		uptake("CARE_HOME_NURSING", PrevalenceNeed.DEMENTIA, "0.20", "1", uptake);
		uptake("CARE_HOME", PrevalenceNeed.SELF_CARE, "0.06", "1", uptake);
		uptake("HOME_CARE", PrevalenceNeed.SELF_CARE, "0.08", "10", uptake);
		uptake("EXTRA_CARE", PrevalenceNeed.SELF_CARE, "0.01", "1", uptake);
		uptake("SUPPORTED_LIVING", PrevalenceNeed.LEARNING_DISABILITY, "0.25", "1", uptake);
		uptake("SHARED_LIVES", PrevalenceNeed.LEARNING_DISABILITY, "0.03", "1", uptake);
		uptake("DAY_SERVICE", PrevalenceNeed.DEMENTIA, "0.10", "1", uptake);
	}

	private void prevalence(PrevalenceNeed need, String band, BigDecimal rate, String source, boolean illustrative) {
		this.assumptions.define("PREVALENCE:" + need.name() + ":" + band, Kind.PREVALENCE, need, band, null, rate, null,
				source, illustrative, "Loaded with CareCycle");
	}

	private void uptake(String serviceType, PrevalenceNeed need, String share, String units, String source) {
		this.assumptions.define("UPTAKE:" + serviceType, Kind.UPTAKE, need, null, serviceType, new BigDecimal(share),
				new BigDecimal(units), source, true, "Loaded with CareCycle");
	}

	private void loadOutcomes() {
		List<Object[]> rows = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		PopulationImport.readCsv(DATA + "social-care/asc_outcome_measures_by_la.csv", record -> {
			String key = record.get(1) + record.get(7) + record.get(0);
			BigDecimal value = decimal(record.get(8));
			if (OutcomeMeasure.parse(record.get(7)).isPresent() && value != null && seen.add(key)) {
				rows.add(new Object[] { record.get(1), record.get(2), record.get(5), record.get(7), record.get(0),
						value });
			}
		});
		this.template.batchUpdate("insert into commissioning_outcome_value (la_code, la_name, region, measure_code, "
				+ "financial_year, value) values (?, ?, ?, ?, ?, ?)", rows);
	}

	private void loadActivity() {
		List<Object[]> rows = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		PopulationImport.readCsv(DATA + "social-care/asc_activity_by_la.csv", record -> {
			String setting = record.get("SupportSetting").isBlank() ? "All" : record.get("SupportSetting");
			String provision = switch (record.get("ActivityProvision")) {
				case "In House" -> "IN_HOUSE";
				case "External" -> "EXTERNAL";
				default -> "TOTAL";
			};
			String key = record.get("DH_GEOGRAPHY_NAME") + "|" + record.get("year") + "|" + setting + "|" + provision;
			BigDecimal value = decimal(record.get("ITEMVALUE"));
			if (value != null && seen.add(key)) {
				rows.add(new Object[] { record.get("DH_GEOGRAPHY_NAME"), Integer.parseInt(record.get("year")), setting,
						provision, value, decimal(record.get("percent_sector")) });
			}
		});
		this.template.batchUpdate("insert into commissioning_activity_value (la_name, year, setting, provision, value, "
				+ "percent_of_setting) values (?, ?, ?, ?, ?, ?)", rows);
	}

	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
