package org.carecycle.concerns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who has seen a concern: every opening of its page, its assessment page, the provider's
 * page of the council's request and every download of its documents is recorded with who,
 * when, what and from where; a safeguarding lead (or an administrator) reads the list on
 * the concern, the officers who handle concerns cannot; the record cannot be changed and
 * outlives the retention rule, since it names staff, never the person who raised the
 * concern.
 */
@ApplicationTest
class ConcernAccessTests {

	private static final String OFFICE = "198.51.100.23";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	ConcernRetention retention;

	private String name(Role role) {
		return this.jdbc.sql("select display_name from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(role))
			.query(String.class)
			.single();
	}

	/** A concern the officer has asked the demo provider about. */
	private Concern askedOfTheProvider(RetentionTests.Person person) {
		return AuditLog.asSystem("test", () -> {
			Concern received = this.concerns.receive(person.report(ConcernFixtures.demoProvidersService(this.jdbc)),
					Channel.PHONE, UUID.randomUUID(), Instant.now());
			this.concerns.assess(received.id(), ConcernFixtures.version(this.jdbc, received.id()), Set.of(Theme.FALLS),
					new RiskRating(3, 3), ConcernAction.ASK_PROVIDER, "Ask about the fall",
					new ProviderSummary("A resident fell; how, and what was done?", true, true));
			return received;
		});
	}

	private List<Map<String, Object>> accesses(UUID concern) {
		return this.jdbc.sql("""
				select actor_name, actor_role, page, client_address from concern_access
				where concern_id = :id order by id""").param("id", concern).query().listOfRows();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session).with(from(OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void openingAConcernIsRecordedAndTheSafeguardingLeadSeesWhoOpenedIt() throws Exception {
		Concern concern = askedOfTheProvider(RetentionTests.Person.invent());
		UUID request = this.jdbc.sql("select id from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(UUID.class)
			.single();
		assertThat(accesses(concern.id())).isEmpty();

		// The provider reads the request and answers with a document.
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		page(provider, "/my-organisation/concerns/" + request);
		this.mvc.perform(multipart("/my-organisation/concerns/" + request)
			.file(new MockMultipartFile("document", "falls log.pdf", "application/pdf",
					"%PDF-1.4\n% falls log\n%%EOF\n".getBytes()))
			.param("response", "We have reviewed the falls log.")
			.session(provider)
			.with(csrf())).andExpect(redirectedUrl("/my-organisation/concerns/" + request));

		// The officer opens the concern twice (once after a step), its assessment, and
		// downloads the document twice.
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		page(officer, "/concerns/" + concern.id());
		page(officer, "/concerns/" + concern.id());
		page(officer, "/concerns/" + concern.id() + "/assess");
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(get("/concerns/" + concern.id() + "/responses/" + request + "/document").session(officer)
					.with(from(OFFICE)))
				.andExpect(status().isOk());
		}

		List<Map<String, Object>> recorded = accesses(concern.id());
		assertThat(recorded).extracting(row -> row.get("actor_role") + " " + row.get("page"))
			.containsExactly("PROVIDER PROVIDER_REQUEST", "QA_OFFICER CONCERN", "QA_OFFICER ASSESSMENT",
					"QA_OFFICER RESPONSE_DOCUMENT", "QA_OFFICER RESPONSE_DOCUMENT");
		assertThat(recorded).allSatisfy(row -> assertThat(row.get("client_address")).isEqualTo(OFFICE));
		// Nothing about the concern was written to the administrators' audit log by
		// reading it.
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where record_id = :id and actor_name like :officer || '%'")
			.param("id", concern.id().toString())
			.param("officer", name(Role.QA_OFFICER))
			.query(Long.class)
			.single()).isZero();

		// The safeguarding lead finds the list from the concern's page.
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		assertThat(page(lead, "/concerns/" + concern.id())).contains("Who has seen this concern",
				"/concerns/" + concern.id() + "/seen-by");
		String seenBy = page(lead, "/concerns/" + concern.id() + "/seen-by");
		assertThat(seenBy).contains("Who has seen this concern", concern.reference(), name(Role.QA_OFFICER),
				SignIn.DEMO_EMAILS.get(Role.QA_OFFICER), "Quality assurance officer", "The concern",
				"The assessment page, with the account", "Downloaded the provider&#39;s document", name(Role.PROVIDER),
				"Provider user", "The request in the provider portal", name(Role.SAFEGUARDING_LEAD), "From " + OFFICE);
		// newest first: the lead's own visit heads the list
		assertThat(seenBy.indexOf(name(Role.SAFEGUARDING_LEAD))).isLessThan(seenBy.indexOf(name(Role.QA_OFFICER)));
		// An administrator may read it too.
		page(SignIn.as(this.mvc, Role.ADMIN), "/concerns/" + concern.id() + "/seen-by");
	}

	@Test
	void officersWhoHandleConcernsCannotSeeWhoOpenedThem() throws Exception {
		Concern concern = askedOfTheProvider(RetentionTests.Person.invent());
		for (Role role : List.of(Role.QA_OFFICER, Role.COMMISSIONER, Role.CASE_MANAGER, Role.PROVIDER)) {
			this.mvc.perform(get("/concerns/" + concern.id() + "/seen-by").session(SignIn.as(this.mvc, role)))
				.andExpect(status().isForbidden());
		}
		assertThat(page(SignIn.as(this.mvc, Role.QA_OFFICER), "/concerns/" + concern.id()))
			.doesNotContain("Who has seen this concern")
			.doesNotContain("/seen-by")
			.doesNotContain("legal-hold");
	}

	@Test
	void theRecordCannotBeChangedAndOutlivesTheRetentionRule() throws Exception {
		RetentionTests.Person person = RetentionTests.Person.invent();
		Concern concern = askedOfTheProvider(person);
		page(SignIn.as(this.mvc, Role.QA_OFFICER), "/concerns/" + concern.id());
		assertThatThrownBy(() -> this.jdbc.sql("update concern_access set actor_name = 'Someone else'").update())
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from concern_access").update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate concern_access").update())
			.hasStackTraceContaining("append-only");

		AuditLog.asSystem("test", () -> {
			this.concerns.close(concern.id(), ConcernFixtures.version(this.jdbc, concern.id()),
					"Closed; " + person.resident() + " is well.", null);
			return null;
		});
		this.jdbc.sql("update concern set closed_at = now() - interval '7 years' where id = :id")
			.param("id", concern.id())
			.update();
		List<Map<String, Object>> before = accesses(concern.id());
		AuditLog.asSystem("test", () -> this.retention.run());

		assertThat(this.jdbc.sql("select anonymised_on from concern where id = :id")
			.param("id", concern.id())
			.query()
			.singleValue()).isNotNull();
		// The staff who opened it stay accountable; nothing in the record was the
		// reporter's.
		assertThat(accesses(concern.id())).isEqualTo(before).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from concern_access a where lower(a::text) ~ :pattern")
			.param("pattern", String.join("|", person.markers().stream().map(String::toLowerCase).toList()))
			.query(Long.class)
			.single()).isZero();
	}

}
