package org.carecycle.matching.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.matching.VacancyReports;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.web.RequestBodyLimits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The API for providers' own systems to keep vacancies current, with an API token (made
 * on the portal's API tokens page). Every refusal is a problem detail (RFC 9457).
 * <ul>
 * <li>{@code GET /api/v1/vacancies}: the organisation's active services, each with its
 * capacity, vacancies, when they were reported and whether that is out of date;</li>
 * <li>{@code POST /api/v1/vacancies}: {@code {"vacancies": [{"serviceId": "…",
 * "vacancies": 2}, …]}} gives 200 with how many were saved, or 422 with a problem per
 * refused line and nothing saved.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/vacancies")
class VacanciesApiController {

	private final VacancyReports reports;

	private final org.carecycle.matching.NeedsSearch search;

	VacanciesApiController(VacancyReports reports, org.carecycle.matching.NeedsSearch search) {
		this.reports = reports;
		this.search = search;
	}

	record Current(UUID serviceId, String serviceName, Integer capacity, Integer vacancies, LocalDate reportedOn,
			Long daysAgo, boolean outOfDate) {
	}

	@GetMapping
	List<Current> current() {
		List<Current> current = new ArrayList<>();
		for (ServiceRow service : this.reports.ownServices().values()) {
			var report = service.vacancy();
			long days = (report != null) ? report.daysAgo() : 0;
			current.add(new Current(service.id(), service.name(), service.capacity(), service.vacancies(),
					(report != null) ? report.reportedOn() : null, (report != null) ? days : null,
					report == null || days > this.search.staleAfterDays()));
		}
		return current;
	}

	@PostMapping
	ResponseEntity<?> report(@RequestBody JsonNode body) {
		JsonNode lines = (body != null && body.isObject()) ? body.get("vacancies") : null;
		if (lines == null || !lines.isArray()) {
			return problem(HttpStatus.BAD_REQUEST, "Not a report of vacancies",
					"Send a JSON object with \"vacancies\": an array of {\"serviceId\", \"vacancies\"}.", null);
		}
		if (lines.size() > VacancyReports.MAX_LINES) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Too many lines",
					"Send at most " + VacancyReports.MAX_LINES + " services at once.", null);
		}
		List<VacancyReports.Line> read = new ArrayList<>();
		int number = 0;
		for (JsonNode line : lines) {
			number++;
			if (!line.isObject()) {
				read.add(new VacancyReports.Line(number, null, null));
				continue;
			}
			JsonNode id = line.get("serviceId");
			JsonNode count = line.get("vacancies");
			read.add(new VacancyReports.Line(number, (id != null && id.isString()) ? id.asString() : null,
					(count != null && count.isIntegralNumber() && count.canConvertToInt())
							? String.valueOf(count.asInt())
							: (count != null && count.isNumber()) ? "not a whole number" : null));
		}
		VacancyReports.Outcome outcome = this.reports.report(read);
		if (outcome.refusedKey() != null) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid report", "Send at least one service's vacancies.",
					null);
		}
		if (!outcome.accepted()) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid report",
					"Nothing was saved: correct every line listed and send the report again.", outcome.problems());
		}
		return ResponseEntity.ok(Map.of("saved", outcome.saved()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
		if (RequestBodyLimits.exceeded(exception)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "The request body is larger than the "
					+ (RequestBodyLimits.API_BYTES / 1024) + " KB the API accepts.", null);
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongType() {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON", "Send the report as application/json.", null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (problems != null) {
			problem.setProperty("errors", problems);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
