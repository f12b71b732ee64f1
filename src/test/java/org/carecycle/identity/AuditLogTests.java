package org.carecycle.identity;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationTest
class AuditLogTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLogCannotBeChangedOrDeletedEvenWithSql() {
		assertThatThrownBy(() -> this.jdbc.sql("update audit_event set actor_name = 'someone else'").update())
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event").update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_event").update()).hasStackTraceContaining("append-only");
	}

	@Test
	void recordsTheDemoCountyLoadAsOneImport() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/audit?action=IMPORTED").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Demo county generator")))
			.andExpect(content().string(containsString("300 providers")));
	}

	@Test
	void findsEventsByWhoAndWhat() throws Exception {
		SignIn.as(this.mvc, Role.CASE_MANAGER);
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/audit").param("who", "Tom Penrose").param("action", "SIGNED_IN").session(admin))
			.andExpect(content().string(containsString("Tom Penrose (case.manager@carecycle.example)")))
			.andExpect(content().string(not(containsString("Sam Kitto (admin@carecycle.example)</td>"))));
	}

	@Test
	void explainsADateThatIsNotReal() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/audit?fromDay=31&fromMonth=2&fromYear=2026").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Error: Audit log")))
			.andExpect(content().string(containsString("href=\"#fromDay\">From must be a real date")));
		this.mvc
			.perform(get("/admin/audit?fromDay=2&fromMonth=2&fromYear=2026&toDay=1&toMonth=2&toYear=2026")
				.session(admin))
			.andExpect(content().string(containsString("The end date must be the same as or after")));
		this.mvc.perform(get("/admin/audit?fromDay=1&fromMonth=&fromYear=2026").session(admin))
			.andExpect(content().string(containsString("From must include a month")));
	}

	@Test
	void onlyAdministratorsReadTheLog() throws Exception {
		this.mvc.perform(get("/admin/audit").session(SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD)))
			.andExpect(status().isForbidden());
	}

}
