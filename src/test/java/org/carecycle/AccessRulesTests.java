package org.carecycle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every route the application exposes, read from its handler mappings so that no new page
 * can be forgotten, checked against who should be able to open it: anonymous users reach
 * only the public pages, and each role only its own sections. The expectations are
 * written out here, independently of the security configuration they check; a route with
 * no expectation fails the test until someone decides who may open it.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

	private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	private static final Set<Role> COUNCIL_STAFF = Role.councilStaff();

	/** Who may open each route, longest prefix first; null means the public. */
	private static final Map<String, Set<Role>> EXPECTED = new LinkedHashMap<>();

	/** Addresses people guess for signing in, each sent on to the sign-in page. */
	private static final List<String> GUESSED_SIGN_IN = List.of("/login", "/log-in", "/logon", "/log-on", "/signin",
			"/sign-on", "/signon", "/sign_in", "/log_in", "/auth/login", "/user/login", "/users/sign-in", "/login.html",
			"/sign-in.html");

	static {
		Set<Role> registerEditors = EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER);
		Set<Role> dataStaff = EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER, Role.ADMIN);
		Set<Role> concernHandlers = EnumSet.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER);
		Set<Role> concernReaders = EnumSet.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER, Role.ADMIN);
		// frameworks, dynamic markets and partnerships (issue 17, ADR 0038):
		// commissioners
		// record them and decide on admissions; all council staff read them; providers
		// apply from their own pages (under /my-organisation)
		Set<Role> commissioners = EnumSet.of(Role.COMMISSIONER);
		EXPECTED.put("/procurement/frameworks/new", commissioners);
		EXPECTED.put("/procurement/frameworks/{id}/lots/new", commissioners);
		EXPECTED.put("/procurement/frameworks/{id}/lots/{id}/admit", commissioners);
		EXPECTED.put("/procurement/frameworks/admissions/{id}/decide", commissioners);
		EXPECTED.put("/procurement/frameworks", Role.councilStaff());
		EXPECTED.put("/procurement/partnerships/new", commissioners);
		EXPECTED.put("/procurement/partnerships", Role.councilStaff());
		EXPECTED.put("/my-organisation/dynamic-markets", EnumSet.of(Role.PROVIDER));
		// the Safeguarding Adults Collection return (issue 15, ADR 0034): the return, its
		// cases
		// and downloads for safeguarding leads; the published version also for
		// commissioners
		// and administrators
		EXPECTED.put("/safeguarding/returns", EnumSet.of(Role.SAFEGUARDING_LEAD));
		EXPECTED.put("/safeguarding/published-returns",
				EnumSet.of(Role.SAFEGUARDING_LEAD, Role.COMMISSIONER, Role.ADMIN));
		// whole-service safeguarding enquiries (issue 15): decisions, counting adults,
		// naming officers and closing for leads; reading and meetings for leads and the
		// QA officers named on an enquiry (the enquiry itself says "Page not found" to
		// others)
		Set<Role> safeguardingLeads = EnumSet.of(Role.SAFEGUARDING_LEAD);
		Set<Role> safeguardingSection = EnumSet.of(Role.SAFEGUARDING_LEAD, Role.QA_OFFICER);
		EXPECTED.put("/safeguarding/whole-service/new", safeguardingLeads);
		for (String step : List.of("decide", "concerns", "officers", "close")) {
			EXPECTED.put("/safeguarding/whole-service/{id}/" + step, safeguardingLeads);
		}
		EXPECTED.put("/safeguarding/whole-service", safeguardingSection);
		// needs data, outcome measures and demand against supply (issue 16, needs):
		// council staff read; commissioners change assumptions and neighbours and import
		// population, administrators may import too
		EXPECTED.put("/commissioning/needs/import", EnumSet.of(Role.COMMISSIONER, Role.ADMIN));
		EXPECTED.put("/commissioning/needs/assumptions/{id}/edit", EnumSet.of(Role.COMMISSIONER));
		EXPECTED.put("/commissioning/needs", COUNCIL_STAFF);
		EXPECTED.put("/commissioning/outcomes/neighbours", EnumSet.of(Role.COMMISSIONER));
		EXPECTED.put("/commissioning/outcomes", COUNCIL_STAFF);
		EXPECTED.put("/commissioning/demand", COUNCIL_STAFF);
		// area profiles (issue 16, ADR 0041): council staff, never providers
		EXPECTED.put("/commissioning/areas",
				EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.CASE_MANAGER, Role.ADMIN));
		// commissioning strategies, intentions, the Market Position Statement and the
		// cycle view (issue 16, items 4 to 6): council staff read, commissioners write
		// and change, and the published statement is public
		EXPECTED.put("/commissioning/strategies/new", commissioners);
		for (String step : List.of("edit", "care-act-review", "status", "review", "priorities/new", "evidence/new",
				"intentions/new")) {
			EXPECTED.put("/commissioning/strategies/{id}/" + step, commissioners);
		}
		EXPECTED.put("/commissioning/intentions/{id}/edit", commissioners);
		EXPECTED.put("/commissioning/market-position", commissioners);
		EXPECTED.put("/commissioning/strategies", COUNCIL_STAFF);
		EXPECTED.put("/commissioning/intentions", COUNCIL_STAFF);
		EXPECTED.put("/commissioning/cycle", COUNCIL_STAFF);
		EXPECTED.put("/commissioning", COUNCIL_STAFF);
		EXPECTED.put("/market-position-statement", null);
		EXPECTED.put("/concerns/new", concernHandlers);
		EXPECTED.put("/concerns/bulk", concernHandlers);
		for (String step : List.of("acknowledge", "assign", "assess", "close", "duplicate", "response")) {
			EXPECTED.put("/concerns/{id}/" + step, concernHandlers);
		}
		Set<Role> concernRecordKeepers = EnumSet.of(Role.SAFEGUARDING_LEAD, Role.ADMIN);
		EXPECTED.put("/concerns/{id}/seen-by", concernRecordKeepers);
		EXPECTED.put("/concerns/{id}/legal-hold", concernRecordKeepers);
		EXPECTED.put("/concerns/export", concernReaders);
		EXPECTED.put("/concerns", concernReaders);
		Set<Role> reviewOfficers = EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER);
		Set<Role> reviewReaders = EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER, Role.SAFEGUARDING_LEAD, Role.ADMIN);
		EXPECTED.put("/quality/programme/accept", reviewOfficers);
		EXPECTED.put("/quality/programme/capacity", reviewOfficers);
		EXPECTED.put("/quality/reviews/new", reviewOfficers);
		for (String step : List.of("visit", "standards", "summary", "draft", "send", "publish", "decide", "action-plan",
				"reschedule", "cancel", "evidence")) {
			EXPECTED.put("/quality/reviews/{id}/" + step, reviewOfficers);
		}
		EXPECTED.put("/quality/reviews/export", reviewReaders);
		EXPECTED.put("/quality", reviewReaders);
		Set<Role> escalationDeciders = EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER);
		EXPECTED.put("/oversight/escalations/new", escalationDeciders);
		for (String step : List.of("move", "letter", "plan", "appeal", "meetings")) {
			EXPECTED.put("/oversight/escalations/{id}/" + step, escalationDeciders);
		}
		EXPECTED.put("/oversight/warnings/{id}/acknowledge", escalationDeciders);
		EXPECTED.put("/oversight/risk/recompute", escalationDeciders);
		for (String list : List.of("risk", "returns", "escalations")) {
			EXPECTED.put("/oversight/" + list + "/export", reviewReaders);
		}
		EXPECTED.put("/oversight", reviewReaders);
		// safeguarding concerns, the queue and the section 42 decision (issue 15,
		// sg-cases):
		// leads take every step; a QA officer reads the cases they are named on, which
		// the case itself decides (an unnamed one is "Page not found")
		for (String step : List.of("decision", "edit", "officers", "merge", "close", "seen-by")) {
			EXPECTED.put("/safeguarding/concerns/{id}/" + step, safeguardingLeads);
		}
		// safeguarding enquiries (issue 15, enquiries): the section's roles open the
		// pages, and each case then admits only leads and the staff named on it (a
		// made-up id is not found)
		EXPECTED.put("/safeguarding/concerns/{id}/enquiry", safeguardingSection);
		EXPECTED.put("/safeguarding/enquiries", safeguardingSection);
		EXPECTED.put("/safeguarding/concerns/new", safeguardingSection);
		EXPECTED.put("/safeguarding/from-concern", safeguardingSection);
		EXPECTED.put("/safeguarding", safeguardingSection);
		EXPECTED.put("/admin/qa-framework", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/admin/kpis", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/tell-us", null);
		EXPECTED.put("/admin/safeguarding-rules", EnumSet.of(Role.ADMIN, Role.SAFEGUARDING_LEAD));
		EXPECTED.put("/admin/safeguarding-rules/examples/new", EnumSet.of(Role.ADMIN, Role.SAFEGUARDING_LEAD));
		EXPECTED.put("/providers/new", registerEditors);
		EXPECTED.put("/providers/{id}/edit", registerEditors);
		EXPECTED.put("/providers/{id}/contacts", registerEditors);
		EXPECTED.put("/providers/{id}/services/new", registerEditors);
		EXPECTED.put("/services/{id}/edit", registerEditors);
		EXPECTED.put("/services/{id}/status", registerEditors);
		// matching (issue 18): specialisms kept by the register's editors; the
		// needs-based search and shortlists for case managers and commissioners (the
		// public search is under /directory, the providers' vacancies under
		// /my-organisation)
		EXPECTED.put("/services/{id}/specialisms", registerEditors);
		EXPECTED.put("/matching", EnumSet.of(Role.CASE_MANAGER, Role.COMMISSIONER));
		EXPECTED.put("/services/{id}/contracts/new", EnumSet.of(Role.COMMISSIONER));
		EXPECTED.put("/contracts/{id}/edit", EnumSet.of(Role.COMMISSIONER));
		EXPECTED.put("/contracts", dataStaff);
		EXPECTED.put("/imports", dataStaff);
		EXPECTED.put("/market", COUNCIL_STAFF);
		// tenders (issue 17, tenders and sealed bids): council staff read them,
		// commissioners plan, publish, answer questions and open the bids; providers bid
		// in the portal; the opportunities and the invitations to tender are public
		EXPECTED.put("/procurement/tenders/new", commissioners);
		EXPECTED.put("/procurement/tenders/{id}/documents/{id}", COUNCIL_STAFF);
		for (String step : List.of("lots", "criteria", "documents", "publish", "clarifications", "bids")) {
			EXPECTED.put("/procurement/tenders/{id}/" + step, commissioners);
		}
		EXPECTED.put("/procurement/tenders", COUNCIL_STAFF);
		EXPECTED.put("/my-organisation/opportunities", EnumSet.of(Role.PROVIDER));
		EXPECTED.put("/opportunities", null);
		EXPECTED.put("/open-data/invitations-to-tender.csv", null);
		EXPECTED.put("/directory", null);
		EXPECTED.put("/admin/users", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/admin/audit", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/admin/emails", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/admin/events", EnumSet.of(Role.ADMIN));
		EXPECTED.put("/account", EVERYONE);
		EXPECTED.put("/session", EVERYONE);
		EXPECTED.put("/providers", COUNCIL_STAFF);
		EXPECTED.put("/services", COUNCIL_STAFF);
		EXPECTED.put("/my-organisation/safeguarding", EnumSet.of(Role.PROVIDER));
		EXPECTED.put("/my-organisation/reviews", EnumSet.of(Role.PROVIDER));
		EXPECTED.put("/my-organisation", EnumSet.of(Role.PROVIDER));
		// the second sign-in step: only someone between their password and their code
		// (ADR 0023)
		EXPECTED.put("/sign-in/code", EnumSet.noneOf(Role.class));
		EXPECTED.put("/sign-in/set-up", EnumSet.noneOf(Role.class));
		EXPECTED.put("/sign-in", null);
		// the addresses people guess: sign-in for anyone, and the home page (issue 19)
		for (String address : GUESSED_SIGN_IN) {
			EXPECTED.put(address, null);
		}
		for (String address : List.of("/home", "/dashboard", "/index", "/index.html")) {
			EXPECTED.put(address, null);
		}
		EXPECTED.put("/accessibility", null);
		EXPECTED.put("/cookies", null);
		EXPECTED.put("/assets/fonts", null);
		EXPECTED.put("/privacy", null);
		EXPECTED.put("/", null);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.carecycle.identity.ApiTokens tokens;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);

	private Map<String, String> ids;

	@BeforeAll
	void signInEveryRole() throws Exception {
		for (Role role : Role.values()) {
			this.sessions.put(role, SignIn.as(this.mvc, role));
		}
		UUID provider = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("/commissioning/areas/{id}",
				this.jdbc.sql("select code from locality order by name limit 1").query(String.class).single());
		ids.put("/services/{id}", firstId("care_service where provider_id <> '" + provider + "'"));
		ids.put("/providers/{id}", firstId("provider"));
		ids.put("/admin/users/{id}", firstId("app_user"));
		ids.put("/my-organisation/services/{id}", firstId("care_service where provider_id = '" + provider + "'"));
		ids.put("/contracts/{id}", firstId("contract"));
		ids.put("/directory/services/{id}",
				firstId("care_service s where exists (select 1 from contract c where c.care_service_id = s.id "
						+ "and c.starts_on <= current_date and c.ends_on >= current_date) and s.status = 'ACTIVE' "
						+ "and exists (select 1 from qa_review r where r.care_service_id = s.id and r.published_at is not null)"));
		ids.put("/commissioning/strategies/{id}", firstId("commissioning_strategy where status = 'APPROVED'"));
		ids.put("/commissioning/intentions/{id}", firstId("commissioning_intention"));
		ids.put("/commissioning/cycle/{id}", "older-people");
		ids.put("/market-position-statement/versions/{id}", "1");
		this.ids = ids;
	}

	@Test
	void everyRouteHasADecidedAudience() {
		List<String> undecided = new ArrayList<>();
		for (Route route : routes()) {
			if (expectedFor(route.path()) == Undecided.INSTANCE && !isApi(route)) {
				undecided.add(route.method() + " " + route.path());
			}
		}
		assertThat(undecided).as("routes nobody has decided access to").isEmpty();
	}

	@Test
	void anonymousUsersReachOnlyPublicPagesAndAreAskedToSignInForTheRest() throws Exception {
		for (Route route : routes()) {
			Object expected = expectedFor(route.path());
			MvcResult result = perform(route, null);
			int status = result.getResponse().getStatus();
			if (isApi(route)) {
				assertThat(status).as(route + " asks for an API token").isEqualTo(401);
			}
			else if (GUESSED_SIGN_IN.contains(route.path())) {
				assertThat(redirect(result)).as(route + " leads to the sign-in page").endsWith("/sign-in");
			}
			else if (expected == null) {
				assertThat(status).as(route + " is public").isBetween(200, 399);
				assertThat(redirect(result)).as(route + " does not ask for sign-in").doesNotContain("/sign-in");
			}
			else if (!route.path().equals("/sign-in")) {
				assertThat(redirect(result)).as(route + " asks anonymous users to sign in").endsWith("/sign-in");
			}
		}
	}

	/**
	 * A message shown without its arguments ("{0}") or missing altogether
	 * ("??key_en_GB??").
	 */
	private static final java.util.regex.Pattern UNFILLED_TEXT = java.util.regex.Pattern
		.compile("\\{[0-9]\\}|\\?\\?[A-Za-z0-9._]+\\?\\?");

	@Test
	void eachRoleReachesItsOwnSectionsAndIsRefusedTheRest() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes()) {
			Object expected = expectedFor(route.path());
			if (isApi(route)) {
				for (Role role : Role.values()) {
					int status = perform(route, role).getResponse().getStatus();
					if (status != 401) {
						wrong.add(role + " " + route + " with a session, not a token -> " + status);
					}
				}
				continue;
			}
			if (expected == null || route.path().equals("/sign-in")) {
				continue;
			}
			@SuppressWarnings("unchecked")
			Set<Role> allowed = (Set<Role>) expected;
			for (Role role : Role.values()) {
				if (route.method() == RequestMethod.POST && allowed.contains(role)) {
					continue;
				}
				MvcResult result = perform(route, role);
				int status = result.getResponse().getStatus();
				if (!allowed.contains(role) && status != 403) {
					wrong.add(role + " " + route + " is not refused -> " + status);
				}
				// a role that may open the page gets it (or a redirect within the
				// service);
				// "not found" only for an id made up by the test
				boolean reached = (status >= 200 && status < 400 && !redirect(result).contains("/sign-in"))
						|| (status == 404 && usesMadeUpId(route))
						// the demo's contracts have no specification document to download
						|| (status == 404 && route.path().equals("/contracts/{id}/specification"));
				if (allowed.contains(role) && !reached) {
					wrong.add(role + " " + route + " is not reached -> " + status + " " + redirect(result));
				}
				String type = result.getResponse().getContentType();
				if (status == 200 && type != null && type.startsWith("text/html")) {
					java.util.regex.Matcher unfilled = UNFILLED_TEXT.matcher(
							result.getResponse().getContentAsString().replaceAll("data-text-[a-z-]+=\"[^\"]*\"", ""));
					if (unfilled.find()) {
						wrong.add(role + " " + route + " shows " + unfilled.group());
					}
				}
			}
		}
		assertThat(wrong).as("roles reaching what they should not, or refused what they should reach").isEmpty();
	}

	/**
	 * The right password alone, for a role that needs a second factor, opens no page but
	 * the second step: every other route that is not public sends them back to it, and
	 * the API still wants a token.
	 */
	@Test
	void aPasswordAloneOpensNothingButTheSecondStep() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Role role : org.carecycle.identity.SecondFactors.REQUIRED_FOR) {
			MvcResult password = this.mvc
				.perform(post("/sign-in").param("email", SignIn.DEMO_EMAILS.get(role))
					.param("password", SignIn.DEMO_PASSWORD)
					.with(csrf()))
				.andReturn();
			assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/code");
			MockHttpSession pending = (MockHttpSession) password.getRequest().getSession(false);
			for (Route route : routes()) {
				if (expectedFor(route.path()) == null || route.path().startsWith("/sign-in/")) {
					continue;
				}
				MvcResult result = performIn(route, pending);
				int status = result.getResponse().getStatus();
				if (isApi(route) ? status != 401 : !redirect(result).endsWith("/sign-in/code")) {
					wrong.add(role + " " + route + " -> " + status + " " + redirect(result));
				}
			}
		}
		assertThat(wrong).as("routes opened by a password alone").isEmpty();
	}

	private static boolean isApi(Route route) {
		return route.path().startsWith("/api/");
	}

	/**
	 * The IDOR matrix: every page and API call of a provider's own that takes an id,
	 * given the id of another organisation's record of every kind (service, concern
	 * request, review, KPI return, API token), refuses it as not found or forbidden,
	 * never with data or a change.
	 */
	@Test
	void providerUsersGetNothingOfAnotherOrganisationWhateverIdTheySend() throws Exception {
		UUID provider = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
		Map<String, String> foreign = new LinkedHashMap<>();
		otherId(foreign, "service", "select id from care_service where provider_id <> :p", provider);
		UUID foreignRequest = foreignConcernRequestWithADocument(provider);
		foreign.put("concern request", foreignRequest.toString());
		foreign.put("document",
				this.jdbc.sql("select document_id from concern_provider_request where id = :id")
					.param("id", foreignRequest)
					.query(UUID.class)
					.single()
					.toString());
		otherId(foreign, "review action",
				"select a.id from qa_action a join qa_review r on r.id = a.review_id " + "where r.provider_id <> :p",
				provider);
		otherId(foreign, "review evidence document",
				"select a.evidence_document_id from qa_action a join qa_review r "
						+ "on r.id = a.review_id where r.provider_id <> :p and a.evidence_document_id is not null",
				provider);
		otherId(foreign, "concern", "select id from concern where provider_id <> :p", provider);
		otherId(foreign, "review", "select id from qa_review where provider_id <> :p", provider);
		otherId(foreign, "KPI return", "select id from kpi_return where provider_id <> :p", provider);
		otherId(foreign, "dynamic market application", "select id from procurement_admission where provider_id <> :p",
				provider);
		// another provider's tender bid, bid document and clarification question
		otherId(foreign, "tender bid", "select id from procurement_bid where provider_id <> :p", provider);
		otherId(foreign, "tender bid document",
				"select d.id from procurement_bid_document d join procurement_bid b on b.id = d.bid_id "
						+ "where b.provider_id <> :p",
				provider);
		otherId(foreign, "clarification question",
				"select id from procurement_clarification where asked_by_provider <> :p", provider);
		assertThat(foreign).containsKeys("service", "concern request", "document", "review", "review action",
				"KPI return", "tender bid", "clarification question");
		// a route that takes the provider's own record and then another's (an action or a
		// document of a review) is tried with their own review and every foreign id
		String ownReview = this.jdbc
			.sql("select id::text from qa_review where provider_id = :p and status in (:shown) order by id limit 1")
			.param("p", provider)
			.param("shown", org.carecycle.quality.Reviews.SHOWN_TO_PROVIDER.stream().map(Enum::name).toList())
			.query(String.class)
			.single();
		String token = this.tokens
			.issue(this.jdbc
				.sql("select id, email, display_name from app_user " + "where email = 'provider@carecycle.example'")
				.query((rs, n) -> new org.carecycle.identity.SignedInUser(rs.getObject("id", UUID.class),
						rs.getString("email"), rs.getString("display_name"), Role.PROVIDER,
						new org.carecycle.shared.ProviderId(provider)))
				.single(), "Access rules test")
			.secret();
		String otherToken = this.jdbc.sql("select id::text from api_token where provider_id <> :p limit 1")
			.param("p", provider)
			.query(String.class)
			.optional()
			.orElse(null);
		if (otherToken != null) {
			foreign.put("API token", otherToken);
		}
		String openTender = this.jdbc.sql(
				"select id::text from procurement_tender where status = 'PUBLISHED' and closes_at > now() order by id limit 1")
			.query(String.class)
			.optional()
			.orElse(null);
		String period = java.time.YearMonth.now(UkTime.ZONE).minusMonths(2).toString();
		List<String> leaks = new ArrayList<>();
		int checked = 0;
		int ownParentChecked = 0;
		for (Route route : routes()) {
			boolean own = route.path().startsWith("/my-organisation/") || isApi(route);
			if (!own || !route.path().contains("{id}")) {
				continue;
			}
			boolean ownParent = route.path().startsWith("/my-organisation/reviews/{id}/")
					&& (route.path().contains("/actions/{id}") || route.path().contains("/documents/{id}"));
			for (Map.Entry<String, String> id : foreign.entrySet()) {
				String path = route.path().replace("{id}", id.getValue());
				path = path.replace("/returns/" + id.getValue() + "/" + id.getValue(),
						"/returns/" + id.getValue() + "/" + period);
				List<String> paths = new ArrayList<>(List.of(path));
				if (ownParent) {
					paths.add(route.path().replaceFirst("\\{id}", ownReview).replace("{id}", id.getValue()));
					ownParentChecked++;
				}
				// an opportunity is open to every provider: another's bid, document or
				// question
				// under it is still not found
				if (openTender != null && route.path().startsWith("/my-organisation/opportunities/{id}/")
						&& route.path().indexOf("{id}") != route.path().lastIndexOf("{id}")) {
					paths.add(route.path().replaceFirst("\\{id}", openTender).replace("{id}", id.getValue()));
				}
				for (String each : paths) {
					checked++;
					int status = status(route, each, token);
					if (status != 404 && status != 403) {
						leaks.add(route + " as " + each + " with another organisation's " + id.getKey() + " -> "
								+ status);
					}
				}
			}
		}
		assertThat(checked).as("id-taking routes of the provider's own pages and API").isGreaterThan(20);
		assertThat(ownParentChecked).as("routes tried with the provider's own review and another's record")
			.isGreaterThanOrEqualTo(4 * foreign.size());
		assertThat(leaks).as("another organisation's records reached").isEmpty();
	}

	private int status(Route route, String path, String token) throws Exception {
		var request = (route.method() == RequestMethod.POST) ? post(path).with(csrf()) : get(path);
		if (isApi(route)) {
			request.header("Authorization", "Bearer " + token);
			if (route.method() == RequestMethod.POST) {
				request.contentType("application/json").content("{}");
			}
		}
		else {
			request.session(this.sessions.get(Role.PROVIDER));
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/**
	 * Another organisation's concern, asked about with a document attached, made here so
	 * that the check never depends on what the demo county happens to hold.
	 */
	private UUID foreignConcernRequestWithADocument(UUID provider) {
		UUID concern = this.jdbc.sql("select id from concern where provider_id <> :p order by id limit 1")
			.param("p", provider)
			.query(UUID.class)
			.single();
		UUID document = UUID.randomUUID();
		this.jdbc.sql("""
				insert into document (id, file_name, content_type, size_bytes, sha256, content, uploaded_at)
				values (:id, 'their-answer.pdf', 'application/pdf', 9, repeat('0', 64), '%PDF-1.7\n'::bytea, now())""")
			.param("id", document)
			.update();
		UUID request = UUID.randomUUID();
		this.jdbc.sql("""
				insert into concern_provider_request (id, concern_id, round, summary, asked_at, due_on, document_id)
				values (:id, :concern, (select coalesce(max(round), 0) + 1 from concern_provider_request
				                        where concern_id = :concern),
				        'What happened on the night shift?', now(), current_date + 10, :document)""")
			.param("id", request)
			.param("concern", concern)
			.param("document", document)
			.update();
		return request;
	}

	private void otherId(Map<String, String> foreign, String kind, String sql, UUID provider) {
		this.jdbc.sql(sql + " order by 1 limit 1")
			.param("p", provider)
			.query(UUID.class)
			.optional()
			.ifPresent(id -> foreign.put(kind, id.toString()));
	}

	private MvcResult perform(Route route, Role role) throws Exception {
		return performIn(route, (role != null) ? this.sessions.get(role) : null);
	}

	private MvcResult performIn(Route route, MockHttpSession session) throws Exception {
		String path = withKnownIds(route).replace("{id}", UUID.randomUUID().toString());
		if (route.method() == RequestMethod.GET) {
			path += switch (route.path()) {
				// the pages that need to know what they are for
				case "/services/export", "/providers/export", "/contracts/export", "/concerns/export",
						"/quality/reviews/export", "/oversight/risk/export", "/oversight/returns/export",
						"/oversight/escalations/export" ->
					"?format=csv";
				case "/quality/reviews/new", "/oversight/escalations/new" ->
					"?service=" + this.ids.get("/services/{id}");
				default -> "";
			};
		}
		var request = (route.method() == RequestMethod.POST) ? post(path).with(csrf()) : get(path);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn();
	}

	private String withKnownIds(Route route) {
		String path = route.path();
		for (Map.Entry<String, String> id : this.ids.entrySet()) {
			if (path.equals(id.getKey()) || path.startsWith(id.getKey() + "/")) {
				path = path.replace("{id}", id.getValue());
			}
		}
		return path;
	}

	private boolean usesMadeUpId(Route route) {
		return withKnownIds(route).contains("{id}");
	}

	private static String redirect(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		return (location != null) ? location : "";
	}

	private static Object expectedFor(String path) {
		for (Map.Entry<String, Set<Role>> entry : EXPECTED.entrySet()) {
			String prefix = entry.getKey();
			if (path.equals(prefix) || (!prefix.equals("/") && path.startsWith(prefix + "/"))) {
				return entry.getValue();
			}
		}
		return Undecided.INSTANCE;
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String mapped : info.getPatternValues()) {
				String pattern = mapped.replaceAll("\\{[^}]+}", "{id}");
				if (pattern.equals("/error")) {
					continue;
				}
				if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
					routes.add(new Route(RequestMethod.GET, pattern));
				}
				if (methods.contains(RequestMethod.POST)) {
					routes.add(new Route(RequestMethod.POST, pattern));
				}
			}
		}
		assertThat(routes).hasSizeGreaterThan(20);
		return routes;
	}

	private String firstId(String from) {
		String alias = from.contains(" s ") ? "s." : "";
		return this.jdbc.sql("select " + alias + "id::text from " + from + " order by " + alias + "id limit 1")
			.query(String.class)
			.single();
	}

	record Route(RequestMethod method, String path) {
		@Override
		public String toString() {
			return this.method + " " + this.path;
		}
	}

	enum Undecided {

		INSTANCE

	}

}
