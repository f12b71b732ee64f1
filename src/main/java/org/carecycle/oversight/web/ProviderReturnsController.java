package org.carecycle.oversight.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiPeriod;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.oversight.KpiReturnsUpload;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A provider's KPI returns: what its services owe, a form for each return, a CSV file for
 * many at once (all or nothing), and what it has sent.
 */
@Controller
@RequestMapping("/my-organisation/returns")
class ProviderReturnsController {

	/** The largest CSV file read: a year of returns for a large group is far smaller. */
	static final long MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

	private final KpiReturns returns;

	private final KpiReturnsUpload upload;

	private final CurrentUser currentUser;

	private final KpiDefinitions definitions;

	ProviderReturnsController(KpiReturns returns, KpiReturnsUpload upload, CurrentUser currentUser,
			KpiDefinitions definitions) {
		this.returns = returns;
		this.definitions = definitions;
		this.upload = upload;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(Model model) {
		ProviderScope scope = this.currentUser.scope();
		model.addAttribute("owed", this.returns.owed(scope, 12, 500));
		model.addAttribute("sent", this.returns.latest(scope, 50));
		return "oversight/kpi/provider-returns";
	}

	@GetMapping("/{serviceId}/{period}")
	String form(@PathVariable UUID serviceId, @PathVariable String period, Model model) {
		KpiPeriod parsed = KpiPeriod.parse(period).orElseThrow(() -> new RecordNotFoundException("No such period"));
		KpiReturns.Form form = this.returns.form(this.currentUser.scope(), serviceId, parsed)
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		return page(model, form, Map.of(), List.of());
	}

	private String page(Model model, KpiReturns.Form form, Map<String, String> values,
			List<KpiReturns.Problem> problems) {
		model.addAttribute("form", form);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		Map<String, String> byField = new LinkedHashMap<>();
		problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem.message()));
		model.addAttribute("fieldProblems", byField);
		model.addAttribute("byCode", this.definitions.byCode());
		return "oversight/kpi/return-form";
	}

	@PostMapping("/{serviceId}/{period}")
	String send(@PathVariable UUID serviceId, @PathVariable String period, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		KpiPeriod parsed = KpiPeriod.parse(period).orElseThrow(() -> new RecordNotFoundException("No such period"));
		ProviderScope scope = this.currentUser.scope();
		KpiReturns.Form form = this.returns.form(scope, serviceId, parsed)
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		Map<String, String> values = new LinkedHashMap<>();
		form.kpis().forEach(kpi -> values.put(kpi.code(), request.getParameter("kpi-" + kpi.code())));
		SignedInUser user = this.currentUser.require();
		KpiReturns.Result result = this.returns.submit(scope, serviceId, parsed.label(), values,
				KpiReturns.Channel.PORTAL, user);
		if (result.accepted()) {
			redirect.addFlashAttribute("sentReturn", result.saved());
			redirect.addFlashAttribute("unchanged", result.outcome() == KpiReturns.Outcome.UNCHANGED);
			return "redirect:/my-organisation/returns";
		}
		return page(model, form, values, result.problems());
	}

	@GetMapping("/upload")
	String uploadForm(Model model) {
		model.addAttribute("report", null);
		return "oversight/kpi/upload";
	}

	@PostMapping("/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		KpiReturnsUpload.Report report;
		if (file == null || file.isEmpty()) {
			report = KpiReturnsUpload.Report.refused("kpi.upload.missing");
		}
		else if (file.getSize() > MAX_UPLOAD_BYTES) {
			report = KpiReturnsUpload.Report.refused("kpi.upload.tooLarge");
		}
		else {
			report = this.upload.upload(this.currentUser.scope(), this.currentUser.require(), file.getBytes());
		}
		if (report.accepted()) {
			redirect.addFlashAttribute("uploaded", report);
			return "redirect:/my-organisation/returns";
		}
		model.addAttribute("report", report);
		return "oversight/kpi/upload";
	}

	/** A CSV file with a row for every figure the organisation owes, ready to fill in. */
	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() {
		String csv = this.upload.template(this.currentUser.scope());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-returns.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/sent/{id}")
	String sent(@PathVariable UUID id, Model model) {
		KpiReturns.KpiReturn sent = this.returns.find(this.currentUser.scope(), id)
			.orElseThrow(() -> new RecordNotFoundException("No such return"));
		return page(model, this.returns.form(this.currentUser.scope(), sent.serviceId(), sent.period())
			.orElseThrow(() -> new RecordNotFoundException("No such service")), Map.of(), List.of());
	}

}
