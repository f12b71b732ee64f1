package org.carecycle.matching.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.carecycle.geography.Places;
import org.carecycle.matching.Match;
import org.carecycle.matching.MinimumQuality;
import org.carecycle.matching.Needs;
import org.carecycle.matching.NeedsSearch;
import org.carecycle.matching.Shortlists;
import org.carecycle.procurement.FrameworkMembership;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.ServiceType;
import org.carecycle.providers.Specialism;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.TableExport;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The needs-based search for case managers and commissioners, and their shortlists: the
 * ranked services with each score explained, a warning and a recorded reason for a
 * service at high risk, and the shortlist to print or download.
 */
@Controller
@RequestMapping("/matching")
class MatchingController {

	private final NeedsSearch search;

	private final Shortlists shortlists;

	private final Places places;

	private final MessageSource messages;

	MatchingController(NeedsSearch search, Shortlists shortlists, Places places, MessageSource messages) {
		this.search = search;
		this.shortlists = shortlists;
		this.places = places;
		this.messages = messages;
	}

	/** Adding a service to the shortlist: the search it came from, and why. */
	record ShortlistForm(String service, String reason) {
	}

	@GetMapping
	String start() {
		return "redirect:/matching/search";
	}

	@GetMapping("/search")
	String search(@ModelAttribute("needs") NeedsForm form, BindingResult bound, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		List<FrameworkMembership.Lot> lots = this.search.lots();
		if (form.sent()) {
			Optional<Needs> needs = form.toNeeds(errors, this.places, lots, true);
			needs.ifPresent(each -> {
				model.addAttribute("found", this.search.forStaff(each));
				model.addAttribute("searched", each);
			});
		}
		return searchPage(model, form, lots, true);
	}

	static String searchPage(Model model, NeedsForm form, List<FrameworkMembership.Lot> lots, boolean staff) {
		model.addAttribute("staff", staff);
		model.addAttribute("form", form);
		model.addAttribute("types", Choice.of(ServiceType::messageKey, ServiceType.values()));
		model.addAttribute("groups", Choice.of(ClientGroup::messageKey, ClientGroup.values()));
		model.addAttribute("careSpecialisms",
				Choice.of(Specialism::messageKey,
						Arrays.stream(Specialism.values())
							.filter(s -> s.kind() == Specialism.Kind.CARE)
							.toArray(Specialism[]::new)));
		model.addAttribute("languages",
				Choice.of(Specialism::messageKey,
						Arrays.stream(Specialism.values())
							.filter(s -> s.kind() == Specialism.Kind.LANGUAGE)
							.toArray(Specialism[]::new)));
		model.addAttribute("qualities", Choice.of(q -> "matching.quality." + q.name(), MinimumQuality.values()));
		model.addAttribute("distances", Needs.DISTANCES);
		model.addAttribute("miles", form.miles());
		model.addAttribute("lots",
				lots.stream()
					.map(lot -> Choice.literal(lot.id().toString(), lot.arrangement() + ": " + lot.name()))
					.toList());
		return "matching/search";
	}

	/**
	 * A service at high risk: the warning, and the reason to record before shortlisting.
	 */
	@GetMapping("/shortlist/reason")
	String reasonForm(@ModelAttribute("needs") NeedsForm form, BindingResult bound,
			@RequestParam(required = false) String service, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Optional<Match> match = found(form, errors, service);
		if (match.isEmpty()) {
			return "redirect:" + form.searchUrl("/matching/search");
		}
		model.addAttribute("shortlist", new ShortlistForm(service, ""));
		return reasonPage(model, form, match.get());
	}

	private String reasonPage(Model model, NeedsForm form, Match match) {
		model.addAttribute("match", match);
		model.addAttribute("form", form);
		model.addAttribute("reasonLength", Shortlists.REASON_LENGTH);
		return "matching/shortlist-reason";
	}

	@PostMapping("/shortlist")
	String add(@ModelAttribute("needs") NeedsForm form, BindingResult bound,
			@ModelAttribute("shortlist") ShortlistForm shortlist, BindingResult shortlistBound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		BindingResult reasonErrors = FormBinding.checked(shortlist, shortlistBound, model);
		Optional<Match> match = found(form, errors, shortlist.service());
		if (match.isEmpty()) {
			redirect.addFlashAttribute("problem", "matching.shortlist.gone");
			return "redirect:" + form.searchUrl("/matching/search");
		}
		String reason = shortlist.reason();
		if (reason != null && reason.length() > Shortlists.REASON_LENGTH) {
			reasonErrors.rejectValue("reason", "matching.reason.error.long", new Object[] { Shortlists.REASON_LENGTH },
					null);
			return reasonPage(model, form, match.get());
		}
		try {
			this.shortlists.add(match.get(), reason);
		}
		catch (Shortlists.ReasonNeededException ex) {
			reasonErrors.rejectValue("reason", "matching.reason.error.blank");
			return reasonPage(model, form, match.get());
		}
		catch (Shortlists.EmbargoedException ex) {
			redirect.addFlashAttribute("problem", "matching.shortlist.gone");
			return "redirect:" + form.searchUrl("/matching/search");
		}
		redirect.addFlashAttribute("saved", "matching.shortlist.added");
		redirect.addFlashAttribute("savedName", match.get().name());
		return "redirect:" + form.searchUrl("/matching/search");
	}

	/** The service as the search finds it now, or nothing if it no longer does. */
	private Optional<Match> found(NeedsForm form, BindingResult errors, String service) {
		UUID id;
		try {
			id = (service != null && service.length() == 36) ? UUID.fromString(service) : null;
		}
		catch (IllegalArgumentException ex) {
			id = null;
		}
		if (id == null) {
			return Optional.empty();
		}
		UUID wanted = id;
		return form.toNeeds(errors, this.places, this.search.lots(), true)
			.flatMap(needs -> this.search.forStaff(needs)
				.matches()
				.stream()
				.filter(match -> match.serviceId().equals(wanted))
				.findFirst());
	}

	@GetMapping("/shortlist")
	String shortlist(Model model) {
		model.addAttribute("entries", this.shortlists.mine());
		return "matching/shortlist";
	}

	@PostMapping("/shortlist/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		if (this.shortlists.remove(id)) {
			redirect.addFlashAttribute("saved", "matching.shortlist.removed");
		}
		return "redirect:/matching/shortlist";
	}

	/** The shortlist as CSV or Excel. */
	@GetMapping("/shortlist/download")
	void download(@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElse(TableExport.Format.CSV);
		List<Shortlists.Entry> entries = this.shortlists.mine();
		response.setContentType(chosen.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"shortlist." + chosen.extension() + "\"");
		List<String> headings = new ArrayList<>();
		for (String key : List.of("matching.service", "matching.provider", "matching.town", "matching.postcode",
				"matching.score", "matching.explanation", "matching.riskWarned", "matching.reason",
				"matching.addedOn")) {
			headings.add(this.messages.getMessage(key, null, Locale.UK));
		}
		OutputStream out = response.getOutputStream();
		try (TableExport.Writer writer = TableExport.open(chosen, out, headings)) {
			for (Shortlists.Entry entry : entries) {
				List<Object> cells = new ArrayList<>();
				cells.add(entry.serviceName());
				cells.add(entry.providerName());
				cells.add(entry.town());
				cells.add(entry.postcode());
				cells.add(entry.score());
				cells.add(entry.explanation());
				cells.add(entry.riskWarned());
				cells.add(entry.reason());
				cells.add(entry.addedAt().atZone(org.carecycle.shared.UkTime.ZONE).toLocalDate());
				writer.row(cells);
			}
		}
		out.flush();
	}

}
