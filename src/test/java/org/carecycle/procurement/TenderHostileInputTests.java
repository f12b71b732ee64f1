package org.carecycle.procurement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every field of every tender form, the commissioner's and the provider's, given every
 * hostile value: a GOV.UK error or a saved change, never a server error nor script drawn
 * as markup; no form is taken without its CSRF token; and the common refusals read as
 * GOV.UK errors.
 */
@ApplicationTest
class TenderHostileInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenders tenders;

	private record Form(String path, MockHttpSession session, Map<String, String> fields) {
	}

	private UUID tender(boolean publish) {
		return AuditLog.asSystem("Hostile input test", () -> {
			UUID id = this.tenders.create(new Tenders.TenderDetails("Hostile input tender", "Test", null,
					TenderProcedure.OPEN, null, null, Instant.now().plusSeconds(3_600)));
			if (publish) {
				this.tenders.addLot(id, "Lot", "Lot", null);
				this.tenders.addCriterion(id, null, CriterionKind.QUALITY, "Quality", null, 60);
				this.tenders.addCriterion(id, null, CriterionKind.PRICE, "Price", null, 40);
				this.tenders.addCriterion(id, null, CriterionKind.PASS_FAIL, "Insured?", null, null);
				this.tenders.publish(id, false);
			}
			return id;
		});
	}

	@Test
	void hostileValuesInEveryFieldGetAnErrorNeverAServerError() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID planning = tender(false);
		UUID published = tender(true);
		UUID lot = this.tenders.lots(published).get(0).id();
		UUID quality = this.tenders.criteria(published).get(0).id();
		UUID passFail = this.tenders.criteria(published).get(2).id();
		UUID question = AuditLog.asSystem("Hostile input test",
				() -> this.tenders.ask(published, new ProviderId(UUID.randomUUID()), "A question?"));
		List<Form> forms = List.of(
				new Form("/procurement/tenders/new", commissioner,
						fields("title", "Day services", "description", "What is bought", "intentionReference", "MPS 1",
								"procedure", "OPEN", "estimatedValue", "2400000", "contractMonths", "36", "closesDay",
								"1", "closesMonth", "1", "closesYear", "2031", "closesTime", "12:00")),
				new Form("/procurement/tenders/" + planning + "/lots", commissioner,
						fields("lotTitle", "Lot", "lotDescription", "What the lot covers", "lotValue", "1000")),
				new Form("/procurement/tenders/" + planning + "/criteria", commissioner,
						fields("kind", "QUALITY", "parentId", "", "criterionTitle", "Quality", "guidance", "Cover this",
								"weight", "10")),
				new Form("/procurement/tenders/" + published + "/clarifications/" + question, commissioner,
						fields("answer", "The answer")),
				new Form("/my-organisation/opportunities/" + published + "/questions", provider,
						fields("question", "What about transport?")),
				new Form("/my-organisation/opportunities/" + published + "/lots/" + lot + "/bid", provider,
						fields("price", "1000", "answer-" + quality, "Our answer", "answer-" + passFail, "Yes")));
		List<String> wrong = new ArrayList<>();
		int tried = 0;
		for (Form form : forms) {
			for (String field : form.fields().keySet()) {
				for (String value : HostileValues.ALL) {
					var request = post(form.path()).session(form.session()).with(csrf());
					form.fields().forEach((name, good) -> request.param(name, name.equals(field) ? value : good));
					MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
					tried++;
					int status = response.getStatus();
					if (status != 200 && status != 302) {
						wrong.add(form.path() + " " + field + "=" + abbreviate(value) + " -> " + status);
					}
					if (response.getContentAsString().contains(HostileValues.SCRIPT)) {
						wrong.add(form.path() + " " + field + " draws script as markup");
					}
				}
			}
			MockHttpServletResponse noToken = this.mvc
				.perform(post(form.path()).session(form.session()).param(form.fields().keySet().iterator().next(), "x"))
				.andReturn()
				.getResponse();
			if (noToken.getStatus() != 403) {
				wrong.add(form.path() + " without a CSRF token -> " + noToken.getStatus());
			}
		}
		assertThat(tried).isGreaterThan(1_000);
		assertThat(wrong).isEmpty();
	}

	@Test
	void theCommonRefusalsReadAsGovukErrors() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		assertThat(body(commissioner, "/procurement/tenders/new", "closesDay", "31", "closesMonth", "2", "closesYear",
				"2031", "closesTime", "25:00", "estimatedValue", "lots", "contractMonths", "999"))
			.contains("There is a problem", "Enter a title", "Enter a description of what is being bought",
					"Select the procedure", "Estimated value must be an amount of money",
					"Contract length must be a whole number of months between 1 and 240",
					"Enter the time of the deadline as hours and minutes");
		assertThat(body(commissioner, "/procurement/tenders/new", "title", "T", "description", "D", "procedure", "OPEN",
				"closesDay", "1", "closesMonth", "1", "closesYear", "2020", "closesTime", "12:00"))
			.contains("Deadline for bids must be in the future");
		UUID planning = tender(false);
		assertThat(body(commissioner, "/procurement/tenders/" + planning + "/criteria", "kind", "PASS_FAIL", "title",
				"Insured?", "weight", "10"))
			.contains("A pass/fail question has no weight");
		assertThat(body(commissioner, "/procurement/tenders/" + planning + "/publish"))
			.contains("Add at least one lot");
		UUID published = tender(true);
		UUID lot = this.tenders.lots(published).get(0).id();
		assertThat(body(provider, "/my-organisation/opportunities/" + published + "/lots/" + lot + "/bid", "price",
				"cheap"))
			.contains("There is a problem", "Price must be an amount of money", "Enter your answer",
					"Select yes or no");
		assertThat(body(provider, "/my-organisation/opportunities/" + published + "/questions", "question", " "))
			.contains("Enter your question");
		assertThat(new TenderBidsCount(this.jdbc).of(published)).isZero();
	}

	/** How many bids a tender has, read straight from the table. */
	private record TenderBidsCount(JdbcClient jdbc) {
		int of(UUID tender) {
			return this.jdbc.sql("select count(*) from procurement_bid where tender_id = :t")
				.param("t", tender)
				.query(Integer.class)
				.single();
		}
	}

	private String body(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static String abbreviate(String value) {
		return (value.length() > 20) ? value.substring(0, 20) + "..." : value;
	}

}
