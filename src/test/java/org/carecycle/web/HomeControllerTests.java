package org.carecycle.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.TestPrincipals;
import org.carecycle.shared.Council;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The home page as a web slice: the layout, the navigation from sections and the panels
 * that modules offer, with two sections and two panels standing in for the modules.
 */
@WebMvcTest(controllers = HomeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(HomeControllerTests.Modules.class)
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsThePublicAStartPage() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(view().name("home/start"))
			.andExpect(content().string(containsString("Testshire Council uses CareCycle")))
			.andExpect(content().string(containsString("href=\"/sign-in\"")))
			.andExpect(content().string(not(containsString("Your account"))));
	}

	@Test
	void showsEachRoleOnlyItsPanelsAndSections() throws Exception {
		signIn(Role.COMMISSIONER, "Jo Trewin");
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welcome, Jo Trewin")))
			.andExpect(content().string(containsString("data-panel=\"Market for commissioners\"")))
			.andExpect(content().string(not(containsString("data-panel=\"People for administrators\""))))
			.andExpect(content().string(containsString("href=\"/market\"")))
			.andExpect(content().string(not(containsString("href=\"/people\""))));
		signIn(Role.ADMIN, "Sam Kitto");
		this.mvc.perform(get("/"))
			.andExpect(content().string(containsString("data-panel=\"People for administrators\"")))
			.andExpect(content().string(containsString("href=\"/people\"")))
			.andExpect(content().string(not(containsString("href=\"/market\""))));
	}

	@Test
	void listsTheWorkWaitingMostUrgentFirstWithCountsAndLinks() throws Exception {
		signIn(Role.COMMISSIONER, "Jo Trewin");
		String page = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Work waiting for you")
			.contains("12 contracts end in the next 6 months")
			.contains("href=\"/contracts?endingSoon=true\"")
			.contains("1 concern is overdue")
			.contains("href=\"/concerns?view=OVERDUE\"")
			.doesNotContain("Nothing is waiting for you today")
			.doesNotContain("0 concerns");
		assertThat(page.indexOf("1 concern is overdue")).isLessThan(page.indexOf("12 contracts end"));
		assertThat(page.indexOf(">Overdue<")).isLessThan(page.indexOf(">Due soon<"));
	}

	@Test
	void saysPlainlyWhenNothingIsWaiting() throws Exception {
		signIn(Role.CASE_MANAGER, "Kit Rowe");
		this.mvc.perform(get("/"))
			.andExpect(content().string(containsString("Nothing is waiting for you today.")))
			.andExpect(content().string(not(containsString("govuk-task-list__item"))));
	}

	@Test
	void marksTheSectionOfTheCurrentPage() throws Exception {
		signIn(Role.COMMISSIONER, "Jo Trewin");
		this.mvc.perform(get("/"))
			.andExpect(content().string(not(containsString("govuk-service-navigation__item--active"))));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static void signIn(Role role, String name) {
		var principal = TestPrincipals.of(role, name);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	@TestConfiguration
	static class Modules {

		@Bean
		Council council() {
			return new Council("Testshire Council", "Testshire", "feedback@example.org", "0300 000 0000");
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		Dates dates(Clock clock) {
			return new Dates(clock);
		}

		@Bean
		CurrentUser currentUser() {
			return new CurrentUser();
		}

		@Bean
		Section market() {
			return Section.of("nav.providers", "/market", 1, Role.COMMISSIONER);
		}

		@Bean
		Section people() {
			return Section.of("nav.users", "/people", 2, Role.ADMIN);
		}

		@Bean
		WorkWaiting contracts() {
			return role -> (role == Role.COMMISSIONER) ? List.of(new WorkItem(WorkItem.Urgency.DUE_SOON, 12,
					"contract.todo.endingSoon", "/contracts?endingSoon=true")) : List.of();
		}

		@Bean
		WorkWaiting concerns() {
			return role -> (role == Role.COMMISSIONER) ? List.of(
					new WorkItem(WorkItem.Urgency.DUE_TODAY, 0, "concerns.todo.dueToday", "/concerns"),
					new WorkItem(WorkItem.Urgency.OVERDUE, 1, "concerns.todo.overdue", "/concerns?view=OVERDUE"))
					: List.of();
		}

		@Bean
		HomePanel marketPanel() {
			return panel("Market for commissioners", Role.COMMISSIONER, 1);
		}

		@Bean
		HomePanel peoplePanel() {
			return panel("People for administrators", Role.ADMIN, 2);
		}

		private static HomePanel panel(String name, Role role, int order) {
			return new HomePanel() {

				@Override
				public int order() {
					return order;
				}

				@Override
				public boolean isShownTo(Role viewer) {
					return viewer == role;
				}

				@Override
				public String fragment() {
					return "test/panels :: panel";
				}

				@Override
				public Map<String, Object> model() {
					return Map.of("name", name);
				}

			};
		}

	}

}
