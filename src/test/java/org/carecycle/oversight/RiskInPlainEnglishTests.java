package org.carecycle.oversight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The risk register and a service's risk profile read as English: every value the model
 * saw is said in words ("Inadequate", "Yes"), the score over time is a chart with axes
 * and a table of the same figures, and services tied at the capped score are ranked by
 * what their signals add up to.
 */
@ApplicationTest
class RiskInPlainEnglishTests {

	/** Capitals words a reader knows, which are not a constant leaking onto the page. */
	private static final Set<String> KNOWN = Set.of("CQC", "KPI", "KPIs", "ICB", "NHS", "UK", "GOV", "CSV", "PDF",
			"API", "GP", "OK", "BETA", "ID",
			// in providers' names: community interest companies and the like
			"CIC", "CIO", "LLP", "PLC");

	private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)*\\b");

	private static final Pattern RAW = Pattern.compile("\\b(true|false|null)\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskProfiles profiles;

	@Autowired
	RiskRegister register;

	@Test
	void profilesWithEveryKindOfEvidenceShowNoRawValues() throws Exception {
		AuditLog.asSystem("test", () -> this.profiles.recomputeAll());
		// one service for each signal that added points (and the cap), the riskiest, and
		// the least risky, whose signals are mostly "no" and "none"
		Set<UUID> services = new LinkedHashSet<>(this.jdbc.sql("""
				select care_service_id from (
				    select distinct on (split_part(c, chr(9), 1)) r.care_service_id, split_part(c, chr(9), 1) as signal
				    from risk_profile r join providers_service s on s.id = r.care_service_id and s.status = 'ACTIVE',
				         unnest(r.contributions) c
				    where split_part(c, chr(9), 3) <> '0'
				    order by split_part(c, chr(9), 1), r.score desc, s.name) chosen""").query(UUID.class).list());
		services.addAll(this.jdbc.sql("""
				(select r.care_service_id from risk_profile r join providers_service s on s.id = r.care_service_id
				 where s.status = 'ACTIVE' order by r.score desc, s.name limit 2)
				union all
				(select r.care_service_id from risk_profile r join providers_service s on s.id = r.care_service_id
				 where s.status = 'ACTIVE' order by r.score, s.name limit 1)""").query(UUID.class).list());
		List<String> signals = this.jdbc.sql("""
				select distinct split_part(c, chr(9), 1) from risk_profile r, unnest(r.contributions) c
				where r.care_service_id in (:ids)""").param("ids", services).query(String.class).list();
		assertThat(signals).contains("risk.cqc.overall", "risk.qa.rating", "risk.manager.absent", "risk.cap");

		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		List<String> found = new ArrayList<>();
		for (UUID service : services) {
			found.addAll(rawValues("/oversight/risk/" + service, officer));
		}
		found.addAll(rawValues("/oversight/risk", officer));
		found.addAll(rawValues("/oversight/risk?band=CRITICAL", officer));
		assertThat(found).as("raw values on the risk pages").isEmpty();
	}

	private List<String> rawValues(String path, MockHttpSession session) throws Exception {
		String html = this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
		String text = Jsoup.parse(html).select("main").text();
		// providers' and services' own names may be in capitals (as CQC's files have
		// them), or be another test's hostile input
		for (String name : this.jdbc.sql("""
				select name from provider union select name from care_service order by 1 desc""")
			.query(String.class)
			.list()) {
			text = text.replace(name, " ");
		}
		List<String> found = new ArrayList<>();
		Matcher constant = CONSTANT.matcher(text);
		while (constant.find()) {
			if (!KNOWN.contains(constant.group())) {
				found.add(path + ": " + constant.group());
			}
		}
		Matcher raw = RAW.matcher(text);
		while (raw.find()) {
			found.add(path + ": " + raw.group());
		}
		return found;
	}

	@Test
	void theRiskOverTimeIsAChartWithAxesAndATableOfTheSameFigures() throws Exception {
		UUID service = this.jdbc.sql("""
				select h.care_service_id from risk_history h join providers_service s on s.id = h.care_service_id
				where s.status = 'ACTIVE' group by h.care_service_id, s.name
				having count(*) >= 12 order by max(h.score) desc, s.name limit 1""").query(UUID.class).single();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String html = this.mvc.perform(get("/oversight/risk/" + service).session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		var svg = page.selectFirst("main svg.carecycle-risk-chart");
		assertThat(svg).isNotNull();
		assertThat(svg.attr("role")).isEqualTo("img");
		assertThat(svg.selectFirst("title").text()).isEqualTo("Risk score over time");
		assertThat(svg.selectFirst("desc").text()).contains("lowest").contains("latest");
		List<String> labels = svg.select("text").eachText();
		assertThat(labels).contains("0", "20", "100", "Date", "Risk score (0 to 100)");
		assertThat(labels).anyMatch(label -> label.matches("[A-Z][a-z]{2} \\d{4}"));
		assertThat(svg.select("path.carecycle-risk-chart__line").attr("d")).startsWith("M");
		int points = svg.select("circle").size();
		assertThat(points).isGreaterThanOrEqualTo(12);
		var rows = page.select("details table tbody tr");
		assertThat(rows).hasSize(points);
	}

	@Test
	void servicesTiedAtTheCappedScoreAreRankedByWhatTheirSignalsAddUpTo() throws Exception {
		List<UUID> two = this.jdbc.sql("""
				select r.care_service_id from risk_profile r join providers_service s on s.id = r.care_service_id
				where s.status = 'ACTIVE' and r.score < 20
				order by s.name limit 2""").query(UUID.class).list();
		UUID first = two.get(0);
		UUID second = two.get(1);
		try {
			// the service first by name has less evidence behind its 100
			capped(first, 110);
			capped(second, 140);
			this.register.changed();
			List<RiskProfiles.Ranked> critical = this.profiles.register(RiskBand.CRITICAL, 10_000, 0);
			List<UUID> order = critical.stream().map(RiskProfiles.Ranked::serviceId).toList();
			assertThat(order.indexOf(second)).isNotNegative().isLessThan(order.indexOf(first));
			assertThat(critical.get(order.indexOf(second)).evidence()).isEqualTo(140);
			MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
			String page = this.mvc.perform(get("/oversight/risk?band=CRITICAL").session(officer))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("signals add up to 140").contains("signals add up to 110");
			assertThat(page).contains("ranked by what their signals add up to before the cap at 100");
		}
		finally {
			AuditLog.asSystem("test", () -> {
				this.profiles.recompute(first);
				this.profiles.recompute(second);
				return null;
			});
		}
	}

	private void capped(UUID service, int evidence) {
		String[] contributions = { "risk.cqc.overall\tINADEQUATE\t40", "risk.qa.rating\tPOOR\t30",
				"risk.safeguarding.open\t3\t20", "risk.concerns.serious\t" + (evidence - 90) + "\t" + (evidence - 90),
				"risk.cap\t" + evidence + "\t" + (100 - evidence) };
		this.jdbc.sql("""
				update risk_profile set score = 100, band = 'CRITICAL', contributions = :contributions::text[]
				where care_service_id = :id""").param("contributions", contributions).param("id", service).update();
	}

}
