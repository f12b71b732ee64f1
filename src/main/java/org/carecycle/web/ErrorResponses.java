package org.carecycle.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The answer to every request that ends in an error status, whatever went wrong and
 * wherever (a controller, a filter, the servlet container): a person's browser gets the
 * GOV.UK error page (Spring Boot's error views, {@code templates/error/}); the API
 * ({@code /api/**}), and any client that does not ask for HTML, gets an RFC 9457 problem
 * detail ({@code application/problem+json}) rather than Spring Boot's own JSON, which
 * names the error's path and time and is not a problem detail.
 */
class ErrorResponses extends BasicErrorController {

	ErrorResponses(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
		super(attributes, properties, resolvers);
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (isApi(request)) {
			HttpStatus status = getStatus(request);
			return new ModelAndView(new ProblemView(status));
		}
		return super.errorHtml(request, response);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
	}

	static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri instanceof String written) ? written : request.getRequestURI();
		String api = request.getContextPath() + "/api";
		return path != null && (path.equals(api) || path.startsWith(api + "/"));
	}

	/** A problem detail for a status, saying nothing of what failed inside. */
	static Map<String, Object> problem(HttpStatus status) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status));
		return problem;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed: check its address, headers and body.";
			case NOT_FOUND -> "Nothing is at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
			case NOT_ACCEPTABLE -> "This address answers in JSON: accept application/json.";
			case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
			case CONTENT_TOO_LARGE -> "The request body is larger than this address accepts.";
			case LENGTH_REQUIRED -> "Send the length of the body in a Content-Length header.";
			default ->
				status.is5xxServerError() ? "Something went wrong. Try again later." : "The request was refused.";
		};
	}

	/** Writes a problem detail, for the API's errors whatever the client accepts. */
	private record ProblemView(HttpStatus status) implements View {

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Map<String, Object> problem = problem(this.status);
			response.setStatus(this.status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + problem.get("title") + "\",\"status\":"
						+ problem.get("status") + ",\"detail\":\"" + problem.get("detail") + "\"}");
		}

	}

}
