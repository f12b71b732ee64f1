package org.carecycle.procurement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.documents.DocumentDownloads;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.Documents;
import org.carecycle.procurement.BidViews.OpenedBids;
import org.carecycle.procurement.BidsSealedException;
import org.carecycle.procurement.CriterionKind;
import org.carecycle.procurement.TenderBids;
import org.carecycle.procurement.TenderViews.Criterion;
import org.carecycle.procurement.TenderViews.TenderPage;
import org.carecycle.procurement.Tenders;
import org.carecycle.procurement.web.TenderForms.AnswerForm;
import org.carecycle.procurement.web.TenderForms.CriterionForm;
import org.carecycle.procurement.web.TenderForms.DocumentForm;
import org.carecycle.procurement.web.TenderForms.LotForm;
import org.carecycle.procurement.web.TenderForms.TenderForm;
import org.carecycle.identity.OrganisationDirectory;
import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;
import org.carecycle.web.TooLargeUpload;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
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
 * The council's tender pages: the list, planning a tender (details, lots, award criteria,
 * documents), publishing it, answering clarification questions, and after the deadline
 * opening the bids. Commissioners run tenders; other council staff read them (the access
 * rules in {@code TenderWebConfiguration}).
 */
@Controller
@RequestMapping("/procurement/tenders")
class TenderController {

	static final String BASE = "/procurement/tenders/";

	private final Tenders tenders;

	private final TenderBids bids;

	private final Documents documents;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	private final CurrentUser currentUser;

	private final org.springframework.context.MessageSource messages;

	TenderController(Tenders tenders, TenderBids bids, Documents documents, OrganisationDirectory organisations,
			Clock clock, CurrentUser currentUser, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.currentUser = currentUser;
		this.tenders = tenders;
		this.bids = bids;
		this.documents = documents;
		this.organisations = organisations;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@ModelAttribute("procedures")
	List<org.carecycle.web.Choice> procedures() {
		return java.util.Arrays.stream(org.carecycle.procurement.TenderProcedure.values())
			.map(p -> new org.carecycle.web.Choice(p.name(), "tenders.procedure." + p.name(), null,
					"tenders.procedure." + p.name() + ".hint"))
			.toList();
	}

	@ModelAttribute("criterionKinds")
	List<org.carecycle.web.Choice> criterionKinds() {
		return java.util.Arrays.stream(CriterionKind.values())
			.map(k -> new org.carecycle.web.Choice(k.name(), "tenders.kind." + k.name(), null, null))
			.toList();
	}

	/** Whether the reader runs tenders (commissioners) or only reads them. */
	@ModelAttribute("commissioner")
	boolean commissioner() {
		return this.currentUser.get().map(user -> user.role() == Role.COMMISSIONER).orElse(false);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rows", this.tenders.all());
		model.addAttribute("now", this.clock.instant());
		return "procurement/tenders";
	}

	// Planning
	// --------------------

	@GetMapping("/new")
	String newTender(Model model) {
		model.addAttribute("form", TenderForm.empty());
		return "procurement/tender-form";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") TenderForm form, BindingResult bound, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Tenders.TenderDetails details = form.toDetails(errors, this.clock.instant());
		if (details == null) {
			return "procurement/tender-form";
		}
		UUID id = this.tenders.create(details);
		return "redirect:" + BASE + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page(id, model);
	}

	private String page(UUID id, Model model) {
		TenderPage page = this.tenders.page(id, null);
		model.addAttribute("page", page);
		model.addAttribute("t", page.tender());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("weightProblems", this.tenders.weightProblems(id));
		model.addAttribute("bidCount", this.bids.count(id));
		model.addAttribute("topCriteria",
				page.criteria()
					.stream()
					.filter(c -> c.topLevel() && c.kind() != CriterionKind.PRICE && c.kind() != CriterionKind.PASS_FAIL)
					.toList());
		model.addAttribute("parentChoices", page.criteria()
			.stream()
			.filter(c -> c.topLevel() && (c.kind() == CriterionKind.QUALITY || c.kind() == CriterionKind.SOCIAL_VALUE))
			.map(c -> new org.carecycle.web.Choice(c.id().toString(), null, c.title(), null))
			.toList());
		if (!model.containsAttribute("lotForm")) {
			model.addAttribute("lotForm", LotForm.empty());
		}
		if (!model.containsAttribute("criterionForm")) {
			model.addAttribute("criterionForm", CriterionForm.empty());
		}
		if (!model.containsAttribute("documentForm")) {
			model.addAttribute("documentForm", new DocumentForm(null, null));
		}
		TooLargeUpload.showOn(model, "documentForm", "document", "document.error.large");
		return "procurement/tender";
	}

	@PostMapping("/{id}/lots")
	String addLot(@PathVariable UUID id, @ModelAttribute("lotForm") LotForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		this.tenders.require(id);
		String title = FormText.check(errors, "lotTitle", form.lotTitle(), true, TenderForms.TITLE_LENGTH,
				"tenders.lot.title");
		String description = FormText.check(errors, "lotDescription", form.lotDescription(), true,
				TenderForms.TEXT_LENGTH, "tenders.lot.description");
		var value = TenderForms.money(errors, "lotValue", form.lotValue(), false, "tenders.lot.value");
		if (errors.hasErrors()) {
			return page(id, model);
		}
		try {
			this.tenders.addLot(id, title, description, value);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex);
		}
		redirect.addFlashAttribute("saved", "tenders.lot.added");
		return "redirect:" + BASE + id + "#lots";
	}

	@PostMapping("/{id}/criteria")
	String addCriterion(@PathVariable UUID id, @ModelAttribute("criterionForm") CriterionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		this.tenders.require(id);
		UUID parent = FormText.uuid(form.parentId()).orElse(null);
		List<Criterion> criteria = this.tenders.criteria(id);
		if (parent != null && criteria.stream().noneMatch(c -> c.id().equals(parent) && c.topLevel())) {
			errors.rejectValue("parentId", "tenders.criterion.parent.invalid");
		}
		CriterionKind kind = TenderForms.kind(form.kind());
		if (parent == null && kind == null) {
			errors.rejectValue("kind", "tenders.criterion.kind.blank");
		}
		String title = FormText.check(errors, "criterionTitle", form.criterionTitle(), true, TenderForms.TITLE_LENGTH,
				"tenders.criterion.title");
		String guidance = FormText.check(errors, "guidance", form.guidance(), false, TenderForms.TEXT_LENGTH,
				"tenders.criterion.guidance");
		boolean weighted = parent != null || (kind != null && kind.weighted());
		Integer weight = TenderForms.whole(errors, "weight", form.weight(), 0, 100, "tenders.criterion.weight");
		if (weighted && weight == null && !errors.hasFieldErrors("weight")) {
			errors.rejectValue("weight", "tenders.criterion.weight.blank");
		}
		if (!weighted && weight != null) {
			errors.rejectValue("weight", "tenders.criterion.weight.passFail");
		}
		if (errors.hasErrors()) {
			return page(id, model);
		}
		try {
			this.tenders.addCriterion(id, parent, (kind != null) ? kind : CriterionKind.QUALITY, title, guidance,
					weight);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex);
		}
		redirect.addFlashAttribute("saved", "tenders.criterion.added");
		return "redirect:" + BASE + id + "#criteria";
	}

	@PostMapping("/{id}/documents")
	String addDocument(@PathVariable UUID id, @ModelAttribute("documentForm") DocumentForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		this.tenders.require(id);
		String title = FormText.check(errors, "documentTitle", form.documentTitle(), true, TenderForms.TITLE_LENGTH,
				"tenders.document.title");
		byte[] content = null;
		MultipartFile file = form.document();
		if (!form.hasDocument()) {
			errors.rejectValue("document", "tenders.document.blank");
		}
		else if (file.getSize() > Documents.MAX_BYTES) {
			errors.rejectValue("document", "document.error.large");
		}
		else {
			content = file.getBytes();
			this.documents.problemWith(content, DocumentKind.TEXT_DOCUMENTS)
				.ifPresent(problem -> errors.rejectValue("document", problem));
		}
		if (errors.hasErrors()) {
			return page(id, model);
		}
		try {
			UUID documentId = this.documents.store(file.getOriginalFilename(), content, DocumentKind.TEXT_DOCUMENTS)
				.document()
				.id();
			this.tenders.addDocument(id, title, documentId);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex);
		}
		redirect.addFlashAttribute("saved", "tenders.document.added");
		return "redirect:" + BASE + id + "#documents";
	}

	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		if (!this.tenders.hasDocument(id, documentId)) {
			throw new RecordNotFoundException("No such document");
		}
		return DocumentDownloads.download(this.documents, documentId);
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		this.tenders.require(id);
		int emailed;
		try {
			emailed = this.tenders.publish(id);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex);
		}
		redirect.addFlashAttribute("saved", "tenders.published");
		redirect.addFlashAttribute("emailed", emailed);
		return "redirect:" + BASE + id;
	}

	// Clarifications
	// --------------------

	@PostMapping("/{id}/clarifications/{clarificationId}")
	String answer(@PathVariable UUID id, @PathVariable UUID clarificationId, @ModelAttribute AnswerForm form,
			Model model, RedirectAttributes redirect) {
		this.tenders.require(id);
		BindingResult errors = new BeanPropertyBindingResult(form, "answerForm");
		String answer = FormText.check(errors, "answer", form.answer(), true, TenderForms.ANSWER_LENGTH,
				"tenders.answer");
		if (errors.hasErrors()) {
			model.addAttribute("answerProblem",
					this.messages.getMessage(errors.getFieldError("answer"), java.util.Locale.forLanguageTag("en-GB")));
			model.addAttribute("answerFor", clarificationId);
			model.addAttribute("answerNumber",
					this.tenders.clarifications(id, null)
						.stream()
						.filter(c -> c.id().equals(clarificationId))
						.findFirst()
						.orElseThrow(() -> new RecordNotFoundException("No such question"))
						.number());
			model.addAttribute("answerTyped", form.answer());
			return page(id, model);
		}
		try {
			this.tenders.answer(id, clarificationId, answer);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex);
		}
		redirect.addFlashAttribute("saved", "tenders.answered");
		return "redirect:" + BASE + id + "#clarifications";
	}

	// Bids
	// --------------------

	@GetMapping("/{id}/bids")
	String bids(@PathVariable UUID id, Model model) {
		var tender = this.tenders.require(id);
		model.addAttribute("t", tender);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("bidCount", this.bids.count(id));
		try {
			OpenedBids opened = this.bids.read(id);
			model.addAttribute("opened", opened);
			model.addAttribute("bidsByLot", opened.bids().stream().collect(Collectors.groupingBy(bid -> bid.lotId())));
			model.addAttribute("emptyList", List.of());
			model.addAttribute("lots", this.tenders.lots(id));
			model.addAttribute("criteria", this.tenders.criteria(id));
			Map<ProviderId, String> names = this.organisations
				.names(opened.bids().stream().map(bid -> new ProviderId(bid.providerId())).collect(Collectors.toSet()));
			model.addAttribute("providerNames",
					names.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)));
		}
		catch (BidsSealedException ex) {
			model.addAttribute("sealed", true);
		}
		model.addAttribute("attempts", this.bids.attempts(id));
		return "procurement/tender-bids";
	}

	@PostMapping("/{id}/bids/open")
	String open(@PathVariable UUID id, RedirectAttributes redirect) {
		this.tenders.require(id);
		try {
			this.bids.open(id);
			redirect.addFlashAttribute("saved", "tenders.bids.opened");
		}
		catch (BidsSealedException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "tenders.bids.stillSealed");
		}
		return "redirect:" + BASE + id + "/bids";
	}

	@GetMapping("/{id}/bids/documents/{documentId}")
	ResponseEntity<byte[]> bidDocument(@PathVariable UUID id, @PathVariable UUID documentId) {
		this.tenders.require(id);
		TenderBids.OpenedDocument document;
		try {
			document = this.bids.document(id, documentId);
		}
		catch (BidsSealedException ex) {
			return ResponseEntity.status(403)
				.contentType(MediaType.TEXT_PLAIN)
				.body("The bids are sealed until they are opened after the deadline.".getBytes(StandardCharsets.UTF_8));
		}
		DocumentKind kind = DocumentKind.valueOf(document.kind());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(kind.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(document.content());
	}

	private String refused(UUID id, Model model, IllegalStateException ex) {
		model.addAttribute("refusal", ex.getMessage());
		return page(id, model);
	}

}
