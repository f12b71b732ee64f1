package org.carecycle.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Generated hostile input, and values no field can hold ({@code version=abc}), driven
 * through every field of the register's and identity's record forms with a fixed seed:
 * never a server error, never script rendered as markup, never the converter's words
 * ({@code java.lang.Integer}), and the form shown again with its message. The forms are
 * sent as stale (an old version) or for someone who exists already, so nothing a test
 * after this one reads is changed.
 */
@ApplicationTest
class RegisterHostileInputTests {

	private static final int CASES = 4_000;

	/** Values a number field cannot hold, besides the hostile ones. */
	private static final List<String> UNCONVERTIBLE = List.of("abc", "1e3", "99999999999", "", " 1", "0x10", "½");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private record Form(String path, Role role, Map<String, String> fields) {
	}

	@Test
	void aCommissionerSendingAProviderEditWithAVersionThatIsNotANumberSeesTheFormAgain() throws Exception {
		UUID provider = first("provider");
		String name = this.jdbc.sql("select name from provider where id = :id")
			.param("id", provider)
			.query(String.class)
			.single();
		MockHttpServletResponse response = this.mvc
			.perform(post("/providers/" + provider + "/edit").session(SignIn.as(this.mvc, Role.COMMISSIONER))
				.with(csrf())
				.param("version", "abc")
				.param("name", "Renamed by a tampered form")
				.param("ownership", "PRIVATE"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("govuk-error-summary")
			.contains("This page has changed since you opened it")
			.doesNotContain("java.lang")
			.doesNotContain("Failed to convert");
		assertThat(this.jdbc.sql("select name from provider where id = :id")
			.param("id", provider)
			.query(String.class)
			.single()).as("the provider's name").isEqualTo(name);
	}

	@Test
	void hostileAndUnconvertibleValuesInEveryFieldNeverBreakTheRegisterNorIdentityForms() throws Exception {
		UUID provider = first("provider");
		UUID service = first("care_service");
		UUID contract = first("contract");
		UUID ownService = this.jdbc
			.sql("select s.id from care_service s join app_user u on u.provider_id = s.provider_id"
					+ " where u.email = :email order by s.id limit 1")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(UUID.class)
			.single();
		UUID caseManager = this.jdbc.sql("select id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(Role.CASE_MANAGER))
			.query(UUID.class)
			.single();
		Map<String, String> providerFields = fields("version", "-5", "name", "A home", "cqcProviderId", "1-101634329",
				"ownership", "PRIVATE", "groupName", "", "phone", "01872 000000", "email", "a@example.org", "website",
				"", "addressLine1", "1 Street", "addressLine2", "", "town", "Truro", "postcode", "TR1 1AA");
		Map<String, String> contacts = fields("version", "-5", "contacts[0].name", "Ann", "contacts[0].jobTitle",
				"Manager", "contacts[0].email", "ann@example.org", "contacts[0].phone", "01872 000000");
		Map<String, String> serviceFields = fields("version", "-5", "name", "A service", "cqcLocationId", "1-000000001",
				"type", "CARE_HOME", "clientGroups", "OLDER_PEOPLE", "addressLine1", "1 Street", "addressLine2", "",
				"town", "Truro", "postcode", "TR1 1AA", "capacity", "10", "registeredManager", "Ann", "registeredDay",
				"1", "registeredMonth", "2", "registeredYear", "2020");
		Map<String, String> contractFields = fields("version", "-5", "reference", "C-1", "lot", "1", "framework", "F",
				"startsDay", "1", "startsMonth", "4", "startsYear", "2026", "endsDay", "31", "endsMonth", "3",
				"endsYear", "2027", "totalValue", "1000", "unitPrice", "900", "priceUnit", "WEEK",
				"commissionedCapacity", "2", "contractManagerId", UUID.randomUUID().toString(), "specification", "");
		List<Form> forms = List.of(new Form("/providers/" + provider + "/edit", Role.COMMISSIONER, providerFields),
				new Form("/providers/" + provider + "/contacts", Role.COMMISSIONER, contacts),
				new Form("/services/" + service + "/edit", Role.COMMISSIONER, serviceFields),
				new Form("/services/" + service + "/status", Role.COMMISSIONER,
						fields("version", "-5", "status", "SUSPENDED", "sinceDay", "1", "sinceMonth", "2", "sinceYear",
								"2026")),
				new Form("/contracts/" + contract + "/edit", Role.COMMISSIONER, contractFields),
				new Form("/my-organisation/contacts", Role.PROVIDER, contacts),
				new Form("/my-organisation/services/" + ownService + "/vacancies", Role.PROVIDER,
						fields("vacancies", "-1")),
				new Form("/imports", Role.ADMIN, fields("scope", "ALL", "file", "")),
				new Form("/admin/users", Role.ADMIN,
						fields("displayName", "Ann", "email", SignIn.DEMO_EMAILS.get(Role.ADMIN), "role", "ADMIN",
								"providerId", "")),
				new Form("/admin/users/" + caseManager + "/role", Role.ADMIN,
						fields("role", "CASE_MANAGER", "providerId", "")),
				new Form("/account/password", Role.CASE_MANAGER, fields("currentPassword", "not the password",
						"newPassword", "Another-long-password-1", "confirmPassword", "Another-long-password-1")));
		Map<Role, MockHttpSession> sessions = new LinkedHashMap<>();
		for (Role role : List.of(Role.COMMISSIONER, Role.PROVIDER, Role.ADMIN, Role.CASE_MANAGER)) {
			sessions.put(role, SignIn.as(this.mvc, role));
		}
		String providerName = this.jdbc.sql("select name from provider where id = :id")
			.param("id", provider)
			.query(String.class)
			.single();
		Random random = new Random(2026);
		List<String> failures = new ArrayList<>();
		int cases = 0;
		while (cases < CASES) {
			Form form = forms.get(random.nextInt(forms.size()));
			List<String> names = new ArrayList<>(form.fields().keySet());
			String hostileField = names.get(random.nextInt(names.size()));
			String value = random.nextBoolean() ? HostileValues.ALL.get(random.nextInt(HostileValues.ALL.size()))
					: UNCONVERTIBLE.get(random.nextInt(UNCONVERTIBLE.size()));
			MockHttpServletRequestBuilder request = post(form.path()).session(sessions.get(form.role())).with(csrf());
			for (Map.Entry<String, String> field : form.fields().entrySet()) {
				request = request.param(field.getKey(), field.getKey().equals(hostileField) ? value : field.getValue());
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String body = response.getContentAsString();
			String described = form.path() + " " + hostileField + "=" + shorten(value);
			if (response.getStatus() >= 500) {
				failures.add(response.getStatus() + " on " + described);
			}
			if (body.contains(HostileValues.SCRIPT) || body.contains("<img src=x onerror")
					|| body.contains("<svg/onload")) {
				failures.add("markup rendered on " + described);
			}
			if (body.contains("Failed to convert") || (body.contains("java.lang") && !value.contains("java.lang"))) {
				failures.add("the converter's words on " + described);
			}
			cases++;
		}
		System.out.println("Hostile input cases run (register and identity forms): " + cases);
		assertThat(failures).as("hostile input failures").isEmpty();
		assertThat(this.jdbc.sql("select name from provider where id = :id")
			.param("id", provider)
			.query(String.class)
			.single()).as("the provider edited only with stale versions").isEqualTo(providerName);
		assertThat(SignIn.as(this.mvc, Role.CASE_MANAGER)).as("the password unchanged").isNotNull();
	}

	private UUID first(String table) {
		return this.jdbc.sql("select id from " + table + " order by id limit 1").query(UUID.class).single();
	}

	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
	}

}
