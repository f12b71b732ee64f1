package org.carecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.web.util.HtmlUtils;

/**
 * The error page of the servlet container itself, for a request so malformed that it
 * never reaches CareCycle (a NUL or an encoded slash in the address, a broken request
 * line or header, an unknown transfer coding or HTTP version): the GOV.UK error page
 * "There is a problem with your request" (its words from
 * {@code messages/web.properties}), or a problem detail for an address under
 * {@code /api}, in place of Tomcat's own page, which names the server. Such a request is
 * the client's mistake, so it is answered 400 even where Tomcat would say 501 or 505.
 * Everything else still goes to CareCycle's error pages first; this only answers what
 * they could not.
 */
public class ContainerErrorPage extends ErrorReportValve {

	private static final Properties TEXT = text();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		if (status == 501 || status == 505) {
			status = 400;
			response.setStatus(status);
		}
		String uri = request.getCoyoteRequest().requestURI().toString();
		boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			if (api) {
				response.setContentType("application/problem+json");
				write(response, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":" + status
						+ ",\"detail\":\"The request is malformed: check its address, headers and body.\"}");
			}
			else {
				response.setContentType("text/html;charset=UTF-8");
				write(response, page(status));
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone: nothing more to say
		}
	}

	private static void write(Response response, String body) throws IOException {
		Writer writer = response.getReporter();
		if (writer != null) {
			writer.write(body);
			response.finishResponse();
		}
	}

	static String page(int status) {
		boolean tooLarge = status == 413;
		String title = escaped(tooLarge ? "error.413.title" : "error.4xx.title");
		String text = escaped(tooLarge ? "error.413.text" : "error.4xx.text");
		return "<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<title>" + title + "</title>\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
				+ "<link rel=\"stylesheet\" href=\"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css\">\n"
				+ "</head>\n<body class=\"govuk-template__body\">\n<div class=\"govuk-width-container\">\n"
				+ "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n<div class=\"govuk-grid-row\">"
				+ "<div class=\"govuk-grid-column-two-thirds\">\n<h1 class=\"govuk-heading-l\">" + title + "</h1>\n"
				+ "<p class=\"govuk-body\">" + text
				+ "</p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">" + escaped("error.404.home")
				+ "</a></p>\n</div></div>\n</main>\n</div>\n</body>\n</html>\n";
	}

	private static String escaped(String key) {
		return HtmlUtils.htmlEscape(TEXT.getProperty(key, ""));
	}

	private static Properties text() {
		Properties text = new Properties();
		try (InputStream in = ContainerErrorPage.class.getResourceAsStream("/messages/web.properties")) {
			if (in != null) {
				text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text;
	}

}
