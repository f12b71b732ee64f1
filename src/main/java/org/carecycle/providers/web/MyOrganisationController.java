package org.carecycle.providers.web;

import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The provider portal: a provider user's own organisation and its services, and nothing
 * else.
 */
@Controller
@RequestMapping("/my-organisation")
class MyOrganisationController {

	private final Register register;

	private final CurrentUser currentUser;

	MyOrganisationController(Register register, CurrentUser currentUser) {
		this.register = register;
		this.currentUser = currentUser;
	}

	@GetMapping
	String organisation(Model model) {
		ProviderScope scope = this.currentUser.scope();
		UUID providerId = scope.provider()
			.orElseThrow(() -> new RecordNotFoundException("Not a provider user"))
			.value();
		model.addAttribute("provider", this.register.provider(providerId, scope).orElseThrow());
		model.addAttribute("services", this.register.servicesOf(providerId, scope));
		return "providers/my-organisation";
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable UUID id, Model model) {
		model.addAttribute("service", this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service")));
		model.addAttribute("history", this.register.ratingHistory(id));
		model.addAttribute("keyQuestions", KeyQuestion.values());
		return "providers/my-service";
	}

}
