package org.carecycle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.carecycle.oversight.Escalations;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lists staff work from download as CSV and Excel: with the page's headings, every
 * row the page's choice shows (not only its first page), written to the audit log, and
 * closed to providers.
 */
@ApplicationTest
class ListExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskProfiles profiles;

	@Autowired
	KpiReturns returns;

	@Autowired
	Escalations escalations;

	private String csv(String path, MockHttpSession session, String... params) throws Exception {
		var request = get(path).param("format", "csv").session(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long exportsAudited() {
		return this.jdbc.sql("select count(*) from audit_event where action = 'EXPORTED'").query(Long.class).single();
	}

	@Test
	void concernsDownloadEveryCompliment() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		long audited = exportsAudited();
		List<String> references = this.jdbc.sql("select reference from concern where kind = 'COMPLIMENT'")
			.query(String.class)
			.list();
		String csv = csv("/concerns/export", officer, "view", "ALL", "kind", "COMPLIMENT");
		assertThat(csv.lines().findFirst())
			.hasValue("\ufeffReference,Type,Service,Received,Status,Next target,Assigned to");
		assertThat(references).hasSizeGreaterThan(25);
		assertThat(csv.lines()).hasSize(references.size() + 1);
		assertThat(csv).contains(references.get(0) + ",Compliment,").doesNotContain(",Concern,");
		assertThat(exportsAudited()).isGreaterThan(audited);
	}

	@Test
	void reviewsDownloadEveryReviewOfTheTabChosen() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		List<String> references = this.jdbc.sql("select reference from qa_review where status = 'CLOSED'")
			.query(String.class)
			.list();
		String csv = csv("/quality/reviews/export", commissioner, "view", "ALL");
		assertThat(csv.lines().findFirst())
			.hasValue("\ufeffReference,Type of review,Service,Provider,Status,Next date,Officer,Rating");
		assertThat(references).hasSizeGreaterThan(25);
		long all = this.jdbc.sql("select count(*) from qa_review").query(Long.class).single();
		assertThat(csv.lines()).hasSize((int) all + 1);
		assertThat(csv).contains(references.get(0) + ",");
		String mine = csv("/quality/reviews/export", commissioner, "view", "MINE");
		assertThat(mine.lines()).hasSizeLessThan((int) all);
	}

	@Test
	void theRiskRegisterDownloadsFromTheBandChosen() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		List<RiskProfiles.Ranked> medium = this.profiles.register(RiskBand.MEDIUM, 100_000, 0);
		String csv = csv("/oversight/risk/export", commissioner, "band", "MEDIUM");
		assertThat(csv.lines().findFirst()).hasValue("\ufeffService,Provider,Locality,Score,Band,Main signals");
		assertThat(medium).isNotEmpty();
		assertThat(csv.lines()).hasSize(medium.size() + 1);
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(medium.get(0).providerName(),
				"," + medium.get(0).score() + ",");
		long all = this.profiles.register(RiskBand.LOW, 100_000, 0).size();
		assertThat(csv("/oversight/risk/export", commissioner, "band", "LOW").lines()).hasSize((int) all + 1);
	}

	@Test
	void kpiReturnsAndEscalationsDownload() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		long overdue = this.returns.owed(ProviderScope.everything(), 12, 2_000)
			.stream()
			.filter(KpiReturns.Owed::overdue)
			.count();
		String owed = csv("/oversight/returns/export", officer, "list", "overdue");
		assertThat(owed.lines().findFirst()).hasValue("\ufeffService,Provider,Period,Due");
		assertThat(owed.lines()).hasSize((int) overdue + 1);
		String breached = csv("/oversight/returns/export", officer, "list", "breached");
		assertThat(breached.lines().findFirst()).hasValue("\ufeffService,Provider,Period,Out of tolerance,Sent,Late");
		List<Escalations.Open> open = this.escalations.open();
		String escalations = csv("/oversight/escalations/export", officer);
		assertThat(escalations.lines().findFirst())
			.hasValue("\ufeffService or provider,Provider,Stage,Since,Next date,Lead officer");
		assertThat(escalations.lines()).hasSize(open.size() + 1);
		if (!open.isEmpty()) {
			assertThat(escalations).contains(open.get(0).subjectName());
		}
	}

	@Test
	void excelWorkbooksComeToo() throws Exception {
		byte[] xlsx = this.mvc
			.perform(get("/concerns/export").param("format", "xlsx").session(SignIn.as(this.mvc, Role.QA_OFFICER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		boolean hasSheet = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				hasSheet |= entry.getName().equals("xl/worksheets/sheet1.xml");
			}
		}
		assertThat(hasSheet).isTrue();
	}

	@Test
	void providersCannotDownloadStaffListsAndAnUnknownFormatIsRefused() throws Exception {
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		for (String path : List.of("/concerns/export", "/quality/reviews/export", "/oversight/risk/export",
				"/oversight/returns/export", "/oversight/escalations/export")) {
			this.mvc.perform(get(path).param("format", "csv").session(provider)).andExpect(status().isForbidden());
			this.mvc.perform(get(path).param("format", "pdf").session(SignIn.as(this.mvc, Role.COMMISSIONER)))
				.andExpect(status().isBadRequest());
		}
	}

}
