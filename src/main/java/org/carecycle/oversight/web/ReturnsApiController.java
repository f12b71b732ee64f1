package org.carecycle.oversight.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.oversight.Kpi;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.web.RequestBodyLimits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * The API for providers' own systems to send KPI returns, with an API token (made on the
 * portal's API tokens page). Every refusal is a problem detail (RFC 9457) saying what to
 * change; a return is saved whole or not at all, and sending the same one twice is safe.
 * <ul>
 * <li>{@code GET /api/v1/returns/owed}: the returns the organisation owes, with the KPIs
 * each needs;</li>
 * <li>{@code POST /api/v1/returns}: {@code {"serviceId": "…", "period": "2026-10",
 * "values": {"STAFF_VACANCY_RATE": 8.5, …}}} gives 201 with the return, 200 if the same
 * figures were already sent, 409 if different ones were, 422 with a problem per field if
 * the figures are wrong, 404 for a service that is not the organisation's;</li>
 * <li>{@code GET /api/v1/returns/{id}}: a return the organisation sent.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/returns")
class ReturnsApiController {

	/** The most decimal places a figure may have (KPI figures have two at most). */
	static final int MAX_DECIMALS = 6;

	/** The most digits before the decimal point. */
	static final int LARGEST_DIGITS = 12;

	private static final String LARGEST = "999999999999";

	private final KpiReturns returns;

	private final CurrentUser currentUser;

	private final KpiDefinitions definitions;

	ReturnsApiController(KpiReturns returns, CurrentUser currentUser, KpiDefinitions definitions) {
		this.returns = returns;
		this.definitions = definitions;
		this.currentUser = currentUser;
	}

	record OwedKpi(String code, String name, String unit, BigDecimal highest) {
	}

	record Owed(UUID serviceId, String serviceName, String period, LocalDate dueOn, boolean overdue,
			List<OwedKpi> kpis) {
	}

	@GetMapping("/owed")
	List<Owed> owed() {
		List<Kpi> all = this.definitions.all();
		List<Owed> owed = new ArrayList<>();
		for (KpiReturns.Owed o : this.returns.owed(this.currentUser.scope(), 12, 1_000)) {
			owed.add(new Owed(o.serviceId(), o.serviceName(), o.period().label(), o.dueOn(), o.overdue(),
					o.kpis(all)
						.stream()
						.map(k -> new OwedKpi(k.code(), k.name(), k.unit().name(), k.highest().stripTrailingZeros()))
						.toList()));
		}
		return owed;
	}

	record Sent(UUID id, UUID serviceId, String serviceName, String period, Map<String, BigDecimal> values,
			List<String> outOfTolerance, boolean late, String submittedAt) {

		static Sent of(KpiReturns.KpiReturn r) {
			return new Sent(r.id(), r.serviceId(), r.serviceName(), r.period().label(), r.values(), r.breaches(),
					r.late(), r.submittedAt().toString());
		}

	}

	@GetMapping("/{id}")
	ResponseEntity<?> get(@PathVariable UUID id) {
		return this.returns.find(this.currentUser.scope(), id)
			.<ResponseEntity<?>>map(r -> ResponseEntity.ok(Sent.of(r)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such return",
					"No return with this id was sent by your organisation.", null));
	}

	@PostMapping
	ResponseEntity<?> send(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			return problem(HttpStatus.BAD_REQUEST, "Not a return",
					"Send a JSON object with serviceId, period and values.", null);
		}
		JsonNode serviceNode = body.get("serviceId");
		UUID serviceId = null;
		if (serviceNode != null && serviceNode.isString()) {
			try {
				serviceId = UUID.fromString(serviceNode.asString());
			}
			catch (IllegalArgumentException ex) {
				serviceId = null;
			}
		}
		if (serviceId == null) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid return",
					"serviceId must be the id of one of your services, as a string.",
					List.of(new KpiReturns.Problem("serviceId", "Enter the service's id")));
		}
		JsonNode periodNode = body.get("period");
		String period = (periodNode != null && periodNode.isString()) ? periodNode.asString() : null;
		JsonNode valuesNode = body.get("values");
		if (valuesNode == null || !valuesNode.isObject()) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid return",
					"values must be an object with a number for each KPI code.",
					List.of(new KpiReturns.Problem("values", "Enter the figures as an object of KPI codes")));
		}
		Map<String, String> values = new LinkedHashMap<>();
		List<KpiReturns.Problem> typeProblems = new ArrayList<>();
		List<KpiReturns.Problem> rangeProblems = new ArrayList<>();
		valuesNode.properties().forEach(e -> {
			JsonNode v = e.getValue();
			String code = e.getKey().matches("[A-Za-z0-9_]{1,40}") ? e.getKey() : "values";
			String number = (v.isNumber()) ? decimal(v) : null;
			if (number != null) {
				values.put(e.getKey(), number);
			}
			else if (v.isNumber()) {
				rangeProblems.add(new KpiReturns.Problem(code, code + " must be a number between -" + LARGEST + " and "
						+ LARGEST + " with at most " + MAX_DECIMALS + " decimal places"));
			}
			else {
				typeProblems.add(new KpiReturns.Problem(code, code + " must be a number"));
			}
		});
		if (!rangeProblems.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Number out of range",
					"A figure is too large, or too small, to be a KPI figure.", rangeProblems);
		}
		if (!typeProblems.isEmpty()) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid return", "Every figure must be a JSON number.",
					typeProblems);
		}
		KpiReturns.Result result = this.returns.submit(this.currentUser.scope(), serviceId, period, values,
				KpiReturns.Channel.API, this.currentUser.require());
		return switch (result.outcome()) {
			case CREATED -> ResponseEntity.created(URI.create("/api/v1/returns/" + result.saved().id()))
				.body(Sent.of(result.saved()));
			case UNCHANGED -> ResponseEntity.ok(Sent.of(result.saved()));
			case NOT_FOUND ->
				problem(HttpStatus.NOT_FOUND, "No such service", result.problems().get(0).message() + ".", null);
			case CONFLICT ->
				problem(HttpStatus.CONFLICT, "Return already sent", result.problems().get(0).message() + ".", null);
			case INVALID -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid return",
					"The return has mistakes: nothing was saved.", result.problems());
		};
	}

	/**
	 * A JSON number as written in decimals (the mapper reads every number as a decimal,
	 * never a binary double); null for one beyond any KPI figure: more than
	 * {@link #MAX_DECIMALS} decimal places, or larger than {@link #LARGEST}. It is
	 * checked before it is ever written out in full, which for 1e-1000000 would take a
	 * million digits.
	 */
	static String decimal(JsonNode number) {
		if (!number.isNumber()) {
			return null;
		}
		BigDecimal value;
		try {
			value = number.decimalValue();
		}
		catch (RuntimeException ex) {
			return null;
		}
		BigDecimal stripped = (value.signum() == 0) ? BigDecimal.ZERO : value.stripTrailingZeros();
		if (stripped.scale() > MAX_DECIMALS || stripped.precision() - stripped.scale() > LARGEST_DIGITS) {
			return null;
		}
		return stripped.toPlainString();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
		if (RequestBodyLimits.exceeded(exception)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "The request body is larger than the "
					+ (RequestBodyLimits.API_BYTES / 1024) + " KB the API accepts.", null);
		}
		Throwable cause = exception.getMostSpecificCause();
		if (cause instanceof StreamConstraintsException) {
			return problem(HttpStatus.BAD_REQUEST, "JSON beyond limits",
					"The request body is too large, too deeply nested, or holds a number or text too long"
							+ " for a return.",
					null);
		}
		String message = String.valueOf(cause.getMessage());
		if (message.contains("Duplicate")) {
			return problem(HttpStatus.BAD_REQUEST, "Duplicate key",
					"The request body names the same key twice in one object: send each once.", null);
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> wrongType() {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON", "Send the return as application/json.", null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> notAnId() {
		return problem(HttpStatus.NOT_FOUND, "No such return", "That is not the id of a return.", null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<KpiReturns.Problem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (problems != null) {
			problem.setProperty("errors",
					problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		}
		return ResponseEntity.status(status).body(problem);
	}

}
