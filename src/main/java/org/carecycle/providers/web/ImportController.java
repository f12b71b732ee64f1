package org.carecycle.providers.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.providers.imports.CqcImports;
import org.carecycle.providers.imports.ImportJob;
import org.carecycle.providers.imports.ImportKind;
import org.carecycle.providers.imports.MappedField;
import org.carecycle.providers.imports.MappingProposal;
import org.carecycle.shared.Council;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.TooLargeUpload;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Loading CQC's published files into the register, and following each import. */
@Controller
@RequestMapping("/imports")
class ImportController {

	/** The most rows of a mapped import's report shown on its page. */
	static final int ROW_NOTES_SHOWN = 2000;

	private final CqcImports imports;

	private final Council council;

	private final MessageSource messages;

	ImportController(CqcImports imports, Council council, MessageSource messages) {
		this.imports = imports;
		this.council = council;
		this.messages = messages;
	}

	/**
	 * The upload form.
	 *
	 * @param file the file chosen
	 * @param scope "area" for the council's area only, "all" for every location in the
	 * file
	 */
	record UploadForm(MultipartFile file, String scope) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new UploadForm(null, "area"));
		TooLargeUpload.showOn(model, "form", "file", "imports.error.file.large");
		return page(model);
	}

	@PostMapping
	String upload(@ModelAttribute("form") UploadForm form, BindingResult bound, Model model) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		if (form.file() == null || (form.file().isEmpty()
				&& !org.springframework.util.StringUtils.hasText(form.file().getOriginalFilename()))) {
			errors.rejectValue("file", "imports.error.file.blank");
		}
		if (!"area".equals(form.scope()) && !"all".equals(form.scope())) {
			errors.rejectValue("scope", "imports.error.scope");
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		if (form.file().getSize() > CqcImports.MAX_BYTES) {
			errors.rejectValue("file", "imports.error.file.large");
			return page(model);
		}
		CqcImports.Accepted accepted;
		try (InputStream content = form.file().getInputStream()) {
			accepted = this.imports.accept(form.file().getOriginalFilename(), content, "area".equals(form.scope()));
		}
		if (accepted.needsMapping()) {
			return "redirect:/imports/mapping?upload=" + accepted.uploadId();
		}
		if (!accepted.isQueued()) {
			errors.rejectValue("file", "imports.error.file.unreadable", new Object[] { accepted.problem() },
					accepted.problem());
			return page(model);
		}
		return "redirect:/imports/" + accepted.jobId();
	}

	@GetMapping("/mapping")
	String mapping(@RequestParam(required = false) String upload, Model model) {
		Optional<MappingProposal> proposal = proposal(upload);
		if (proposal.isEmpty()) {
			return uploadGone(model);
		}
		model.addAttribute("form", MappingForm.proposing(upload, proposal.get().proposed()));
		return mappingPage(proposal.get(), model);
	}

	@PostMapping("/mapping")
	String mapped(@ModelAttribute("form") MappingForm form, BindingResult bound, Model model) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Optional<MappingProposal> proposal = proposal(form.upload());
		if (proposal.isEmpty()) {
			return uploadGone(model);
		}
		Map<MappedField, Integer> columns = new EnumMap<>(MappedField.class);
		Map<Integer, MappedField> taken = new HashMap<>();
		int width = proposal.get().headers().size();
		for (MappedField field : MappedField.values()) {
			String value = form.value(field);
			if (value == null || value.isBlank()) {
				if (field.isRequired()) {
					errors.rejectValue(field.formName(), "imports.error.required." + field.formName());
				}
				continue;
			}
			Integer column = columnIndex(value, width);
			if (column == null) {
				errors.rejectValue(field.formName(), "imports.error.column");
			}
			else if (taken.containsKey(column)) {
				errors.rejectValue(field.formName(), "imports.error.column.twice",
						new Object[] { proposal.get().headers().get(column) }, null);
			}
			else {
				taken.put(column, field);
				columns.put(field, column);
			}
		}
		if (columns.containsKey(MappedField.RATING) && !columns.containsKey(MappedField.RATED_ON)
				&& !errors.hasFieldErrors("ratedOn")) {
			errors.rejectValue("ratedOn", "imports.error.required.ratedOn");
		}
		if (errors.hasErrors()) {
			return mappingPage(proposal.get(), model);
		}
		Optional<UUID> job = this.imports.importMapped(proposal.get().uploadId(), columns);
		if (job.isEmpty()) {
			return uploadGone(model);
		}
		return "redirect:/imports/" + job.get();
	}

	private Optional<MappingProposal> proposal(String upload) {
		UUID id;
		try {
			id = (upload != null) ? UUID.fromString(upload.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			id = null;
		}
		return (id != null) ? this.imports.proposal(id) : Optional.empty();
	}

	private static Integer columnIndex(String value, int width) {
		try {
			int column = Integer.parseInt(value.strip());
			return (column >= 0 && column < width) ? column : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String mappingPage(MappingProposal proposal, Model model) {
		List<Choice> columns = new ArrayList<>();
		for (int i = 0; i < proposal.headers().size(); i++) {
			String header = proposal.headers().get(i).strip();
			columns.add(Choice.literal(String.valueOf(i),
					header.isEmpty() ? this.messages.getMessage("imports.column.unnamed", new Object[] { i + 1 },
							LocaleContextHolder.getLocale()) : header));
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("fields", List.of(MappedField.values()));
		model.addAttribute("columns", columns);
		return "providers/import-mapping";
	}

	/** The upload page, saying the file waiting for its mapping cannot be found. */
	private String uploadGone(Model model) {
		UploadForm form = new UploadForm(null, "area");
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
		errors.rejectValue("file", "imports.error.upload.gone");
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		return page(model);
	}

	@GetMapping("/{id}")
	String job(@PathVariable UUID id, Model model) {
		ImportJob job = find(id);
		model.addAttribute("job", job);
		model.addAttribute("notes", (job.kind() == ImportKind.MAPPED_LOCATIONS && job.status().isFinished())
				? this.imports.rowNotes(id, ROW_NOTES_SHOWN) : List.of());
		model.addAttribute("counts", counts(job));
		return "providers/import";
	}

	/** The job's progress, for the page's script to show without reloading. */
	@GetMapping(path = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@org.springframework.web.bind.annotation.ResponseBody
	Map<String, Object> progress(@PathVariable UUID id) {
		ImportJob job = find(id);
		Map<String, Object> progress = new LinkedHashMap<>(counts(job));
		progress.put("status", job.status().name());
		progress.put("finished", job.status().isFinished());
		return progress;
	}

	private static Map<String, Long> counts(ImportJob job) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("rowsRead", job.rowsRead());
		counts.put("created", job.created());
		counts.put("updated", job.updated());
		counts.put("unchanged", job.unchanged());
		counts.put("skipped", job.skipped());
		counts.put("rejected", job.rejected());
		return counts;
	}

	@GetMapping("/{id}/refused.csv")
	void refused(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		ImportJob job = find(id);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"refused-rows-" + job.id() + ".csv\"");
		this.imports.writeRefusals(id, response.getOutputStream());
	}

	private ImportJob find(UUID id) {
		return this.imports.job(id).orElseThrow(() -> new RecordNotFoundException("No such import"));
	}

	private String page(Model model) {
		model.addAttribute("jobs", this.imports.recent());
		model.addAttribute("scopes", java.util.List.of(new Choice("area", "imports.scope.area", null, null),
				new Choice("all", "imports.scope.all", null, "imports.scope.all.hint")));
		model.addAttribute("areaName", this.council.area());
		return "providers/imports";
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
		// the forms are records, bound through their constructors only: a tampered
		// parameter such as locationId[0] is ignored rather than read as a property path
		binder.setDeclarativeBinding(true);
	}

}
