package org.carecycle.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TableDownloadTests {

	private final TableDownload download;

	TableDownloadTests() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("heading.name", java.util.Locale.UK, "Name");
		messages.addMessage("heading.received", java.util.Locale.UK, "Received");
		this.download = new TableDownload(messages, Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void cellsThatASpreadsheetWouldRunAreNeutralisedAndInstantsAreUkDays() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		var rows = this.download.send("csv", "concerns", List.of("heading.name", "heading.received"), out -> {
			out.cells("=HYPERLINK(\"http://evil.example\")", Instant.parse("2026-06-30T23:30:00Z"));
			out.cells("+1", null);
			out.cells("-2", null);
			out.cells("@SUM(A1)", null);
			return 4;
		}, response);
		assertThat(rows).hasValue(4);
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"concerns-2026-12-07.csv\"");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8).lines()).containsExactly("\ufeffName,Received",
				"\"'=HYPERLINK(\"\"http://evil.example\"\")\",2026-07-01", "'+1,", "'-2,", "'@SUM(A1),");
	}

	@Test
	void refusesAFormatItDoesNotWrite() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.download.send("pdf", "x", List.of(), out -> 0, response)).isEmpty();
		assertThat(response.getStatus()).isEqualTo(400);
	}

}
