package org.carecycle.web;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carecycle.HttpVisitor;
import org.carecycle.ServerTest;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are limited to what each address needs, before anything reads them: an
 * anonymous visitor's upload to the public form is refused for its size before its CSRF
 * token is even looked for (which would write it to disk), a form too large for any form
 * is refused on every page, and only the pages that take a file accept one.
 */
@ServerTest
class RequestBodyLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void anAnonymousUploadToThePublicFormIsRefusedForItsSizeBeforeItsCsrfTokenIsChecked() throws Exception {
		HttpResponse<String> response = new HttpVisitor(this.port).postFile("/tell-us/what-happened",
				Map.of("whatHappened", "x"), "document", "big.csv", "a,b\n".getBytes(StandardCharsets.UTF_8),
				5L * 1024 * 1024);
		assertThat(response.statusCode()).as("refused for its size, not its missing token").isEqualTo(413);
		assertThat(response.body()).contains("govuk-template").contains("What you sent is too large");
	}

	@Test
	void aFormLargerThanAnyFormNeedsIsRefusedOnAPageThatTakesNoFile() throws Exception {
		HttpVisitor visitor = new HttpVisitor(this.port).signedInAs(Role.QA_OFFICER);
		HttpResponse<String> response = visitor.post("/concerns/new", Map.of("whatHappened", "x".repeat(1_100_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("govuk-template").contains("What you sent is too large");
	}

	@Test
	void aFormSentInChunksWithoutItsLengthIsRefused() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/tell-us/what-happened"))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				// a publisher of unknown length is sent chunked
				.POST(HttpRequest.BodyPublishers.ofInputStream(
						() -> new java.io.ByteArrayInputStream("whatHappened=x".getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(411);
		assertThat(response.body()).contains("govuk-template");
	}

	@Test
	void everyPageThatTakesAFileIsListedAsAnUploadAndNoOtherIs() {
		List<String> takingFiles = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (takesFile(mapping.getValue())) {
				mapping.getKey().getPatternValues().forEach(takingFiles::add);
			}
		}
		List<String> concrete = takingFiles.stream().map(p -> p.replaceAll("\\{[^}]+}", "x")).toList();
		assertThat(concrete).as("pages that take a file").hasSizeGreaterThanOrEqualTo(7);
		assertThat(concrete).as("pages that take a file, each accepted as an upload")
			.allMatch(RequestBodyLimits::isUpload);
		assertThat(RequestBodyLimits.isUpload("/tell-us/what-happened")).isFalse();
		assertThat(RequestBodyLimits.isUpload("/sign-in")).isFalse();
		assertThat(RequestBodyLimits.isUpload("/providers/x/edit")).isFalse();
	}

	private static boolean takesFile(HandlerMethod handler) {
		for (Parameter parameter : handler.getMethod().getParameters()) {
			Class<?> type = parameter.getType();
			if (MultipartFile.class.isAssignableFrom(type)) {
				return true;
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					if (MultipartFile.class.isAssignableFrom(component.getType())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
