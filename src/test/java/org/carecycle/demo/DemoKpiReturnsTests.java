package org.carecycle.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.oversight.EarlyWarnings;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's KPI returns give the oversight pages something real to find: the services
 * whose council reviews fell drift out of tolerance, and the KPI drift warning finds most
 * of them with fewer false alarms than the simplest rule an officer might use instead
 * (any figure out of tolerance in the latest return), measured on the same returns.
 */
@ApplicationTest
class DemoKpiReturnsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EarlyWarnings warnings;

	@Test
	void theDriftWarningFindsMostDeterioratingServicesWithFewerFalseAlarmsThanTheLatestReturnAlone() {
		LocalDate today = LocalDate.now(UkTime.ZONE);
		Set<UUID> deteriorating = new HashSet<>(this.jdbc.sql("""
				with latest as (
				    select distinct on (care_service_id) care_service_id, overall_rating, previous_rating
				    from qa_review where published_at is not null
				    order by care_service_id, published_at desc
				)
				select care_service_id, overall_rating, previous_rating from latest""")
			.query((rs, n) -> (DemoReturns.trouble(rs.getString(2), rs.getString(3)) > 0) ? rs.getObject(1, UUID.class)
					: null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList());
		Set<UUID> returning = new HashSet<>(
				this.jdbc.sql("select distinct care_service_id from kpi_return").query(UUID.class).list());
		deteriorating.retainAll(returning);
		Set<UUID> drift = new HashSet<>(this.warnings.kpiDrifting(today));
		Set<UUID> baseline = new HashSet<>(this.jdbc.sql("""
				select distinct on (care_service_id) care_service_id from kpi_return
				where frequency = 'MONTHLY' order by care_service_id, period_start desc""").query(UUID.class).list());
		List<UUID> breachedLatest = this.jdbc.sql("""
				select care_service_id from (
				    select distinct on (care_service_id) care_service_id, breaches from kpi_return
				    where frequency = 'MONTHLY' order by care_service_id, period_start desc) latest
				where cardinality(breaches) > 0""").query(UUID.class).list();
		baseline.retainAll(breachedLatest);

		double driftPrecision = precision(drift, deteriorating);
		double baselinePrecision = precision(baseline, deteriorating);
		double driftRecall = recall(drift, deteriorating);
		double baselineRecall = recall(baseline, deteriorating);
		System.out.printf(
				"KPI drift warning on the demo county: %d deteriorating services of %d returning; drift flags %d "
						+ "(precision %.2f, recall %.2f); latest return out of tolerance flags %d (precision %.2f, "
						+ "recall %.2f)%n",
				deteriorating.size(), returning.size(), drift.size(), driftPrecision, driftRecall, baseline.size(),
				baselinePrecision, baselineRecall);
		assertThat(deteriorating).as("the demo has deteriorating services").hasSizeGreaterThan(5);
		assertThat(drift).as("the warning fires on the demo").isNotEmpty();
		System.out.printf("F1: drift %.2f, latest return %.2f%n", f1(driftPrecision, driftRecall),
				f1(baselinePrecision, baselineRecall));
		// A warning asks an officer for a decision, so it must raise fewer false alarms
		// than
		// the simple rule, while still finding most of the services that deteriorate.
		assertThat(driftPrecision).as("precision against the baseline's").isGreaterThan(baselinePrecision);
		assertThat(driftRecall).as("recall").isGreaterThanOrEqualTo(0.5);
	}

	@Test
	void theDemoProviderHasReturnsToSendAndOthersHaveSentLateOrOutOfTolerance() {
		long owedByDemoProvider = this.jdbc.sql("""
				select count(*) from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = 'provider@carecycle.example'
				  and exists (select 1 from contract c where c.care_service_id = s.id and c.ends_on >= current_date
				              and c.starts_on <= current_date - 60)
				  and not exists (select 1 from kpi_return r where r.care_service_id = s.id and r.frequency = 'MONTHLY'
				                  and r.period_end >= current_date - 45)""").query(Long.class).single();
		assertThat(owedByDemoProvider).as("demo provider services with the latest month to send").isPositive();
		assertThat(this.jdbc.sql("select count(*) from kpi_return where late").query(Long.class).single()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from kpi_return where cardinality(breaches) > 0")
			.query(Long.class)
			.single()).isPositive();
	}

	private static double precision(Set<UUID> flagged, Set<UUID> truth) {
		return flagged.isEmpty() ? 0 : flagged.stream().filter(truth::contains).count() / (double) flagged.size();
	}

	private static double recall(Set<UUID> flagged, Set<UUID> truth) {
		return truth.isEmpty() ? 0 : flagged.stream().filter(truth::contains).count() / (double) truth.size();
	}

	private static double f1(double precision, double recall) {
		return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
	}

}
