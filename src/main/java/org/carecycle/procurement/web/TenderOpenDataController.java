package org.carecycle.procurement.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carecycle.procurement.TenderViews.TenderRow;
import org.carecycle.procurement.Tenders;
import org.carecycle.shared.Council;
import org.carecycle.shared.UkTime;
import org.carecycle.web.TableExport;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What anyone may see without signing in: the opportunities open now, and the invitations
 * to tender as open data (the Local Government Transparency Code asks councils to publish
 * them), as CSV with one row per published tender.
 */
@Controller
class TenderOpenDataController {

	static final String CSV = "/open-data/invitations-to-tender.csv";

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Tenders tenders;

	private final Council council;

	private final Clock clock;

	TenderOpenDataController(Tenders tenders, Council council, Clock clock) {
		this.tenders = tenders;
		this.council = council;
		this.clock = clock;
	}

	@GetMapping("/opportunities")
	String opportunities(Model model) {
		model.addAttribute("rows", this.tenders.published());
		model.addAttribute("now", this.clock.instant());
		return "procurement/public-opportunities";
	}

	@GetMapping(CSV)
	void csv(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"invitations-to-tender.csv\"");
		BufferedWriter out = new BufferedWriter(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord("Organisation name", "Reference", "Title", "Description", "Procedure",
					"Estimated value (GBP)", "Lots", "Published", "Deadline for bids", "Status");
			for (TenderRow row : this.tenders.published()) {
				String status = (row.status() == org.carecycle.procurement.TenderStatus.PUBLISHED
						&& row.closesAt().isAfter(this.clock.instant())) ? "Open"
								: (row.status() == org.carecycle.procurement.TenderStatus.OPENED) ? "Bids opened"
										: "Closed";
				printer.printRecord(TableExport.neutralised(this.council.name()), row.reference(),
						TableExport.neutralised(row.title()),
						TableExport.neutralised(this.tenders.find(row.id()).map(t -> t.description()).orElse("")),
						row.procedure() == org.carecycle.procurement.TenderProcedure.OPEN ? "Open procedure"
								: "Competitive flexible procedure",
						(row.estimatedValue() != null) ? row.estimatedValue().toPlainString() : "", row.lots(),
						iso(row.publishedAt()), iso(row.closesAt()), status);
			}
		}
	}

	private static String iso(java.time.Instant instant) {
		return (instant != null) ? ISO.format(ZonedDateTime.ofInstant(instant, UkTime.ZONE)) : "";
	}

}
