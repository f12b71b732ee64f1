package org.carecycle.web;

import java.time.Clock;
import java.util.List;

import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.Council;
import org.carecycle.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every shared GOV.UK fragment drawn on one page, bound to a form, first clean and then
 * with an error on every field: the markup GOV.UK Frontend expects (classes, ids, error
 * messages linked with aria-describedby, checked and selected values kept, error summary
 * links to the fields).
 */
@WebMvcTest(controllers = ComponentFragmentsTests.GalleryController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ ComponentFragmentsTests.Beans.class, ComponentFragmentsTests.GalleryController.class })
class ComponentFragmentsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void drawsEveryComponentWithItsValues() throws Exception {
		Document page = page("/gallery?errors=false");
		assertThat(page.select("input#name").attr("value")).isEqualTo("Jo <Trewin>");
		assertThat(page.select("input#name").hasClass("govuk-input--width-20")).isTrue();
		assertThat(page.select("#name-hint").text()).isNotBlank();
		assertThat(page.select("input#name").attr("aria-describedby")).isEqualTo("name-hint");
		assertThat(page.select("textarea#notes").attr("rows")).isEqualTo("3");
		assertThat(page.select("input[name=role][checked]").attr("value")).isEqualTo("QA_OFFICER");
		assertThat(page.select("input[name=role]").first().id()).isEqualTo("role");
		assertThat(page.select("input[name=groups][checked]").eachAttr("value")).containsExactly("DEMENTIA", "AUTISM");
		assertThat(page.select("select#type option[selected]").attr("value")).isEqualTo("HOME_CARE");
		assertThat(page.select("input#whenDay").attr("value")).isEqualTo("3");
		assertThat(page.select("input#whenYear").hasClass("govuk-input--width-4")).isTrue();
		assertThat(page.select(".govuk-error-summary")).isEmpty();
		assertThat(page.select(".govuk-back-link").attr("href")).isEqualTo("/");
		assertThat(page.select(".govuk-tag--turquoise").text()).isEqualTo("Good");
		assertThat(page.select(".govuk-notification-banner--success").text()).contains("Person added");
		assertThat(page.select(".govuk-summary-list__actions a").text()).startsWith("Change");
		assertThat(page.select(".govuk-summary-list__row").get(1).text()).contains("Not recorded");
		assertThat(page.title()).doesNotStartWith("Error:");
	}

	@Test
	void linksEveryErrorToItsFieldAndMarksTheField() throws Exception {
		Document page = page("/gallery?errors=true");
		assertThat(page.title()).startsWith("Error:");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#notes",
				"#role", "#groups", "#type", "#whenDay");
		for (String field : List.of("name", "notes", "role", "groups", "type", "when")) {
			assertThat(page.select("#" + field + "-error").text()).as(field).startsWith("Error:");
		}
		assertThat(page.select("input#name").hasClass("govuk-input--error")).isTrue();
		assertThat(page.select("input#name").attr("aria-describedby")).isEqualTo("name-hint name-error");
		assertThat(page.select("textarea#notes").hasClass("govuk-textarea--error")).isTrue();
		assertThat(page.select("select#type").hasClass("govuk-select--error")).isTrue();
		assertThat(page.select("input#whenMonth").hasClass("govuk-input--error")).isTrue();
		assertThat(page.select(".govuk-form-group--error")).hasSize(6);
	}

	@Test
	void sortsAndPagesThroughTheCurrentAddress() throws Exception {
		Document page = page("/gallery?errors=false&q=care&sort=name&order=ascending&page=5");
		assertThat(page.select("th[aria-sort=ascending] a").attr("href"))
			.isEqualTo("/gallery?errors=false&q=care&sort=name&order=descending");
		assertThat(page.select("th[aria-sort=none] a").attr("href")).contains("sort=capacity", "order=ascending")
			.doesNotContain("page=");
		assertThat(page.select(".govuk-pagination__next a").attr("href")).contains("page=6", "q=care");
		assertThat(page.select(".govuk-pagination__item--current a").attr("aria-current")).isEqualTo("page");
		assertThat(page.select(".govuk-pagination__item--ellipses")).hasSize(2);
		assertThat(page.select("button")).hasSize(1);
		assertThat(page.text()).contains("Showing 101 to 101 of 250 results");
	}

	@Test
	void summarisesProblemsThatAreNotAFormsErrors() throws Exception {
		assertThat(page("/gallery?errors=false").select(".govuk-error-summary")).isEmpty();
		Document page = page("/gallery?errors=false&problem=true");
		var summary = page.select(".govuk-error-summary");
		assertThat(summary).hasSize(1);
		assertThat(summary.attr("data-module")).isEqualTo("govuk-error-summary");
		assertThat(summary.select("[role=alert] h2.govuk-error-summary__title").text()).isEqualTo("There is a problem");
		assertThat(summary.select(".govuk-error-summary__body > p.govuk-body").text()).isNotBlank();
		assertThat(summary.select("ul.govuk-list.govuk-error-summary__list > li")).hasSize(2);
		assertThat(summary.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name");
		assertThat(summary.select(".govuk-error-summary__list li").eachText())
			.containsOnly("Enter the person's full name");
	}

	@Test
	void drawsATableFromItsCaptionColumnsAndRows() throws Exception {
		Document page = page("/gallery?errors=false");
		var table = page.select("table.govuk-table.carecycle-table--small");
		assertThat(table).hasSize(1);
		assertThat(table.select("caption.govuk-table__caption.govuk-table__caption--m").text()).isEqualTo("People");
		var headers = table.select("thead.govuk-table__head > tr.govuk-table__row > th.govuk-table__header[scope=col]");
		assertThat(headers).hasSize(3);
		assertThat(headers.get(0).text()).isEqualTo("Full name");
		assertThat(headers.get(0).hasClass("govuk-table__header--numeric")).isFalse();
		assertThat(headers.get(1).hasClass("govuk-table__header--numeric")).isTrue();
		assertThat(headers.get(2).select("span.govuk-visually-hidden").text()).isNotBlank();
		assertThat(table.select("tbody.govuk-table__body > tr.govuk-table__row")).hasSize(Role.values().length);
		var sorted = page.select("table.govuk-table").get(2);
		assertThat(sorted.select("caption").text()).isEqualTo("Jo <Trewin>");
		assertThat(sorted.select("thead th[aria-sort=none] a").attr("href")).contains("sort=capacity");
		// the page's own "rows" is not hidden by the fragment's parameters
		assertThat(sorted.select("tbody td.govuk-table__cell--numeric").text()).isEqualTo("2");
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
	}

	/** A form with a value for every kind of component. */
	record GalleryForm(String name, String notes, String role, List<String> groups, String type, String whenDay,
			String whenMonth, String whenYear) {
	}

	@Controller
	static class GalleryController {

		@GetMapping("/gallery")
		String gallery(@RequestParam boolean errors, @RequestParam(defaultValue = "1") int page,
				@RequestParam(defaultValue = "false") boolean problem, @ModelAttribute("form") GalleryForm ignored,
				BindingResult binding, Model model) {
			GalleryForm form = new GalleryForm("Jo <Trewin>", "Some notes", "QA_OFFICER", List.of("DEMENTIA", "AUTISM"),
					"HOME_CARE", "3", "", "2026");
			var result = new org.springframework.validation.DirectFieldBindingResult(form, "form");
			if (errors) {
				for (String field : List.of("name", "notes", "role", "groups", "type", "whenDay")) {
					result.rejectValue(field, "user.error.name.blank");
				}
			}
			model.addAttribute("form", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
			model.addAttribute("roles", Choice.of(Role::messageKey, Role.values()));
			model.addAttribute("groups", Choice.of(org.carecycle.providers.ClientGroup::messageKey,
					org.carecycle.providers.ClientGroup.values()));
			model.addAttribute("types", Choice.of(org.carecycle.providers.ServiceType::messageKey,
					org.carecycle.providers.ServiceType.values()));
			model.addAttribute("sort", SortOrder.parse(null, null, java.util.Set.of(), new SortOrder("name", false)));
			model.addAttribute("page", new Paged<>(List.of("x"), page, 25, 250));
			model.addAttribute("problem", problem ? "user.error.name.blank" : null);
			model.addAttribute("rows", List.of("2"));
			return "test/gallery";
		}

	}

	@TestConfiguration
	static class Beans {

		@Bean
		Council council() {
			return new Council("Testshire Council", "Testshire", "feedback@example.org", "0300 000 0000");
		}

		@Bean
		Dates dates() {
			return new Dates(Clock.systemUTC());
		}

		@Bean
		CurrentUser currentUser() {
			return new CurrentUser();
		}

	}

}
