package org.carecycle.providers.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.geography.Places;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.PublishedQualityRatings;
import org.carecycle.providers.PublishedQualityRatings.Published;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public directory: the services the council commissions, with their CQC rating and
 * the council's own published rating, searchable by locality and type. No sign-in, and
 * nothing about any person.
 */
@Controller
@RequestMapping("/directory")
class DirectoryController {

	private static final int PAGE_SIZE = 20;

	private final Register register;

	private final Places places;

	private final ObjectProvider<PublishedQualityRatings> qualityRatings;

	DirectoryController(Register register, Places places, ObjectProvider<PublishedQualityRatings> qualityRatings) {
		this.register = register;
		this.places = places;
		this.qualityRatings = qualityRatings;
	}

	@GetMapping
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String locality,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "1") int page, Model model) {
		ServiceFilter filter = new ServiceFilter(q, ServiceController.parse(ServiceType.class, type),
				ServiceController.uuid(locality), null, ServiceStatus.ACTIVE, null, true);
		Paged<ServiceRow> services = this.register.services(filter, new SortOrder("name", false), Math.max(page, 1),
				PAGE_SIZE, ProviderScope.everything());
		model.addAttribute("services", services);
		model.addAttribute("quality", quality(services.items().stream().map(ServiceRow::id).toList()));
		model.addAttribute("filter", filter);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("types", ServiceType.values());
		model.addAttribute("localityOptions", this.places.localityOptions(filter.localityId()));
		model.addAttribute("publicPage", true);
		return "directory/directory";
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable UUID id, Model model) {
		ServiceProfile service = this.register.service(id, ProviderScope.everything())
			.filter(found -> found.status() == ServiceStatus.ACTIVE)
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		boolean commissioned = this.register.contractsOf(id)
			.stream()
			.anyMatch(contract -> contract.state() == org.carecycle.providers.RegisterViews.ContractState.LIVE);
		if (!commissioned) {
			throw new RecordNotFoundException("Not in the directory");
		}
		model.addAttribute("service", service);
		model.addAttribute("provider",
				this.register.provider(service.providerId(), ProviderScope.everything()).orElseThrow());
		model.addAttribute("quality", Optional.ofNullable(quality(List.of(id)).get(id)).orElse(null));
		model.addAttribute("publicPage", true);
		return "directory/service";
	}

	private Map<UUID, Published> quality(List<UUID> ids) {
		PublishedQualityRatings ratings = this.qualityRatings.getIfAvailable();
		return (ratings != null) ? ratings.latest(ids) : Map.of();
	}

}
