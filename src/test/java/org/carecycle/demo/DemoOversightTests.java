package org.carecycle.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo county shows the escalation ladder working: services at every stage above
 * routine monitoring, with their decisions, suspension letters and deadlines, some of
 * them overdue; and every service carries months of risk history for its chart.
 */
@ApplicationTest
class DemoOversightTests {

	@Autowired
	DemoCountyLoader loader;

	@Autowired
	DemoProperties properties;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Escalations escalations;

	@Test
	void theLadderHasServicesAtEveryStageWithTheirLettersAndDeadlines() throws Exception {
		LocalDate today = LocalDate.now(UkTime.ZONE);
		List<Escalations.Open> open = this.escalations.open();
		Set<EscalationStage> stages = open.stream().map(Escalations.Open::stage).collect(Collectors.toSet());
		assertThat(stages).containsAll(EnumSet.range(EscalationStage.ENHANCED, EscalationStage.CONTRACT_ACTION));
		assertThat(open).anySatisfy(e -> assertThat(e.nextDeadline()).isBefore(today));
		assertThat(open).anySatisfy(e -> assertThat(e.nextDeadline()).isAfter(today));
		// a suspension whose letter went and one whose letter is overdue
		assertThat(open).anySatisfy(e -> {
			assertThat(e.stage()).isEqualTo(EscalationStage.SUSPENSION);
			assertThat(e.letterSentOn()).isNotNull();
		});
		assertThat(open).anySatisfy(e -> {
			assertThat(e.stage()).isEqualTo(EscalationStage.SUSPENSION);
			assertThat(e.letterSentOn()).isNull();
			assertThat(e.letterDueOn()).isBefore(today);
		});
		Escalations.Open contract = open.stream()
			.filter(e -> e.stage() == EscalationStage.CONTRACT_ACTION)
			.findFirst()
			.orElseThrow();
		// each step up the ladder was decided and recorded, by the right person
		List<Escalations.Decision> decisions = this.escalations.decisions(contract.id());
		assertThat(decisions).extracting(Escalations.Decision::toStage)
			.contains(EscalationStage.ENHANCED, EscalationStage.PROVIDER_CONCERNS, EscalationStage.SUSPENSION,
					EscalationStage.CONTRACT_ACTION);
		assertThat(decisions).allSatisfy(d -> assertThat(d.evidence()).isNotBlank());

		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String dashboard = Jsoup
			.parse(this.mvc.perform(get("/oversight").session(commissioner))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("main table")
			.text();
		assertThat(dashboard).contains("Enhanced monitoring", "Provider concerns", "Suspension of new placements",
				"Contract default or termination", "Letter and plan due", "Overdue");
		String page = this.mvc.perform(get("/oversight/escalations/" + contract.id()).session(commissioner))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Sent on").contains("Received on");
	}

	@Test
	void servicesCarryMonthsOfRiskHistory() {
		// other tests add services to the register: take one of the demo county's own
		List<UUID> county = this.loader.generate(this.properties).services().stream().map(s -> s.id()).toList();
		UUID service = this.jdbc.sql("""
				select s.id from providers_service s where s.status = 'ACTIVE' and s.id in (:ids)
				order by s.name limit 1""").param("ids", county).query(UUID.class).single();
		long months = this.jdbc
			.sql("select count(*) from risk_history where care_service_id = :id and on_date < current_date")
			.param("id", service)
			.query(Long.class)
			.single();
		assertThat(months).isGreaterThanOrEqualTo(12);
	}

}
