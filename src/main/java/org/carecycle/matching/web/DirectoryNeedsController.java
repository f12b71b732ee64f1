package org.carecycle.matching.web;

import java.util.List;
import java.util.Optional;

import org.carecycle.geography.Places;
import org.carecycle.matching.Needs;
import org.carecycle.matching.NeedsSearch;
import org.carecycle.web.FormBinding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The needs-based search for self-funders and families, on the public directory with no
 * sign-in: the same search and order, without prices (which play no part in its order),
 * lots or risk detail. The public request limit applies to it as to every public page.
 */
@Controller
class DirectoryNeedsController {

	private final NeedsSearch search;

	private final Places places;

	DirectoryNeedsController(NeedsSearch search, Places places) {
		this.search = search;
		this.places = places;
	}

	@GetMapping("/directory/needs")
	String search(@ModelAttribute("needs") NeedsForm form, BindingResult bound, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		if (form.sent()) {
			Optional<Needs> needs = form.toNeeds(errors, this.places, List.of(), false);
			needs.ifPresent(each -> {
				model.addAttribute("found", this.search.forPublic(each));
				model.addAttribute("searched", each);
			});
		}
		return MatchingController.searchPage(model, form, List.of(), false);
	}

}
