package org.carecycle.providers.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.Documents;
import org.carecycle.documents.StoredDocument;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.ContractTerms;
import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterViews.ContractRow;
import org.carecycle.providers.RegisterViews.ContractState;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.TableExport;
import org.carecycle.web.TooLargeUpload;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Commissioners record what the council buys; staff read the contracts and their
 * specifications.
 */
@Controller
class ContractController {

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final Documents documents;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	ContractController(Register register, RegisterMaintenance maintenance, Documents documents, UserDirectory users,
			CurrentUser currentUser, MessageSource messages, Clock clock) {
		this.register = register;
		this.maintenance = maintenance;
		this.documents = documents;
		this.users = users;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/contracts")
	String list(@RequestParam(defaultValue = "LIVE") String state,
			@RequestParam(defaultValue = "false") boolean endingSoon, @RequestParam(defaultValue = "1") int page,
			Model model) {
		ContractState chosen = Optional.ofNullable(ServiceController.parse(ContractState.class, state))
			.orElse(ContractState.LIVE);
		model.addAttribute("contracts", this.register.contracts(chosen, endingSoon, Math.max(page, 1), 25));
		model.addAttribute("state", chosen);
		model.addAttribute("endingSoon", endingSoon && chosen == ContractState.LIVE);
		model.addAttribute("counts", this.register.counts(this.currentUser.scope()));
		return "providers/contracts";
	}

	/** The contracts in a state, as CSV or Excel. */
	@GetMapping("/contracts/export")
	void export(@RequestParam(defaultValue = "LIVE") String state,
			@RequestParam(defaultValue = "false") boolean endingSoon, @RequestParam String format,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElse(null);
		if (chosen == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		ContractState chosenState = Optional.ofNullable(ServiceController.parse(ContractState.class, state))
			.orElse(ContractState.LIVE);
		String file = "contracts-" + UkTime.today(this.clock) + "." + chosen.extension();
		response.setContentType(chosen.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		List<String> headings = List.of(text("contract.reference"), text("service.name"), text("service.provider"),
				text("service.type"), text("contract.framework.heading"), text("contract.lot.heading"),
				text("contract.startsOn"), text("contract.endsOn"), text("contract.state"),
				text("contract.unitPrice.heading"), text("contract.priceUnit.heading"),
				text("contract.commissionedCapacity.heading"), text("contract.totalValue.heading"),
				text("contract.manager"));
		Map<UUID, String> managers = new HashMap<>();
		long rows;
		try (OutputStream out = response.getOutputStream();
				TableExport.Writer writer = TableExport.open(chosen, out, headings)) {
			rows = this.register.eachContract(chosenState, endingSoon && chosenState == ContractState.LIVE,
					contract -> {
						String manager = (contract.contractManagerId() != null)
								? managers.computeIfAbsent(contract.contractManagerId(),
										id -> this.users.find(id).map(UserSummary::displayName).orElse(null))
								: null;
						List<Object> cells = new ArrayList<>();
						cells.add(contract.reference());
						cells.add(contract.serviceName());
						cells.add(contract.providerName());
						cells.add(text(contract.serviceType().messageKey()));
						cells.add(contract.framework());
						cells.add(contract.lot());
						cells.add(contract.startsOn());
						cells.add(contract.endsOn());
						cells.add(text(contract.endingSoon() ? "contract.endingSoon" : contract.state().messageKey()));
						cells.add(contract.unitPrice());
						cells.add((contract.priceUnit() != null) ? text(contract.priceUnit().nameKey()) : null);
						cells.add(contract.commissionedCapacity());
						cells.add(contract.totalValue());
						cells.add(manager);
						try {
							writer.row(cells);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
		}
		this.maintenance.recordExport("contracts (" + chosen.extension() + ")", rows);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, Locale.UK);
	}

	@GetMapping("/contracts/{id}")
	String show(@PathVariable UUID id, Model model) {
		ContractRow contract = find(id);
		model.addAttribute("contract", contract);
		model.addAttribute("manager",
				Optional.ofNullable(contract.contractManagerId()).flatMap(this.users::find).orElse(null));
		model.addAttribute("specification",
				Optional.ofNullable(contract.specificationDocumentId()).flatMap(this.documents::find).orElse(null));
		return "providers/contract";
	}

	@GetMapping("/contracts/{id}/specification")
	ResponseEntity<byte[]> specification(@PathVariable UUID id) {
		ContractRow contract = find(id);
		StoredDocument document = Optional.ofNullable(contract.specificationDocumentId())
			.flatMap(this.documents::find)
			.orElseThrow(() -> new RecordNotFoundException("No specification"));
		byte[] content = this.documents.content(document.id()).orElseThrow();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.kind().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	@GetMapping("/services/{serviceId}/contracts/new")
	String addForm(@PathVariable UUID serviceId, Model model) {
		model.addAttribute("form", ContractForm.empty(this.currentUser.require().id()));
		TooLargeUpload.showOn(model, "form", "specification", "document.error.large");
		return formPage(model, service(serviceId), null);
	}

	@PostMapping("/services/{serviceId}/contracts/new")
	String add(@PathVariable UUID serviceId, @ModelAttribute("form") ContractForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ServiceProfile service = service(serviceId);
		byte[] file = checkUpload(form, errors);
		ContractTerms terms = form.toTerms(errors, null);
		if (terms == null) {
			return formPage(model, service, null);
		}
		try {
			UUID id = this.maintenance.addContract(serviceId, withDocument(terms, form, file));
			redirect.addFlashAttribute("saved", "contract.added");
			return "redirect:/contracts/" + id;
		}
		catch (RegisterMaintenance.DuplicateReferenceException ex) {
			errors.rejectValue("reference", "contract.error.reference.taken");
			return formPage(model, service, null);
		}
	}

	@GetMapping("/contracts/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		ContractRow contract = find(id);
		model.addAttribute("form", ContractForm.of(contract));
		TooLargeUpload.showOn(model, "form", "specification", "document.error.large");
		return formPage(model, service(contract.serviceId()), contract);
	}

	@PostMapping("/contracts/{id}/edit")
	String edit(@PathVariable UUID id, @ModelAttribute("form") ContractForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ContractRow contract = find(id);
		ServiceProfile service = service(contract.serviceId());
		byte[] file = checkUpload(form, errors);
		ContractTerms terms = form.toTerms(errors, null);
		if (terms == null) {
			return formPage(model, service, contract);
		}
		try {
			this.maintenance.changeContract(id, (form.version() != null) ? form.version() : -1,
					withDocument(terms, form, file));
		}
		catch (ChangedByOthersException ex) {
			RegisterForms.showCurrent(model, ContractForm.of(find(id)));
			return formPage(model, service, find(id));
		}
		catch (RegisterMaintenance.DuplicateReferenceException ex) {
			errors.rejectValue("reference", "contract.error.reference.taken");
			return formPage(model, service, contract);
		}
		redirect.addFlashAttribute("saved", "contract.changed");
		return "redirect:/contracts/" + id;
	}

	/**
	 * The chosen specification's bytes once checked, or null when none was chosen or it
	 * is refused.
	 */
	private byte[] checkUpload(ContractForm form, BindingResult errors) throws IOException {
		MultipartFile file = form.specification();
		if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
			return null;
		}
		if (file.getSize() > Documents.MAX_BYTES) {
			errors.rejectValue("specification", "document.error.large");
			return null;
		}
		byte[] content = file.getBytes();
		Optional<String> problem = this.documents.problemWith(content, DocumentKind.TEXT_DOCUMENTS);
		if (problem.isPresent()) {
			errors.rejectValue("specification", problem.get());
			return null;
		}
		return content;
	}

	/**
	 * The terms with the specification stored, once everything else is known to be right.
	 */
	private ContractTerms withDocument(ContractTerms terms, ContractForm form, byte[] file) {
		if (file == null) {
			return terms;
		}
		UUID document = this.documents
			.store(form.specification().getOriginalFilename(), file, DocumentKind.TEXT_DOCUMENTS)
			.document()
			.id();
		return new ContractTerms(terms.reference(), terms.lot(), terms.framework(), terms.startsOn(), terms.endsOn(),
				terms.totalValue(), terms.unitPrice(), terms.priceUnit(), terms.commissionedCapacity(),
				terms.contractManagerId(), document);
	}

	private ContractRow find(UUID id) {
		if (this.currentUser.scope().isRestricted()) {
			throw new RecordNotFoundException("Not for provider users");
		}
		return this.register.contract(id).orElseThrow(() -> new RecordNotFoundException("No such contract"));
	}

	private ServiceProfile service(UUID id) {
		return this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
	}

	private String formPage(Model model, ServiceProfile service, ContractRow contract) {
		model.addAttribute("service", service);
		model.addAttribute("contract", contract);
		model.addAttribute("units", Choice.of(PriceUnit::nameKey, PriceUnit.values()));
		List<Choice> managers = this.users.withRole(Role.COMMISSIONER)
			.stream()
			.map(user -> Choice.literal(user.id().toString(), user.displayName()))
			.toList();
		model.addAttribute("managers", managers);
		return "providers/contract-form";
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
