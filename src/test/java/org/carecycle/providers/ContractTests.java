package org.carecycle.providers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Commissioners record what the council buys, with its specification; a service without a
 * live contract is not commissioned.
 */
@ApplicationTest
class ContractTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void commissionsAServiceWithAContractAndItsSpecification() throws Exception {
		UUID service = uncommissionedService();
		String name = this.jdbc.sql("select name from care_service where id = ?")
			.param(service)
			.query(String.class)
			.single();
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.mvc
			.perform(get("/services").param("commissioned", "no")
				.param("status", "any")
				.param("q", name)
				.session(commissioner))
			.andExpect(content().string(containsString(service.toString())));
		String reference = "CC-TEST-" + UUID.randomUUID().toString().substring(0, 6);
		MvcResult added = this.mvc
			.perform(contract(service, reference, "1", "4", "2026", "31", "3", "2029")
				.file(new MockMultipartFile("specification", "Care homes specification.pdf", "application/pdf", PDF))
				.session(commissioner))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = added.getResponse().getRedirectedUrl();
		this.mvc.perform(get(page).session(commissioner).flashAttrs(added.getFlashMap()))
			.andExpect(content().string(containsString("Contract added")))
			.andExpect(content().string(containsString("£925.50 a week")))
			.andExpect(content().string(containsString("Care homes specification.pdf")))
			.andExpect(content().string(containsString("In force")));
		this.mvc.perform(get(page + "/specification").session(commissioner))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(content().bytes(PDF));
		this.mvc
			.perform(get("/services").param("commissioned", "no")
				.param("status", "any")
				.param("q", name)
				.session(commissioner))
			.andExpect(content().string(not(containsString(service.toString()))));
	}

	@Test
	void explainsWhatIsWrongWithAContractAndRefusesAFileThatIsNotWhatItSays() throws Exception {
		UUID service = uncommissionedService();
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String taken = this.jdbc.sql("select reference from contract limit 1").query(String.class).single();
		this.mvc
			.perform(contract(service, taken, "1", "4", "2026", "31", "3", "2025")
				.file(new MockMultipartFile("specification", "spec.pdf", "application/pdf",
						"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
				.param("unitPrice", "£9.2.5")
				.session(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The end date must be the same as or after the start date")))
			.andExpect(content().string(containsString("Unit price must be an amount of money in pounds")))
			.andExpect(content().string(
					containsString("The selected file must be a PDF, a Word document or an OpenDocument text file")));
		this.mvc.perform(contract(service, taken, "1", "4", "2026", "31", "3", "2029").session(commissioner))
			.andExpect(content().string(containsString("A contract with this reference already exists")));
		assertThat(
				this.jdbc.sql("select count(*) from document where file_name like 'spec%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void flagsContractsThatEndWithinSixMonths() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String ending = this.jdbc.sql("""
				select reference from contract where starts_on <= current_date and ends_on >= current_date
				and ends_on < current_date + interval '6 months' order by ends_on, reference limit 1""")
			.query(String.class)
			.single();
		this.mvc.perform(get("/contracts?state=LIVE&endingSoon=true").session(officer))
			.andExpect(content().string(containsString(ending)))
			.andExpect(content().string(containsString("Ending soon")));
	}

	@Test
	void exportsTheContractsEndingSoonWithTheirTermsForASpreadsheet() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		List<String> ending = this.jdbc.sql("""
				select reference from contract where starts_on <= current_date and ends_on >= current_date
				and ends_on < current_date + interval '6 months'""").query(String.class).list();
		String csv = this.mvc
			.perform(get("/contracts/export").param("state", "LIVE")
				.param("endingSoon", "true")
				.param("format", "csv")
				.session(officer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"contracts-")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\ufeffContract reference,Name,Provider,Type,Framework,Lot,Start date");
		assertThat(lines).hasSize(ending.size() + 1);
		ending.forEach(reference -> assertThat(csv).contains(reference));
		assertThat(csv).contains("Ending soon", "Per week").doesNotContain("{0}");
		this.mvc.perform(get("/contracts?state=LIVE").session(officer))
			.andExpect(content().string(containsString("/contracts/export?state=LIVE&amp;format=xlsx")));
	}

	@Test
	void onlyCommissionersAddContracts() throws Exception {
		UUID service = uncommissionedService();
		this.mvc
			.perform(contract(service, "CC-NOT-ALLOWED", "1", "1", "2026", "1", "1", "2027")
				.session(SignIn.as(this.mvc, Role.QA_OFFICER)))
			.andExpect(status().isForbidden());
	}

	private MockMultipartHttpServletRequestBuilder contract(UUID service, String reference, String startDay,
			String startMonth, String startYear, String endDay, String endMonth, String endYear) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/services/" + service + "/contracts/new")
			.param("version", "0")
			.param("reference", reference)
			.param("framework", "Care Homes for Older People Framework 2023 to 2027")
			.param("startsDay", startDay)
			.param("startsMonth", startMonth)
			.param("startsYear", startYear)
			.param("endsDay", endDay)
			.param("endsMonth", endMonth)
			.param("endsYear", endYear)
			.param("unitPrice", "925.50")
			.param("priceUnit", "PER_WEEK")
			.param("commissionedCapacity", "6")
			.with(csrf());
	}

	private UUID uncommissionedService() {
		return this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE' and not exists (
				  select 1 from contract c where c.care_service_id = s.id and c.ends_on >= current_date)
				order by random() limit 1""").query(UUID.class).single();
	}

}
