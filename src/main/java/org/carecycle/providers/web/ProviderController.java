package org.carecycle.providers.web;

import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.SortOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Council staff look up provider organisations. */
@Controller
@RequestMapping("/providers")
class ProviderController {

	private static final int PAGE_SIZE = 25;

	private final Register register;

	private final CurrentUser currentUser;

	ProviderController(Register register, CurrentUser currentUser) {
		this.register = register;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam Optional<String> q, @RequestParam Optional<String> sort,
			@RequestParam Optional<String> order, @RequestParam(defaultValue = "1") int page, Model model) {
		SortOrder sortOrder = SortOrder.parse(sort.orElse(null), order.orElse(null), Register.PROVIDER_SORTS.keySet(),
				new SortOrder("name", false));
		model.addAttribute("providers", this.register.providers(q.orElse(""), sortOrder, Math.max(page, 1), PAGE_SIZE,
				this.currentUser.scope()));
		model.addAttribute("q", q.orElse(""));
		model.addAttribute("sort", sortOrder);
		return "providers/providers";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		var scope = this.currentUser.scope();
		model.addAttribute("provider",
				this.register.provider(id, scope).orElseThrow(() -> new RecordNotFoundException("No such provider")));
		model.addAttribute("services", this.register.servicesOf(id, scope));
		return "providers/provider";
	}

}
