package org.carecycle.concerns.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.ConcernAccesses;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ProviderRequests;
import org.carecycle.concerns.ProviderRequests.ProviderView;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.Documents;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;
import org.carecycle.web.Choice;
import org.carecycle.web.TooLargeUpload;

import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's side of a concern: what the council asked them about their services, by
 * when, and their answer with any document. They see the officer's summary, never who
 * told the council or what exactly they said; another provider's request is "not found".
 */
@Controller
@RequestMapping("/my-organisation/concerns")
class ProviderConcernsController {

	private final ProviderRequests requests;

	private final Concerns concerns;

	private final Documents documents;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final Register register;

	private final ConcernAccesses accesses;

	ProviderConcernsController(ProviderRequests requests, Concerns concerns, Documents documents,
			CurrentUser currentUser, Clock clock, Register register, ConcernAccesses accesses) {
		this.register = register;
		this.accesses = accesses;
		this.requests = requests;
		this.concerns = concerns;
		this.documents = documents;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(org.springframework.web.context.request.WebRequest request, Model model) {
		boolean waiting = request.getParameterMap().containsKey("waiting");
		model.addAttribute("requests",
				this.requests.forProvider(provider()).stream().filter(r -> !waiting || !r.answered()).toList());
		model.addAttribute("waiting", waiting);
		model.addAttribute("reports", this.requests.selfReports(provider()));
		model.addAttribute("today", UkTime.today(this.clock));
		return "concerns/provider-requests";
	}

	@GetMapping("/report")
	String reportForm(Model model) {
		model.addAttribute("form", SelfReportForm.empty());
		return reportPage(model);
	}

	@PostMapping("/report")
	String report(@ModelAttribute("form") SelfReportForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Set<UUID> own = ownServices().stream().map(ServiceRow::id).collect(Collectors.toSet());
		SignedInUser user = this.currentUser.require();
		Report report = form.toReport(errors, own, UkTime.today(this.clock), user.displayName(), user.email());
		if (report == null) {
			return reportPage(model);
		}
		Concern concern = this.concerns.receive(report, Channel.PROVIDER_PORTAL, form.submissionKey(),
				this.clock.instant());
		redirect.addFlashAttribute("reported", concern.reference());
		return "redirect:/my-organisation/concerns";
	}

	private String reportPage(Model model) {
		model.addAttribute("services",
				ownServices().stream().map(s -> Choice.literal(s.id().toString(), s.name())).toList());
		model.addAttribute("risks", Choice.of(AtRisk::messageKey, AtRisk.values()));
		return "concerns/self-report";
	}

	private List<ServiceRow> ownServices() {
		return this.register.servicesOf(provider().value(), this.currentUser.scope());
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		ProviderView request = find(id);
		this.accesses.opened(request.concernId(), ConcernAccesses.Page.PROVIDER_REQUEST);
		model.addAttribute("form", ProviderResponseForm.empty());
		TooLargeUpload.showOn(model, "form", "document", "document.error.large");
		return page(request, model);
	}

	private String page(ProviderView request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("rounds", this.requests.rounds(provider(), request.concernId()));
		model.addAttribute("today", UkTime.today(this.clock));
		return "concerns/provider-request";
	}

	@PostMapping("/{id}")
	String respond(@PathVariable UUID id, @ModelAttribute("form") ProviderResponseForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderView request = find(id);
		if (request.answered()) {
			redirect.addFlashAttribute("problem", "providerConcerns.alreadyAnswered");
			return "redirect:/my-organisation/concerns/" + id;
		}
		String text = form.toResponse(errors);
		MultipartFile document = form.document();
		byte[] content = null;
		if (form.hasDocument()) {
			if (document.getSize() > Documents.MAX_BYTES) {
				errors.rejectValue("document", "document.error.large");
			}
			else {
				content = document.getBytes();
				this.documents.problemWith(content, DocumentKind.TEXT_DOCUMENTS)
					.ifPresent(problem -> errors.rejectValue("document", problem));
			}
		}
		if (errors.hasErrors()) {
			return page(request, model);
		}
		UUID documentId = null;
		if (content != null) {
			documentId = this.documents.store(document.getOriginalFilename(), content, DocumentKind.TEXT_DOCUMENTS)
				.document()
				.id();
		}
		try {
			this.concerns.respond(provider(), id, text, documentId);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "providerConcerns.alreadyAnswered");
			return "redirect:/my-organisation/concerns/" + id;
		}
		redirect.addFlashAttribute("saved", "providerConcerns.sent");
		return "redirect:/my-organisation/concerns/" + id;
	}

	@GetMapping("/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		ProviderView request = find(id);
		if (request.documentId() == null) {
			throw new RecordNotFoundException("No document");
		}
		this.accesses.opened(request.concernId(), ConcernAccesses.Page.PROVIDER_DOCUMENT);
		return org.carecycle.documents.DocumentDownloads.download(this.documents, request.documentId());
	}

	private ProviderView find(UUID id) {
		return this.requests.forProvider(provider(), id)
			.orElseThrow(() -> new RecordNotFoundException("No such request"));
	}

	private ProviderId provider() {
		return Optional.ofNullable(this.currentUser.require().providerId())
			.orElseThrow(() -> new RecordNotFoundException("Not a provider user"));
	}

}
