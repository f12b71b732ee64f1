package org.carecycle.providers.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.ProfileSection;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterViews.Nearby;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.providers.ServiceDetails;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Postcode;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormBinding;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;
import org.carecycle.web.TableExport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Council staff find services, see what is known about each, and keep them up to date.
 */
@Controller
@RequestMapping("/services")
class ServiceController {

	private static final int PAGE_SIZE = 25;

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final Places places;

	private final CurrentUser currentUser;

	private final List<ProfileSection> sections;

	private final MessageSource messages;

	private final Clock clock;

	/** Days after which a report of vacancies may be out of date. */
	private final int staleAfterDays;

	ServiceController(Register register, RegisterMaintenance maintenance, Places places, CurrentUser currentUser,
			List<ProfileSection> sections, MessageSource messages, Clock clock,
			@Value("${carecycle.matching.vacancies-stale-after:7d}") java.time.Duration staleAfter) {
		this.staleAfterDays = (int) staleAfter.toDays();
		this.register = register;
		this.maintenance = maintenance;
		this.places = places;
		this.currentUser = currentUser;
		this.sections = sections;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The search form's parameters, as typed.
	 *
	 * @param q text to look for
	 * @param type a service type
	 * @param locality a locality id
	 * @param rating a current CQC rating
	 * @param status a status, "any" for all
	 * @param group a client group
	 * @param commissioned "yes" or "no"
	 * @param near a postcode or postcode district to measure distances from
	 * @param within the greatest distance from it, in miles
	 * @param vacancy "yes" for only services with a recent report of a vacancy
	 */
	record Search(String q, String type, String locality, String rating, String status, String group,
			String commissioned, String near, String within, String vacancy) {

		/** The distances a search near a place offers, in miles. */
		static final List<Integer> DISTANCES = List.of(5, 10, 20, 50);

		static final int DEFAULT_DISTANCE = 10;

		boolean hasPlace() {
			return this.near != null && !this.near.isBlank();
		}

		int miles() {
			return DISTANCES.stream()
				.filter(miles -> String.valueOf(miles).equals(this.within))
				.findFirst()
				.orElse(DEFAULT_DISTANCE);
		}

		ServiceFilter toFilter(Nearby nearby) {
			ServiceFilter plain = toFilter();
			return new ServiceFilter(plain.text(), plain.type(), plain.localityId(), plain.rating(), plain.status(),
					plain.clientGroup(), plain.commissioned(), nearby, "yes".equals(this.vacancy));
		}

		ServiceFilter toFilter() {
			ServiceStatus chosenStatus = ("any".equals(this.status)) ? null
					: Optional.ofNullable(parse(ServiceStatus.class, this.status)).orElse(ServiceStatus.ACTIVE);
			Boolean isCommissioned = switch ((this.commissioned != null) ? this.commissioned : "") {
				case "yes" -> true;
				case "no" -> false;
				default -> null;
			};
			return new ServiceFilter(this.q, parse(ServiceType.class, this.type), uuid(this.locality),
					parse(CqcRating.class, this.rating), chosenStatus, parse(ClientGroup.class, this.group),
					isCommissioned);
		}

	}

	@GetMapping
	String list(@ModelAttribute("search") Search search, BindingResult bound, @RequestParam Optional<String> sort,
			@RequestParam Optional<String> order, @RequestParam(defaultValue = "1") int page, Model model) {
		BindingResult errors = FormBinding.checked(search, bound, model);
		Optional<Nearby> nearby = nearby(search, errors);
		ServiceFilter filter = search.toFilter(nearby.orElse(null));
		SortOrder sortOrder = SortOrder.parse(sort.orElse(null), order.orElse(null), Register.SERVICE_SORTS.keySet(),
				new SortOrder(nearby.isPresent() ? "distance" : "name", false));
		if (errors.hasErrors()) {
			// the search cannot be what the person asked for: say why, and list nothing
			model.addAttribute("pageHasErrors", true);
			model.addAttribute("services", Paged.counted(List.of(), 1, PAGE_SIZE, 0));
		}
		else {
			model.addAttribute("services",
					this.register.services(filter, sortOrder, Math.max(page, 1), PAGE_SIZE, this.currentUser.scope()));
		}
		model.addAttribute("distances", Search.DISTANCES);
		model.addAttribute("staleAfterDays", this.staleAfterDays);
		model.addAttribute("miles", search.miles());
		model.addAttribute("filter", filter);
		model.addAttribute("sort", sortOrder);
		model.addAttribute("types", ServiceType.values());
		model.addAttribute("ratings", CqcRating.values());
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("groups", ClientGroup.values());
		model.addAttribute("localityOptions", this.places.localityOptions(filter.localityId()));
		return "providers/services";
	}

	/**
	 * The postcode district a search is near, if it names one; an error on the form if it
	 * names none or one the register does not know.
	 */
	private Optional<Nearby> nearby(Search search, BindingResult errors) {
		if (!search.hasPlace()) {
			return Optional.empty();
		}
		Optional<String> outcode = Postcode.districtOf(search.near());
		if (outcode.isEmpty()) {
			errors.rejectValue("near", "services.near.error.format");
			return Optional.empty();
		}
		Optional<PostcodeDistrict> district = this.places.district(outcode.get());
		if (district.isEmpty()) {
			errors.rejectValue("near", "services.near.error.unknown", new Object[] { outcode.get() }, null);
			return Optional.empty();
		}
		return Optional.of(new Nearby(outcode.get(), district.get().centroid(), search.miles()));
	}

	/** The services matching a search, as CSV or Excel. */
	@GetMapping("/export")
	void export(@ModelAttribute("search") Search search, @RequestParam String format, HttpServletResponse response)
			throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElse(null);
		if (chosen == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		String file = "services-" + UkTime.today(this.clock) + "." + chosen.extension();
		response.setContentType(chosen.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		// a place the register does not know exports as no place, as the page would
		// have said
		Optional<Nearby> nearby = nearby(search,
				new org.springframework.validation.BeanPropertyBindingResult(search, "search"));
		List<String> headings = new ArrayList<>(List.of(text("service.name"), text("service.cqcLocationId"),
				text("service.provider"), text("service.type"), text("service.clientGroups"), text("service.status"),
				text("service.locality"), text("service.town"), text("service.postcode"), text("service.capacity"),
				text("service.vacancies"), text("services.vacancies.reportedOn"), text("services.vacancies.stale"),
				text("service.cqcRating"), text("rating.published"), text("service.commissioned")));
		nearby.ifPresent(near -> headings
			.add(this.messages.getMessage("services.distance.export", new Object[] { near.outcode() }, Locale.UK)));
		long rows;
		try (OutputStream out = response.getOutputStream();
				TableExport.Writer writer = TableExport.open(chosen, out, headings)) {
			rows = this.register.eachService(search.toFilter(nearby.orElse(null)), this.currentUser.scope(),
					service -> {
						List<Object> cells = new ArrayList<>();
						cells.add(service.name());
						cells.add(service.cqcLocationId());
						cells.add(service.providerName());
						cells.add(text(service.type().messageKey()));
						cells.add(String.join("; ",
								service.clientGroups().stream().map(group -> text(group.messageKey())).toList()));
						cells.add(text(service.status().messageKey()));
						cells.add(service.localityName());
						cells.add(service.town());
						cells.add(service.postcode());
						cells.add(service.capacity());
						cells.add(service.vacancies());
						cells.add((service.vacancy() != null) ? service.vacancy().reportedOn() : null);
						cells.add((service.vacancy() != null)
								? text(service.vacancy().stale() ? "common.yes" : "common.no") : null);
						cells
							.add((service.overallRating() != null) ? text(service.overallRating().messageKey()) : null);
						cells.add(service.ratedOn());
						cells.add(text(service.commissioned() ? "common.yes" : "common.no"));
						if (nearby.isPresent() && service.distanceMiles() != null) {
							cells.add(Math.round(service.distanceMiles() * 10) / 10.0);
						}
						try {
							writer.row(cells);
						}
						catch (IOException ex) {
							throw new java.io.UncheckedIOException(ex);
						}
					});
		}
		this.maintenance.recordExport("services (" + chosen.extension() + ")", rows);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ServiceProfile service = find(id);
		model.addAttribute("service", service);
		model.addAttribute("history", this.register.ratingHistory(service.cqcLocationId()));
		model.addAttribute("contracts", this.register.contractsOf(id));
		model.addAttribute("keyQuestions", KeyQuestion.values());
		model.addAttribute("sections",
				RegisterAdvice.sections(this.sections, ProfileSection.Subject.SERVICE, id, this.currentUser));
		return "providers/service";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		ServiceProfile service = find(id);
		model.addAttribute("form", ServiceForm.of(service));
		return editPage(model, service);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable UUID id, @ModelAttribute("form") ServiceForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ServiceProfile service = find(id);
		ServiceDetails details = form.toDetails(errors, this.clock);
		if (details == null) {
			return editPage(model, service);
		}
		try {
			this.maintenance.changeService(id, (form.version() != null) ? form.version() : -1, details);
		}
		catch (ChangedByOthersException ex) {
			RegisterForms.showCurrent(model, ServiceForm.of(find(id)));
			return editPage(model, find(id));
		}
		catch (RegisterMaintenance.DuplicateCqcIdException ex) {
			errors.rejectValue("cqcLocationId", "service.error.cqcId.taken");
			return editPage(model, service);
		}
		redirect.addFlashAttribute("saved", "service.changed");
		return "redirect:/services/" + id;
	}

	@GetMapping("/{id}/status")
	String statusForm(@PathVariable UUID id, Model model) {
		ServiceProfile service = find(id);
		DateInput since = DateInput
			.of((service.status() == ServiceStatus.CLOSED) ? service.closedOn() : service.dormantSince());
		model.addAttribute("form",
				new StatusForm(service.version(), service.status().name(), since.day(), since.month(), since.year()));
		return statusPage(model, service);
	}

	@PostMapping("/{id}/status")
	String status(@PathVariable UUID id, @ModelAttribute("form") StatusForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ServiceProfile service = find(id);
		Checks checks = new Checks(errors);
		ServiceStatus chosen = checks.choice("status", form.status(), ServiceStatus.class, "status.error.blank");
		LocalDate on = null;
		if (chosen != null && chosen != ServiceStatus.ACTIVE) {
			on = checks.pastDate("since", new DateInput(form.sinceDay(), form.sinceMonth(), form.sinceYear()), true,
					(chosen == ServiceStatus.CLOSED) ? "status.closedOn" : "status.dormantSince", this.clock);
		}
		if (chosen == service.status() && !errors.hasErrors()) {
			errors.rejectValue("status", "status.error.same");
		}
		if (errors.hasErrors()) {
			return statusPage(model, service);
		}
		try {
			this.maintenance.changeStatus(id, (form.version() != null) ? form.version() : -1, chosen, on);
		}
		catch (ChangedByOthersException ex) {
			ServiceProfile current = find(id);
			RegisterForms.showCurrent(model, new StatusForm(current.version(), current.status().name(), "", "", ""));
			return statusPage(model, current);
		}
		catch (IllegalStateException ex) {
			errors.reject("status.error.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return statusPage(model, service);
		}
		redirect.addFlashAttribute("saved", "status.changed");
		return "redirect:/services/" + id;
	}

	private ServiceProfile find(UUID id) {
		return this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
	}

	private String editPage(Model model, ServiceProfile service) {
		model.addAttribute("service", service);
		ProviderController.serviceFormPage(model, null);
		return "providers/service-form";
	}

	private String statusPage(Model model, ServiceProfile service) {
		model.addAttribute("service", service);
		model.addAttribute("statuses",
				Arrays.stream(ServiceStatus.values())
					.map(status -> new Choice(status.name(), status.messageKey(), null, status.messageKey() + ".hint"))
					.toList());
		return "providers/status-form";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, java.util.Locale.UK);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
	}

	static UUID uuid(String value) {
		try {
			return (value == null || value.isBlank()) ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
