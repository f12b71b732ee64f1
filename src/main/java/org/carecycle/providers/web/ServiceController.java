package org.carecycle.providers.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.geography.Places;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.SortOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Council staff find services and see what is known about each. */
@Controller
@RequestMapping("/services")
class ServiceController {

	private static final int PAGE_SIZE = 25;

	private final Register register;

	private final Places places;

	private final CurrentUser currentUser;

	ServiceController(Register register, Places places, CurrentUser currentUser) {
		this.register = register;
		this.places = places;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam Optional<String> q, @RequestParam Optional<String> type,
			@RequestParam Optional<String> locality, @RequestParam Optional<String> rating,
			@RequestParam Optional<String> status, @RequestParam Optional<String> sort,
			@RequestParam Optional<String> order, @RequestParam(defaultValue = "1") int page, Model model) {
		SortOrder sortOrder = SortOrder.parse(sort.orElse(null), order.orElse(null), Register.SERVICE_SORTS.keySet(),
				new SortOrder("name", false));
		ServiceFilter filter = new ServiceFilter(q.orElse(null), parse(ServiceType.class, type),
				locality.flatMap(ServiceController::uuid).orElse(null), parse(CqcRating.class, rating),
				status.isPresent() ? parse(ServiceStatus.class, status) : ServiceStatus.ACTIVE);
		model.addAttribute("services",
				this.register.services(filter, sortOrder, Math.max(page, 1), PAGE_SIZE, this.currentUser.scope()));
		model.addAttribute("filter", filter);
		model.addAttribute("q", q.orElse(""));
		model.addAttribute("sort", sortOrder);
		model.addAttribute("types", ServiceType.values());
		model.addAttribute("ratings", CqcRating.values());
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("localities", this.places.localities());
		return "providers/services";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("service", this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service")));
		model.addAttribute("history", this.register.ratingHistory(id));
		model.addAttribute("keyQuestions", KeyQuestion.values());
		return "providers/service";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, Optional<String> value) {
		return value.flatMap(v -> Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(v)).findFirst())
			.orElse(null);
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
