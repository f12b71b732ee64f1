package org.carecycle.safeguarding.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseReadLog;
import org.carecycle.safeguarding.SacReturns;
import org.carecycle.safeguarding.SacReturns.CaseLine;
import org.carecycle.safeguarding.SacReturns.Column;
import org.carecycle.safeguarding.SacReturns.Row;
import org.carecycle.safeguarding.SacReturns.Table;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Paged;
import org.carecycle.web.TableExport;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Safeguarding Adults Collection return (ADR 0034): for safeguarding leads the return
 * with every count leading to its cases, and its downloads; for leads, commissioners and
 * administrators the published version, which shows no count under 5 and rounds the rest
 * to the nearest 5, for commissioners and the Safeguarding Adults Board.
 */
@Controller
class SacReturnController {

	static final String RETURNS = "/safeguarding/returns";

	static final String PUBLISHED = "/safeguarding/published-returns";

	private static final int CASES_PAGE_SIZE = 100;

	private final SacReturns returns;

	private final CaseAccess caseAccess;

	private final CaseReadLog readLog;

	private final MessageSource messages;

	SacReturnController(SacReturns returns, CaseAccess caseAccess, CaseReadLog readLog, MessageSource messages) {
		this.returns = returns;
		this.caseAccess = caseAccess;
		this.readLog = readLog;
		this.messages = messages;
	}

	@GetMapping(RETURNS)
	String years(Model model) {
		this.caseAccess.requireLead();
		return years(model, false);
	}

	@GetMapping(PUBLISHED)
	String publishedYears(Model model) {
		return years(model, true);
	}

	@GetMapping(RETURNS + "/{year}")
	String detailed(@PathVariable String year, Model model, HttpServletResponse response) {
		this.caseAccess.requireLead();
		return show(year(year), false, model, response);
	}

	@GetMapping(PUBLISHED + "/{year}")
	String published(@PathVariable String year, Model model, HttpServletResponse response) {
		return show(year(year), true, model, response);
	}

	@GetMapping(RETURNS + "/{year}/cases")
	String cases(@PathVariable String year, @RequestParam(required = false) String table,
			@RequestParam(required = false) String row, @RequestParam(required = false) String column,
			@RequestParam(defaultValue = "1") String page, Model model) {
		this.caseAccess.requireLead();
		int chosenYear = year(year);
		Table chosen = SacReturns.table(table).orElseThrow(() -> notFound("table"));
		Row chosenRow = chosen.row(row).orElseThrow(() -> notFound("row"));
		Column chosenColumn = chosen.column(column).orElseThrow(() -> notFound("column"));
		Paged<CaseLine> cases = this.returns.cases(chosenYear, chosen, chosenRow, chosenColumn, pageNumber(page),
				CASES_PAGE_SIZE);
		for (CaseLine line : cases.items()) {
			this.readLog.openedCase(line.concernId(), CaseReadLog.Page.SAC_DRILL_DOWN);
		}
		model.addAttribute("year", chosenYear);
		model.addAttribute("table", chosen);
		model.addAttribute("row", chosenRow);
		model.addAttribute("column", chosenColumn);
		model.addAttribute("cases", cases);
		return "safeguarding/return-cases";
	}

	@GetMapping(RETURNS + "/{year}/export")
	void export(@PathVariable String year, @RequestParam(required = false) String format, HttpServletResponse response)
			throws IOException {
		this.caseAccess.requireLead();
		download(year(year), format, false, response);
	}

	@GetMapping(PUBLISHED + "/{year}/export")
	void publishedExport(@PathVariable String year, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		download(year(year), format, true, response);
	}

	private String years(Model model, boolean published) {
		model.addAttribute("years", this.returns.years());
		model.addAttribute("published", published);
		return "safeguarding/returns";
	}

	private String show(int year, boolean published, Model model, HttpServletResponse response) {
		SacReturns.Return computed = this.returns.compute(year);
		response.setHeader("Server-Timing", "sac;dur=" + computed.millis());
		model.addAttribute("sac", computed);
		model.addAttribute("tables", SacReturns.TABLES);
		model.addAttribute("published", published);
		model.addAttribute("base", published ? PUBLISHED : RETURNS);
		return "safeguarding/return";
	}

	private void download(int year, String format, boolean published, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElseThrow(() -> notFound("format"));
		SacWorkbook workbook = new SacWorkbook(this.returns.compute(year), published, this.messages);
		String file = "safeguarding-adults-collection-" + SacWorkbook.yearLabel(year) + (published ? "-published" : "")
				+ "." + chosen.extension();
		response.setContentType(chosen.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		try (OutputStream out = response.getOutputStream()) {
			if (chosen == TableExport.Format.CSV) {
				workbook.writeCsv(out);
			}
			else {
				workbook.writeXlsx(out);
			}
		}
	}

	private int year(String text) {
		try {
			int year = Integer.parseInt(text);
			if (this.returns.isYear(year)) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// not a year: not found, as below
		}
		throw notFound("year");
	}

	private static int pageNumber(String text) {
		try {
			return Math.max(1, Math.min(Integer.parseInt(text), 1_000_000));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static RecordNotFoundException notFound(String what) {
		return new RecordNotFoundException("Safeguarding Adults Collection " + what);
	}

}
