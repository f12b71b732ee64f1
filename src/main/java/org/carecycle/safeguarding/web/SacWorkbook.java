package org.carecycle.safeguarding.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.carecycle.safeguarding.SacReturns;
import org.carecycle.safeguarding.SacReturns.Row;
import org.carecycle.safeguarding.SacReturns.Table;
import org.carecycle.web.TableExport;

import org.springframework.context.MessageSource;

/**
 * A year's return laid out as the collection lays it out: each table under its code and
 * title, the collection's column headings, a row for each of its categories and a total;
 * as an Excel workbook with a sheet per table (Apache POI: several sheets, which the
 * project's single-sheet writer does not make) or as one CSV file, table after table. The
 * published version writes counts under 5 as "*" and rounds the others to the nearest 5.
 */
final class SacWorkbook {

	private final SacReturns.Return sac;

	private final boolean published;

	private final MessageSource messages;

	SacWorkbook(SacReturns.Return sac, boolean published, MessageSource messages) {
		this.sac = sac;
		this.published = published;
		this.messages = messages;
	}

	/** 2025 as the collection names it: 2025-26. */
	static String yearLabel(int year) {
		return year + "-" + String.format(Locale.ROOT, "%02d", (year + 1) % 100);
	}

	/** The lines of a table: title, headings, a line per row, the total. */
	List<List<Object>> lines(Table table) {
		List<List<Object>> lines = new ArrayList<>();
		lines.add(List.of(table.code() + " " + text(table.titleKey()),
				text("safeguarding.sac.year", yearLabel(this.sac.year()))));
		List<Object> headings = new ArrayList<>();
		headings.add(text("safeguarding.sac.category"));
		table.columns().forEach(column -> headings.add(text(table.columnKey(column))));
		lines.add(headings);
		for (Row row : table.rows()) {
			List<Object> line = new ArrayList<>();
			line.add(text(row.labelKey()));
			table.columns().forEach(column -> line.add(cell(this.sac.count(table, row, column))));
			lines.add(line);
		}
		List<Object> total = new ArrayList<>();
		total.add(text("safeguarding.sac.total"));
		table.columns().forEach(column -> total.add(cell(this.sac.total(table, column))));
		lines.add(total);
		return lines;
	}

	void writeXlsx(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Table table : SacReturns.TABLES) {
				Sheet sheet = workbook.createSheet(table.code());
				List<List<Object>> lines = lines(table);
				for (int r = 0; r < lines.size(); r++) {
					org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
					List<Object> cells = lines.get(r);
					for (int c = 0; c < cells.size(); c++) {
						org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
						Object value = cells.get(c);
						if (value instanceof Long number) {
							cell.setCellValue(number);
						}
						else {
							cell.setCellValue(TableExport.neutralised(String.valueOf(value)));
						}
						if (r < 2 || r == lines.size() - 1) {
							cell.setCellStyle(bold);
						}
					}
				}
				sheet.setColumnWidth(0, 60 * 256);
				for (int c = 1; c <= table.columns().size(); c++) {
					sheet.setColumnWidth(c, 30 * 256);
				}
			}
			workbook.write(out);
		}
	}

	void writeCsv(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		for (Table table : SacReturns.TABLES) {
			for (List<Object> line : lines(table)) {
				printer.printRecord(line.stream()
					.map(value -> (value instanceof Long) ? value : TableExport.neutralised(String.valueOf(value)))
					.toList());
			}
			printer.println();
		}
		printer.flush();
	}

	private Object cell(long count) {
		if (!this.published) {
			return count;
		}
		String shown = SacReturns.published(count);
		return shown.equals("*") ? shown : (Object) Long.valueOf(shown);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
