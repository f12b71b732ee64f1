package org.carecycle.safeguarding;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.carecycle.safeguarding.SacReturns.Column;
import org.carecycle.safeguarding.SacReturns.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Safeguarding Adults Collection return (ADR 0034): its counting rules on rows put
 * straight into the tables, the cases behind a count, the published version, the
 * downloads, who may open it and what bad addresses get. The cases fall in the financial
 * years 2017 and 2018, which nothing else in the test database uses.
 */
@ApplicationTest
class SacReturnTests {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final String PREFIX = "SACT-";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SacReturns returns;

	private UUID adultFirst;

	private UUID adultSecond;

	private UUID noRecordNumber;

	private UUID merged;

	private UUID lastYearsConcern;

	private UUID mergedWithEnquiry;

	@BeforeEach
	void cases() {
		removeCases();
		// one adult (record R-77) with two concerns and two section 42 enquiries in
		// 2017-18
		this.adultFirst = concern("1", "R-77", "2017-05-01", "AGE_65_74", "FEMALE", "S42_ENQUIRY", "Rose Court");
		enquiry(this.adultFirst, "SECTION_42", "2017-05-10", "2017-08-01", "{PHYSICAL,NEGLECT,PHYSICAL}",
				"CARE_HOME_NURSING", "{SERVICE_PROVIDER,OTHER_KNOWN}", "RISK_IDENTIFIED_ACTION_TAKEN", "REDUCED", "YES",
				"YES", "ASKED_EXPRESSED", "FULLY");
		this.adultSecond = concern("2", " R-77 ", "2017-09-01", "AGE_75_84", "FEMALE", "S42_ENQUIRY", "Rose Court");
		enquiry(this.adultSecond, "SECTION_42", "2017-09-05", "2018-05-01", "{SELF_NEGLECT}", "OWN_HOME",
				"{OTHER_UNKNOWN}", "NO_RISK_NO_ACTION", null, "NO", null, "NOT_ASKED", null);
		// no record number: an individual of its own
		this.noRecordNumber = concern("3", null, "2017-06-01", "AGE_18_64", "MALE", "NO_FURTHER_ACTION", null);
		// merged into another concern: never counted
		this.merged = concern("4", null, "2017-07-01", "AGE_18_64", "MALE", "MERGED", null);
		this.mergedWithEnquiry = concern("5", null, "2017-07-02", "AGE_95_PLUS", "MALE", "MERGED", null);
		enquiry(this.mergedWithEnquiry, "SECTION_42", "2017-07-03", "2017-07-20", "{SEXUAL}", "OWN_HOME",
				"{OTHER_KNOWN}", "RISK_IDENTIFIED_ACTION_TAKEN", "REMOVED", "NO", null, "ASKED_EXPRESSED", "PARTIALLY");
		// received in 2016-17, its other enquiry began and ended in 2017-18
		this.lastYearsConcern = concern("6", "R-90", "2017-03-15", "AGE_85_94", "FEMALE", "OTHER_ENQUIRY",
				"Hill House");
		enquiry(this.lastYearsConcern, "OTHER", "2017-04-02", "2017-06-01", "{FINANCIAL}", "OWN_HOME", "{OTHER_KNOWN}",
				"INCONCLUSIVE_ACTION_TAKEN", "REMAINED", null, null, null, null);
	}

	@AfterEach
	void removeCases() {
		this.jdbc
			.sql("delete from safeguarding_enquiry where concern_id in "
					+ "(select id from safeguarding_concern where reference like 'SACT-%')")
			.update();
		this.jdbc.sql("delete from safeguarding_concern where reference like 'SACT-%'").update();
	}

	@Test
	void anAdultWithTwoCasesIsCountedOnceInEachColumnWithTheirLatestDetails() {
		SacReturns.Return sac = this.returns.compute(2017);
		Table ages = SacReturns.table("SG1a").orElseThrow();
		assertThat(count(sac, "SG1a", "AGE_75_84", Column.CONCERNS)).isEqualTo(1);
		assertThat(count(sac, "SG1a", "AGE_65_74", Column.CONCERNS)).isZero();
		assertThat(count(sac, "SG1a", "AGE_18_64", Column.CONCERNS)).isEqualTo(1);
		assertThat(sac.total(ages, Column.CONCERNS)).isEqualTo(2);
		assertThat(count(sac, "SG1a", "AGE_75_84", Column.S42)).isEqualTo(1);
		assertThat(sac.total(ages, Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG1b", "FEMALE", Column.S42)).isEqualTo(1);
		// the enquiry commenced in the year, though its concern came the year before
		assertThat(count(sac, "SG1a", "AGE_85_94", Column.OTHER)).isEqualTo(1);
		assertThat(count(sac, "SG1a", "AGE_85_94", Column.CONCERNS)).isZero();
	}

	/**
	 * SG1 as it was counted before V46 kept each individual's latest details: every case
	 * of the year sorted at return time.
	 */
	private static final String SG1_BEFORE = """
			with cases as (
			    select 'CONCERNS' as col, c.id as concern_id, c.received_at as at,
			           nullif(btrim(c.adult_reference), '') as adult, c.age_band, c.gender, c.ethnicity, c.support_reason
			    from safeguarding_concern c
			    where c.status <> 'MERGED' and c.received_at >= :from and c.received_at < :to
			    union all
			    select case e.kind when 'SECTION_42' then 'S42' else 'OTHER' end, c.id, e.opened_at,
			           nullif(btrim(c.adult_reference), ''), c.age_band, c.gender, c.ethnicity, c.support_reason
			    from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			    where c.status <> 'MERGED' and e.opened_at >= :from and e.opened_at < :to
			),
			people as (
			    select distinct on (adult collate "C", col collate "C", case when adult is null then concern_id end)
			           col, age_band, gender, ethnicity, support_reason
			    from cases
			    order by adult collate "C", col collate "C", case when adult is null then concern_id end, at desc, concern_id
			)
			select col, dimension, value, count(*) as n
			from people, lateral (values ('SG1a', age_band), ('SG1b', gender), ('SG1c', ethnicity),
			                             ('SG1d', support_reason)) v(dimension, value)
			group by col, dimension, value""";

	@Test
	void theIndividualsKeptAsCasesAreWrittenCountTheSameAsSortingEveryCaseDid() {
		long compared = 0;
		for (int year : this.returns.years()) {
			LocalDate first = LocalDate.of(year, 4, 1);
			java.util.Map<String, Long> before = new java.util.HashMap<>();
			this.jdbc.sql(SG1_BEFORE)
				.param("from", Timestamp.from(first.atStartOfDay(UK).toInstant()))
				.param("to", Timestamp.from(first.plusYears(1).atStartOfDay(UK).toInstant()))
				.query((rs,
						n) -> before.put(SacReturns.key(rs.getString("dimension"), rs.getString("value"),
								Column.valueOf(rs.getString("col"))), rs.getLong("n")))
				.list();
			java.util.Map<String, Long> after = new java.util.HashMap<>(this.returns.compute(year).counts());
			after.keySet().removeIf(key -> !key.startsWith("SG1") || key.startsWith("SG1e"));
			assertThat(after).as("SG1 of %d", year).isEqualTo(before);
			compared += before.values().stream().mapToLong(Long::longValue).sum();
		}
		// the demo county's history and this test's cases: thousands of counts, not none
		assertThat(compared).isGreaterThan(1000);
	}

	@Test
	void aChangedRecordNumberOrAMergeChangesWhoIsCounted() {
		this.jdbc.sql("update safeguarding_concern set adult_reference = 'R-78' where id = :id")
			.param("id", this.adultSecond)
			.update();
		SacReturns.Return sac = this.returns.compute(2017);
		assertThat(count(sac, "SG1a", "AGE_65_74", Column.CONCERNS)).isEqualTo(1);
		assertThat(count(sac, "SG1a", "AGE_75_84", Column.CONCERNS)).isEqualTo(1);
		this.jdbc.sql("update safeguarding_concern set status = 'MERGED', merged_into = :into where id = :id")
			.param("into", this.adultFirst)
			.param("id", this.adultSecond)
			.update();
		sac = this.returns.compute(2017);
		assertThat(count(sac, "SG1a", "AGE_75_84", Column.CONCERNS)).isZero();
		assertThat(count(sac, "SG1a", "AGE_75_84", Column.S42)).isZero();
		assertThat(count(sac, "SG1a", "AGE_65_74", Column.S42)).isEqualTo(1);
	}

	@Test
	void sg1eCountsEveryConcernAndEveryEnquiryBegunInTheYearNotIndividuals() throws Exception {
		SacReturns.Return sac = this.returns.compute(2017);
		// three concerns received in 2017-18 (the merged ones are not counted, the one of
		// March 2017 is the year before)
		assertThat(count(sac, "SG1e", "CASES", Column.CONCERNS)).isEqualTo(3);
		// the adult with two Section 42 enquiries is one individual but two cases
		assertThat(sac.total(SacReturns.table("SG1a").orElseThrow(), Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG1e", "CASES", Column.S42)).isEqualTo(2);
		assertThat(count(sac, "SG1e", "CASES", Column.OTHER)).isEqualTo(1);
		Table cases = SacReturns.table("SG1e").orElseThrow();
		assertThat(this.returns.cases(2017, cases, cases.row("CASES").orElseThrow(), Column.S42, 1, 50).items())
			.extracting(SacReturns.CaseLine::reference)
			.containsExactly(PREFIX + "1", PREFIX + "2");
		String page = page("/safeguarding/returns/2017", SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD));
		assertThat(page).contains("Counts of safeguarding cases").contains("Number of cases");
	}

	@Test
	void mergedConcernsAreNeverCounted() {
		SacReturns.Return sac = this.returns.compute(2017);
		assertThat(count(sac, "SG1b", "MALE", Column.CONCERNS)).isEqualTo(1);
		assertThat(count(sac, "SG1a", "AGE_95_PLUS", Column.S42)).isZero();
		assertThat(count(sac, "SG2a", "SEXUAL", Column.S42)).isZero();
		assertThat(count(sac, "SG4b", "PARTIALLY", Column.S42)).isZero();
	}

	@Test
	void concludedEnquiriesCountOnceForEachDifferentRiskAndOnlyInTheYearTheyConcluded() {
		SacReturns.Return sac = this.returns.compute(2017);
		assertThat(count(sac, "SG2a", "PHYSICAL", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2a", "NEGLECT", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2a", "FINANCIAL", Column.OTHER)).isEqualTo(1);
		assertThat(sac.total(SacReturns.table("SG2a").orElseThrow(), Column.S42)).isEqualTo(2);
		assertThat(count(sac, "SG2c", "SERVICE_PROVIDER", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2c", "OTHER_KNOWN", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2b", "CARE_HOME_NURSING", Column.S42)).isEqualTo(1);
		// concluded in May 2018: next year's
		assertThat(count(sac, "SG2a", "SELF_NEGLECT", Column.S42)).isZero();
		assertThat(count(sac, "SG2b", "OWN_HOME", Column.S42)).isZero();
		SacReturns.Return next = this.returns.compute(2018);
		assertThat(count(next, "SG2a", "SELF_NEGLECT", Column.S42)).isEqualTo(1);
		assertThat(count(next, "SG2a", "PHYSICAL", Column.S42)).isZero();
		// it commenced the year before: no individual in next year's SG1
		Table ages = SacReturns.table("SG1a").orElseThrow();
		assertThat(next.total(ages, Column.S42)).isZero();
		assertThat(next.total(ages, Column.CONCERNS)).isZero();
	}

	@Test
	void concernsWithoutARecordNumberAreEachAnIndividualEvenWithTheSameDetails() {
		UUID twin = concern("7", null, "2017-06-01", "AGE_18_64", "MALE", "S42_ENQUIRY", null);
		enquiry(twin, "SECTION_42", "2017-06-05", "2017-07-01", "{PHYSICAL}", "OWN_HOME", "{OTHER_KNOWN}",
				"NO_RISK_NO_ACTION", null, "NO", null, "NOT_ASKED", null);
		concern("8", "  ", "2017-06-01", "AGE_18_64", "MALE", "NO_FURTHER_ACTION", null);
		SacReturns.Return sac = this.returns.compute(2017);
		// the concern of 1 June 2017 without a record number, its twin and the blank one
		assertThat(count(sac, "SG1a", "AGE_18_64", Column.CONCERNS)).isEqualTo(3);
		assertThat(count(sac, "SG1b", "MALE", Column.CONCERNS)).isEqualTo(3);
		assertThat(count(sac, "SG1a", "AGE_18_64", Column.S42)).isEqualTo(1);
		// the adult with record R-77 is still counted once, with their latest details
		assertThat(sac.total(SacReturns.table("SG1a").orElseThrow(), Column.CONCERNS)).isEqualTo(4);
	}

	@Test
	void actionRiskOutcomeCapacityAndPersonalOutcomesAreCountedForConcludedEnquiries() {
		SacReturns.Return sac = this.returns.compute(2017);
		assertThat(count(sac, "SG2d", "RISK_IDENTIFIED_ACTION_TAKEN", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2d", "INCONCLUSIVE_ACTION_TAKEN", Column.OTHER)).isEqualTo(1);
		assertThat(count(sac, "SG2e", "REDUCED", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG2e", "REMAINED", Column.OTHER)).isEqualTo(1);
		assertThat(count(sac, "SG3a", "YES", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG3b", "YES", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG4a", "ASKED_EXPRESSED", Column.S42)).isEqualTo(1);
		assertThat(count(sac, "SG4b", "FULLY", Column.S42)).isEqualTo(1);
		// the other enquiry is not a section 42 enquiry: not in SG3 or SG4
		assertThat(sac.total(SacReturns.table("SG3a").orElseThrow(), Column.S42)).isEqualTo(1);
		SacReturns.Return next = this.returns.compute(2018);
		assertThat(count(next, "SG4a", "NOT_ASKED", Column.S42)).isEqualTo(1);
		assertThat(count(next, "SG3a", "NO", Column.S42)).isEqualTo(1);
		assertThat(count(next, "SG3b", "NOT_RECORDED", Column.S42)).isZero();
	}

	@Test
	void publishedCountsHideUnderFiveAndRoundToTheNearestFive() {
		assertThat(List.of(0L, 1L, 4L, 5L, 7L, 8L, 12L, 13L, 1234L).stream().map(SacReturns::published).toList())
			.containsExactly("*", "*", "*", "5", "5", "10", "10", "15", "1235");
	}

	@Test
	void theReturnShowsTheCollectionsLabelsAndLinksEachCountToItsCases() throws Exception {
		String page = page("/safeguarding/returns/2017", lead());
		assertThat(page)
			.contains("SG1a", "Individuals involved in Section 42 safeguarding enquiries", "75-84", "SG4b",
					"Fully achieved", "Total")
			.contains("/safeguarding/returns/2017/cases?table=SG2a&amp;row=PHYSICAL&amp;column=S42")
			.doesNotContain("R-77");
	}

	@Test
	void theDrillDownListsExactlyTheCasesBehindACountAndRecordsTheirOpening() throws Exception {
		String individuals = page("/safeguarding/returns/2017/cases?table=SG1a&row=AGE_75_84&column=S42", lead());
		assertThat(individuals).contains(PREFIX + "1", PREFIX + "2")
			.doesNotContain(PREFIX + "3", PREFIX + "4", PREFIX + "5", PREFIX + "6");
		String enquiries = page("/safeguarding/returns/2017/cases?table=SG2a&row=PHYSICAL&column=S42", lead());
		assertThat(enquiries).contains(PREFIX + "1", "Rose Court")
			.doesNotContain(PREFIX + "2", PREFIX + "5", PREFIX + "6", "R-77");
		long logged = this.jdbc
			.sql("select count(*) from safeguarding_case_access where concern_id = :id and page = 'SAC_DRILL_DOWN'")
			.param("id", this.adultFirst)
			.query(Long.class)
			.single();
		assertThat(logged).isPositive();
	}

	@Test
	void thePublishedVersionShowsStarsAndNoLinksToCases() throws Exception {
		String page = page("/safeguarding/published-returns/2017", SignIn.as(this.mvc, Role.COMMISSIONER));
		assertThat(page).contains("SG2a", "*").doesNotContain("/cases?");
	}

	@Test
	void theExcelDownloadHasASheetPerTableWithTheCollectionsLabels() throws Exception {
		byte[] xlsx = this.mvc.perform(get("/safeguarding/returns/2017/export?format=xlsx").session(lead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> names = new ArrayList<>();
			workbook.forEach(sheet -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("SG1a", "SG1b", "SG1c", "SG1d", "SG1e", "SG2a", "SG2b", "SG2c", "SG2d",
					"SG2e", "SG3a", "SG3b", "SG4a", "SG4b");
			Sheet ages = workbook.getSheet("SG1a");
			assertThat(ages.getRow(1).getCell(2).getStringCellValue())
				.isEqualTo("Individuals involved in Section 42 safeguarding enquiries");
			assertThat(ages.getRow(4).getCell(0).getStringCellValue()).isEqualTo("75-84");
			assertThat(ages.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1);
			Sheet risks = workbook.getSheet("SG2a");
			assertThat(risks.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Section 42 safeguarding enquiries");
			assertThat(risks.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Physical abuse");
		}
		byte[] published = this.mvc
			.perform(get("/safeguarding/published-returns/2017/export?format=xlsx")
				.session(SignIn.as(this.mvc, Role.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(published))) {
			assertThat(workbook.getSheet("SG1a").getRow(4).getCell(2).getStringCellValue()).isEqualTo("*");
		}
		String csv = this.mvc.perform(get("/safeguarding/returns/2017/export?format=csv").session(lead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("SG1a Individuals involved by age band", "75-84,1,1,0", "SG4b");
	}

	@Test
	void onlySafeguardingLeadsOpenTheReturnItsCasesAndDownloads() throws Exception {
		for (String path : List.of("/safeguarding/returns", "/safeguarding/returns/2017",
				"/safeguarding/returns/2017/cases?table=SG2a&row=PHYSICAL&column=S42",
				"/safeguarding/returns/2017/export?format=csv")) {
			this.mvc.perform(get(path).session(lead())).andExpect(status().isOk());
			for (Role role : List.of(Role.QA_OFFICER, Role.COMMISSIONER, Role.ADMIN, Role.CASE_MANAGER,
					Role.PROVIDER)) {
				int answer = this.mvc.perform(get(path).session(SignIn.as(this.mvc, role)))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(answer).as(role + " " + path).isIn(403, 404);
			}
		}
	}

	@Test
	void thePublishedVersionIsForLeadsCommissionersAndAdministrators() throws Exception {
		for (String path : List.of("/safeguarding/published-returns", "/safeguarding/published-returns/2017",
				"/safeguarding/published-returns/2017/export?format=xlsx")) {
			for (Role role : List.of(Role.SAFEGUARDING_LEAD, Role.COMMISSIONER, Role.ADMIN)) {
				this.mvc.perform(get(path).session(SignIn.as(this.mvc, role))).andExpect(status().isOk());
			}
			for (Role role : List.of(Role.QA_OFFICER, Role.CASE_MANAGER, Role.PROVIDER)) {
				int answer = this.mvc.perform(get(path).session(SignIn.as(this.mvc, role)))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(answer).as(role + " " + path).isIn(403, 404);
			}
		}
	}

	@Test
	void badYearsTablesRowsAndColumnsArePageNotFound() throws Exception {
		MockHttpSession lead = lead();
		List<String> paths = new ArrayList<>(List.of("/safeguarding/returns/abc", "/safeguarding/returns/2014",
				"/safeguarding/returns/99999999999999", "/safeguarding/returns/-1", "/safeguarding/returns/2999",
				"/safeguarding/published-returns/1900", "/safeguarding/returns/2017/cases",
				"/safeguarding/returns/2017/cases?table=SG9z&row=PHYSICAL&column=S42",
				"/safeguarding/returns/2017/cases?table=SG2a&row=NOPE&column=S42",
				"/safeguarding/returns/2017/cases?table=SG2a&row=PHYSICAL&column=CONCERNS",
				"/safeguarding/returns/2017/cases?table=SG3a&row=YES&column=OTHER",
				"/safeguarding/returns/2017/export?format=pdf", "/safeguarding/returns/2017/export"));
		for (String value : HostileValues.ALL) {
			String encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
			paths.add("/safeguarding/returns/2017/cases?table=" + encoded + "&row=PHYSICAL&column=S42");
			paths.add("/safeguarding/returns/2017/cases?table=SG2a&row=" + encoded + "&column=" + encoded);
		}
		for (String path : paths) {
			String body = this.mvc.perform(get(path).session(lead))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path).doesNotContain("<script>alert");
		}
		this.mvc
			.perform(get("/safeguarding/returns/2017/cases?table=SG2a&row=PHYSICAL&column=S42&page=-5&page=x")
				.session(lead))
			.andExpect(status().isOk());
	}

	private MockHttpSession lead() throws Exception {
		return SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static long count(SacReturns.Return sac, String table, String row, Column column) {
		Table chosen = SacReturns.table(table).orElseThrow();
		return sac.count(chosen, chosen.row(row).orElseThrow(), column);
	}

	private UUID concern(String number, String adultReference, String received, String ageBand, String gender,
			String status, String serviceName) {
		UUID id = UUID.randomUUID();
		Timestamp at = Timestamp.from(LocalDate.parse(received).atTime(10, 0).atZone(UK).toInstant());
		this.jdbc
			.sql("""
					insert into safeguarding_concern (id, reference, source, received_at, summary, adult_reference, age_band,
					                                  gender, status, decision_due_at, service_name)
					values (:id, :reference, 'STAFF', :at, 'A test concern', :adult, :age, :gender, :status, :at, :service)""")
			.param("id", id)
			.param("reference", PREFIX + number)
			.param("at", at)
			.param("adult", adultReference)
			.param("age", ageBand)
			.param("gender", gender)
			.param("status", status)
			.param("service", serviceName)
			.update();
		return id;
	}

	private void enquiry(UUID concern, String kind, String opened, String concluded, String riskTypes, String location,
			String sources, String actionAndResult, String riskOutcome, String lackedCapacity, String advocacy,
			String outcomesAsked, String outcomesAchieved) {
		this.jdbc
			.sql("update safeguarding_concern set risk_types = cast(:types as varchar(30)[]), "
					+ "location_of_risk = :location, sources_of_risk = cast(:sources as varchar(30)[]) where id = :id")
			.param("types", riskTypes)
			.param("location", location)
			.param("sources", sources)
			.param("id", concern)
			.update();
		this.jdbc.sql("""
				insert into safeguarding_enquiry (id, concern_id, kind, status, opened_at, action_and_result,
				    risk_outcome, lacked_capacity, advocacy_support, outcomes_asked, outcomes_achieved, concluded_on)
				values (:id, :concern, :kind, 'CONCLUDED', :opened, :action, :outcome, :capacity, :advocacy, :asked,
				        :achieved, :concluded)""")
			.param("id", UUID.randomUUID())
			.param("concern", concern)
			.param("kind", kind)
			.param("opened", Timestamp.from(LocalDate.parse(opened).atTime(9, 0).atZone(UK).toInstant()))
			.param("action", actionAndResult)
			.param("outcome", riskOutcome)
			.param("capacity", lackedCapacity)
			.param("advocacy", advocacy)
			.param("asked", outcomesAsked)
			.param("achieved", outcomesAchieved)
			.param("concluded", Date.valueOf(concluded))
			.update();
	}

}
