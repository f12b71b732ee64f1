package org.carecycle.providers.imports.table;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds small XLSX and ODS files part by part with java.util.zip, shaped as Excel and
 * LibreOffice write them, and reads files back as numbered lines.
 */
public final class SpreadsheetFiles {

	static final String ODS_NAMESPACES = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
			+ " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
			+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
			+ " xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\""
			+ " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
			+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";

	/**
	 * Cell formats by index: 0 General, 1 built-in date (14), 2 dd/mm/yyyy, 3 #,##0.00, 4
	 * a number with "d" only in brackets and quotes, 5 a date with a locale prefix. A
	 * cell style format with a date comes first to show it is not a cell format.
	 */
	static final String STYLES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
			<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/>\
			<numFmt numFmtId="166" formatCode="[Red]0&quot; days&quot;"/><numFmt numFmtId="167" formatCode="[$-809]d mmmm yyyy;@"/></numFmts>
			<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>
			<cellXfs count="6"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/>\
			<xf numFmtId="166" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" xfId="0" applyNumberFormat="1"/></cellXfs>
			<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
			</styleSheet>""";

	private SpreadsheetFiles() {
	}

	/**
	 * Writes a zip with these parts in this order, the ODS mimetype part stored
	 * uncompressed.
	 */
	static Path zip(Path file, Map<String, String> parts) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				byte[] bytes = part.getValue().getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(part.getKey());
				if (part.getKey().equals("mimetype")) {
					CRC32 crc = new CRC32();
					crc.update(bytes);
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(bytes.length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		return file;
	}

	/** The parts of a one-sheet workbook: the sheet holds the given rows of sheetData. */
	static Map<String, String> xlsxParts(String sheetData, String... sharedStrings) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
						<Default Extension="xml" ContentType="application/xml"/>
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
						</Types>""");
		parts.put("_rels/.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
						</Relationships>""");
		parts.put("xl/workbook.xml", workbook(""));
		parts.put("xl/_rels/workbook.xml.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
						<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
						</Relationships>""");
		parts.put("xl/styles.xml", STYLES);
		StringBuilder strings = new StringBuilder();
		for (String string : sharedStrings) {
			strings.append("<si>")
				.append(string.startsWith("<") ? string : "<t>" + escape(string) + "</t>")
				.append("</si>");
		}
		parts.put("xl/sharedStrings.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>"""
					.formatted(sharedStrings.length, sharedStrings.length, strings));
		parts.put("xl/worksheets/sheet1.xml", sheet(sheetData));
		return parts;
	}

	/** A workbook with one sheet, whose workbookPr has these attributes. */
	static String workbook(String workbookPrAttributes) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
				<workbookPr %s defaultThemeVersion="166925"/>
				<sheets><sheet name="Locations" sheetId="1" r:id="rId1"/></sheets>
				</workbook>""".formatted(workbookPrAttributes);
	}

	static String sheet(String sheetData) {
		return """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
				<dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>
				<sheetData>%s</sheetData>
				<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
				</worksheet>""".formatted(sheetData);
	}

	/** An XLSX file whose first sheet holds these rows of text, from row 1. */
	public static Path xlsxOf(Path file, List<List<String>> rows) throws IOException {
		StringBuilder data = new StringBuilder();
		for (int i = 0; i < rows.size(); i++) {
			data.append(xlsxRow(i + 1, rows.get(i).toArray(String[]::new)));
		}
		return xlsx(file, data.toString());
	}

	/** An ODS file whose first table holds these rows of text. */
	public static Path odsOf(Path file, List<List<String>> rows) throws IOException {
		StringBuilder data = new StringBuilder();
		for (List<String> row : rows) {
			data.append(odsRow(row.toArray(String[]::new)));
		}
		return ods(file, data.toString());
	}

	static Path xlsx(Path file, String sheetData, String... sharedStrings) throws IOException {
		return zip(file, xlsxParts(sheetData, sharedStrings));
	}

	/** The parts of an OpenDocument spreadsheet whose first table holds these rows. */
	static Map<String, String> odsParts(String tableRows) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
		parts.put("META-INF/manifest.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
						<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
						<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
						</manifest:manifest>""");
		parts.put("content.xml", content(tableRows));
		return parts;
	}

	static String content(String tableRows) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<office:document-content %s><office:scripts/><office:body><office:spreadsheet>\
				<table:calculation-settings table:automatic-find-labels="false"/>\
				<table:table table:name="Locations" table:style-name="ta1">\
				<table:table-column table:style-name="co1" table:number-columns-repeated="16384" table:default-cell-style-name="Default"/>\
				%s</table:table><table:named-expressions/></office:spreadsheet></office:body></office:document-content>"""
			.formatted(ODS_NAMESPACES, tableRows);
	}

	static Path ods(Path file, String tableRows) throws IOException {
		return zip(file, odsParts(tableRows));
	}

	/**
	 * An ODS row of text cells, followed by the empty cells LibreOffice writes to the
	 * last column.
	 */
	static String odsRow(String... cells) {
		StringBuilder row = new StringBuilder("<table:table-row table:style-name=\"ro1\">");
		for (String cell : cells) {
			if (cell.isEmpty()) {
				row.append("<table:table-cell/>");
			}
			else {
				row.append("<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>")
					.append(escape(cell))
					.append("</text:p></table:table-cell>");
			}
		}
		row.append("<table:table-cell table:number-columns-repeated=\"")
			.append(16384 - cells.length)
			.append("\"/></table:table-row>");
		return row.toString();
	}

	/** An XLSX row of inline string cells from column A. */
	static String xlsxRow(int number, String... cells) {
		StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
		for (int i = 0; i < cells.length; i++) {
			if (!cells[i].isEmpty()) {
				row.append("<c r=\"")
					.append(column(i))
					.append(number)
					.append("\" t=\"inlineStr\"><is><t>")
					.append(escape(cells[i]))
					.append("</t></is></c>");
			}
		}
		return row.append("</row>").toString();
	}

	/** The letters of a 0-based column: A, B, ... Z, AA, AB. */
	static String column(int index) {
		String letters = "";
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			letters = (char) ('A' + (i - 1) % 26) + letters;
		}
		return letters;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Every row of a file as "row number: cell|cell", for assertions that read like the
	 * file.
	 */
	static List<String> numberedRows(Path file) throws TabularFileException {
		try (TabularReader reader = TabularReader.open(file)) {
			List<String> lines = new ArrayList<>();
			List<String> row;
			while ((row = reader.nextRow()) != null) {
				lines.add(reader.rowNumber() + ": " + String.join("|", row));
			}
			return lines;
		}
	}

}
