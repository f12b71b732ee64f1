package org.carecycle.oversight;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending KPI returns as a provider would, from the portal and as a CSV file: a return is
 * checked whole and saved once, figures out of tolerance and late or missing returns are
 * flagged and reach the service's risk score.
 */
@ApplicationTest
class KpiReturnsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiReturns returns;

	@Autowired
	KpiReturnsUpload upload;

	@Autowired
	KpiDefinitions definitions;

	@Autowired
	RiskProfiles profiles;

	private KpiFixtures fixtures;

	private SignedInUser provider;

	private ProviderScope scope;

	@BeforeEach
	void setUp() {
		this.fixtures = new KpiFixtures(this.jdbc, this.definitions);
		this.provider = this.fixtures.providerUser();
		this.scope = this.provider.scope();
	}

	@Test
	void aReturnIsSavedOnceWithItsFiguresOutOfToleranceFlagged() {
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous();
		UUID service = this.fixtures.service(0, period, period);
		this.fixtures.forget(service, period);
		Map<String, String> values = this.fixtures.zeros(service, period);
		values.put("STAFF_VACANCY_RATE", "40.5");

		KpiReturns.Result sent = this.returns.submit(this.scope, service, period.label(), values,
				KpiReturns.Channel.PORTAL, this.provider);

		assertThat(sent.outcome()).isEqualTo(KpiReturns.Outcome.CREATED);
		assertThat(sent.saved().breaches()).containsExactly("STAFF_VACANCY_RATE");
		assertThat(sent.saved().late()).as("sent after its due date").isTrue();
		assertThat(sent.saved().values().get("STAFF_VACANCY_RATE")).isEqualByComparingTo("40.5");
		assertThat(sent.saved().submittedByName()).isEqualTo(this.provider.displayName());

		long before = this.fixtures.returns();
		KpiReturns.Result again = this.returns.submit(this.scope, service, period.label(), values,
				KpiReturns.Channel.PORTAL, this.provider);
		assertThat(again.outcome()).as("the same figures again").isEqualTo(KpiReturns.Outcome.UNCHANGED);
		assertThat(again.saved().id()).isEqualTo(sent.saved().id());

		values.put("STAFF_VACANCY_RATE", "3");
		KpiReturns.Result changed = this.returns.submit(this.scope, service, period.label(), values,
				KpiReturns.Channel.PORTAL, this.provider);
		assertThat(changed.outcome()).isEqualTo(KpiReturns.Outcome.CONFLICT);
		assertThat(changed.problems().get(0).message()).contains("already sent");
		assertThat(this.fixtures.returns()).isEqualTo(before);
		assertThat(this.returns.find(this.scope, sent.saved().id()).orElseThrow().values().get("STAFF_VACANCY_RATE"))
			.as("the figures first sent are kept")
			.isEqualByComparingTo("40.5");
	}

	@Test
	void aReturnWithMistakesSaysWhatIsWrongWithEachFigureAndSavesNothing() {
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous();
		UUID service = this.fixtures.service(1, period, period);
		this.fixtures.forget(service, period);
		long before = this.fixtures.returns();
		Map<String, String> values = this.fixtures.zeros(service, period);
		values.put("STAFF_VACANCY_RATE", "101");
		values.put("AGENCY_USE", "twelve");
		values.put("MEDICATION_ERRORS", "1.5");
		values.remove("BEDS_VACANT");
		values.put("NOT_A_KPI", "3");

		KpiReturns.Result result = this.returns.submit(this.scope, service, period.label(), values,
				KpiReturns.Channel.PORTAL, this.provider);

		assertThat(result.outcome()).isEqualTo(KpiReturns.Outcome.INVALID);
		Map<String, String> byField = new LinkedHashMap<>();
		result.problems().forEach(p -> byField.put(p.field(), p.message()));
		assertThat(byField).containsEntry("STAFF_VACANCY_RATE", "Staff vacancy rate must be 100 or less")
			.containsEntry("AGENCY_USE", "Agency staff use must be a number, like 4 or 12.5")
			.containsKey("NOT_A_KPI");
		if (this.fixtures.zeros(service, period).containsKey("MEDICATION_ERRORS")) {
			assertThat(byField).containsEntry("MEDICATION_ERRORS", "Medication errors must be a whole number, like 3");
		}
		if (this.fixtures.zeros(service, period).containsKey("BEDS_VACANT")) {
			assertThat(byField).containsEntry("BEDS_VACANT",
					"Enter a figure for beds or places vacant at the end of the month");
		}
		assertThat(this.fixtures.returns()).isEqualTo(before);

		String thisMonth = KpiPeriod.containing(KpiPeriod.Frequency.MONTHLY, KpiFixtures.today()).label();
		assertThat(this.returns
			.submit(this.scope, service, thisMonth, this.fixtures.zeros(service, period), KpiReturns.Channel.PORTAL,
					this.provider)
			.problems()
			.get(0)
			.message()).contains("once the period has ended");
		assertThat(
				this.returns.submit(this.scope, service, "2026-13", Map.of(), KpiReturns.Channel.PORTAL, this.provider)
					.problems()
					.get(0)
					.message())
			.startsWith("Enter the period as a month");
		UUID someoneElses = this.jdbc.sql("""
				select id from care_service where provider_id <> :p and status = 'ACTIVE' order by id limit 1""")
			.param("p", this.provider.providerId().value())
			.query(UUID.class)
			.single();
		assertThat(this.returns
			.submit(this.scope, someoneElses, period.label(), Map.of(), KpiReturns.Channel.PORTAL, this.provider)
			.outcome()).as("another provider's service is not found").isEqualTo(KpiReturns.Outcome.NOT_FOUND);
		assertThat(this.fixtures.returns()).isEqualTo(before);
	}

	@Test
	void lateMissingAndOutOfToleranceReturnsRaiseTheServicesRiskScore() {
		KpiPeriod last = RiskProfiles.lastDueMonth(KpiFixtures.today());
		KpiPeriod before = last.previous();
		UUID service = this.fixtures.service(2, before, last);
		this.fixtures.forget(service, last, before);
		this.profiles.recompute(service);
		assertThat(contribution(service, "risk.kpi.late")).as("two returns missing").isEqualTo(4);
		assertThat(contribution(service, "risk.kpi.breached")).isZero();

		Map<String, String> values = this.fixtures.zeros(service, last);
		values.put("AGENCY_USE", "60");
		this.returns.submit(this.scope, service, last.label(), values, KpiReturns.Channel.PORTAL, this.provider);

		// recomputed by the event the return sent, once it committed, in the background
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(contribution(service, "risk.kpi.breached")).as("one return out of tolerance").isEqualTo(3);
			assertThat(contribution(service, "risk.kpi.late")).as("one sent late, one still missing").isEqualTo(4);
		});
	}

	private int contribution(UUID service, String signal) {
		return this.profiles.profile(service)
			.orElseThrow()
			.contributions()
			.stream()
			.filter(c -> c.signal().equals(signal))
			.mapToInt(RiskAssessment.Contribution::points)
			.sum();
	}

	@Test
	void aCsvFileIsSavedWholeOrNotAtAllAndSendingItTwiceIsHarmless() {
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous().previous();
		UUID first = this.fixtures.service(3, period, period);
		UUID second = this.fixtures.service(4, period, period);
		this.fixtures.forget(first, period);
		this.fixtures.forget(second, period);
		StringBuilder csv = new StringBuilder("service_name,service_id,period,kpi,value\n");
		for (UUID service : List.of(first, second)) {
			this.fixtures.zeros(service, period)
				.keySet()
				.forEach(code -> csv.append("\"Name, with comma\",")
					.append(service)
					.append(',')
					.append(period.label())
					.append(',')
					.append(code)
					.append(",2\n"));
		}
		long before = this.fixtures.returns();
		String wrong = csv.toString().replaceFirst(",2\n", ",-4\n") + "not-an-id," + period.label() + ",FALLS,1\n";

		KpiReturnsUpload.Report refused = this.upload.upload(this.scope, this.provider,
				wrong.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.accepted()).isFalse();
		assertThat(refused.problems()).anyMatch(p -> p.startsWith("Row 2:") && p.contains("must be 0 or more"));
		assertThat(refused.problems()).anyMatch(p -> p.contains("enter the id of one of your services"));
		assertThat(this.fixtures.returns()).as("nothing saved").isEqualTo(before);

		KpiReturnsUpload.Report sent = this.upload.upload(this.scope, this.provider,
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(sent.accepted()).isTrue();
		assertThat(sent.sent()).isEqualTo(2);
		assertThat(this.fixtures.returns()).isEqualTo(before + 2);

		KpiReturnsUpload.Report twice = this.upload.upload(this.scope, this.provider,
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(twice.sent()).isZero();
		assertThat(twice.unchanged()).isEqualTo(2);
		assertThat(this.fixtures.returns()).isEqualTo(before + 2);

		assertThat(this.upload.upload(this.scope, this.provider, new byte[] { (byte) 0xC3, (byte) 0x28 }).refusedKey())
			.isEqualTo("kpi.upload.notText");
		assertThat(this.upload.upload(this.scope, this.provider, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
			.refusedKey()).isEqualTo("kpi.upload.columns");
	}

	@Test
	void theTemplateNeutralisesNamesThatASpreadsheetWouldRunAsAFormula() {
		KpiPeriod period = RiskProfiles.lastDueMonth(KpiFixtures.today()).previous().previous().previous();
		UUID service = this.fixtures.service(3, period, period);
		this.fixtures.forget(service, period);
		String name = this.jdbc.sql("select name from care_service where id = :id")
			.param("id", service)
			.query(String.class)
			.single();
		String formula = "=HYPERLINK(\"http://evil.example\", \"Rose Court, Truro\")";
		this.jdbc.sql("update care_service set name = :name where id = :id")
			.param("name", formula)
			.param("id", service)
			.update();
		try {
			List<List<String>> rows = KpiReturnsUpload.rows(this.upload.template(this.scope), Integer.MAX_VALUE);

			assertThat(rows.get(0)).containsExactly("service_id", "service_name", "period", "kpi", "kpi_name", "value");
			assertThat(rows).filteredOn(row -> row.get(0).equals(service.toString()))
				.isNotEmpty()
				.allSatisfy(row -> assertThat(row).hasSize(6).element(1).isEqualTo("'" + formula));
		}
		finally {
			this.jdbc.sql("update care_service set name = :name where id = :id")
				.param("name", name)
				.param("id", service)
				.update();
		}
	}

	@Test
	void theDashboardsOverdueCountIsTheNumberOfOverdueReturnsListed() {
		long listed = this.returns.owed(ProviderScope.everything(), 12, 1_000_000)
			.stream()
			.filter(KpiReturns.Owed::overdue)
			.count();
		assertThat(listed).as("the demo has overdue returns").isPositive();
		// other tests change returns with SQL, behind the five-minute count's back
		this.returns.recountOverdue();
		assertThat(this.returns.overdueCount()).isEqualTo(listed);
	}

}
