package org.carecycle.matching.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.carecycle.matching.VacancyReports;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A provider updates the vacancies of many services at once with a CSV file: the file to
 * fill in, and the upload, saved whole or not at all with every refused line explained.
 */
@Controller
@RequestMapping("/my-organisation/vacancies")
class VacancyUploadController {

	/** The largest file accepted (a few thousand lines is far less). */
	static final long MAX_UPLOAD_BYTES = 1024 * 1024;

	private final VacancyReports reports;

	VacancyUploadController(VacancyReports reports) {
		this.reports = reports;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("outcome", null);
		model.addAttribute("services", this.reports.ownServices().values());
		return "matching/vacancies-upload";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		VacancyReports.Outcome outcome;
		if (file == null || file.isEmpty()) {
			outcome = VacancyReports.Outcome.refused("matching.upload.missing");
		}
		else if (file.getSize() > MAX_UPLOAD_BYTES) {
			outcome = VacancyReports.Outcome.refused("matching.upload.tooLarge");
		}
		else {
			outcome = this.reports.upload(file.getBytes());
		}
		if (outcome.accepted()) {
			redirect.addFlashAttribute("saved", "matching.upload.saved");
			redirect.addFlashAttribute("savedCount", outcome.saved());
			return "redirect:/my-organisation/vacancies";
		}
		model.addAttribute("outcome", outcome);
		model.addAttribute("services", this.reports.ownServices().values());
		return "matching/vacancies-upload";
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vacancies.csv\"")
			.body(this.reports.template().getBytes(StandardCharsets.UTF_8));
	}

}
