package org.carecycle.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.carecycle.web.TableExport.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class TableExportTests {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final List<String> HEADINGS = List.of("Name", "Note", "Beds", "Fee", "Registered", "Active",
			"Rating");

	private static final LocalDate REGISTERED = LocalDate.of(2026, 11, 22);

	private enum Rating {

		GOOD

	}

	@Test
	void parsesFormatNamesInAnyCase() {
		assertThat(Format.parse("CSV")).contains(Format.CSV);
		assertThat(Format.parse(" xlsx ")).contains(Format.XLSX);
		assertThat(Format.parse("xls")).isEmpty();
		assertThat(Format.parse(null)).isEmpty();
		assertThat(Format.XLSX.contentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(Format.CSV.contentType()).startsWith("text/csv");
		assertThat(Format.XLSX.extension()).isEqualTo("xlsx");
	}

	@Test
	void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
		for (String formula : List.of("=1+1", "+44 1632 960000", "-2+3", "@SUM(A1)", "\tcmd", "\r=1")) {
			assertThat(TableExport.neutralised(formula)).isEqualTo("'" + formula);
		}
		assertThat(TableExport.neutralised("Rose Court")).isEqualTo("Rose Court");
		assertThat(TableExport.neutralised("a=1")).isEqualTo("a=1");
		assertThat(TableExport.neutralised("")).isEmpty();
		assertThat(TableExport.neutralised(null)).isEmpty();
	}

	@Test
	void writesCsvThatReadsBackCellForCell() throws IOException {
		byte[] csv = write(Format.CSV, HEADINGS,
				List.of(Arrays.asList("Rose Court, Truro", "She said \"no\"\r\nthen left", 12,
						new BigDecimal("1250.50"), REGISTERED, true, Rating.GOOD),
						Arrays.asList("Café Ŵyn – 日本 😀", "=HYPERLINK(\"http://evil\")", -5, -0.25, null, false, null),
						Arrays.asList("@admin", "+1", 3_000_000_000L, 1e20, LocalDate.of(1899, 1, 2), null, "-")));

		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n").doesNotContain("E+");
		assertThat(parseCsv(text)).containsExactly(HEADINGS,
				List.of("Rose Court, Truro", "She said \"no\"\r\nthen left", "12", "1250.50", "2026-11-22", "TRUE",
						"GOOD"),
				List.of("Café Ŵyn – 日本 😀", "'=HYPERLINK(\"http://evil\")", "-5", "-0.25", "", "FALSE", ""),
				List.of("'@admin", "'+1", "3000000000", "100000000000000000000", "1899-01-02", "", "'-"));
	}

	@Test
	void neutralisesCsvHeadingsToo() throws IOException {
		String text = new String(write(Format.CSV, List.of("=cmd|' /C calc'!A0", "Name"), List.of()),
				StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFF'=cmd|' /C calc'!A0,Name\r\n");
	}

	@Test
	void refusesACellOfAnUnknownTypeWithoutWritingPartOfTheRow() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableExport.Writer writer = TableExport.open(Format.CSV, out, List.of("When"))) {
			assertThatIllegalArgumentException().isThrownBy(() -> writer.row(List.of("before", new Object())));
			writer.row(List.of("after"));
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFWhen\r\nafter\r\n");
	}

	@Test
	void leavesTheStreamOpenForItsOwner() throws IOException {
		for (Format format : Format.values()) {
			boolean[] closed = { false };
			OutputStream out = new ByteArrayOutputStream() {
				@Override
				public void close() {
					closed[0] = true;
				}
			};
			TableExport.open(format, out, List.of("Name")).close();
			assertThat(closed[0]).as(format.name()).isFalse();
		}
	}

	@Test
	void writesAnExcelPackageWhosePartsAreWellFormedAndLinked() throws Exception {
		Map<String, byte[]> parts = unzip(write(Format.XLSX, HEADINGS, List.of(List.of("Rose Court"))));
		assertThat(parts).containsOnlyKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml");
		Map<String, Document> documents = new LinkedHashMap<>();
		parts.forEach((name, bytes) -> documents.put(name, parse(bytes)));

		List<String> overridden = attributes(documents.get("[Content_Types].xml"), "*", "Override", "PartName");
		assertThat(overridden).containsExactlyInAnyOrder("/xl/workbook.xml", "/xl/worksheets/sheet1.xml",
				"/xl/styles.xml");
		assertThat(attributes(documents.get("_rels/.rels"), PACKAGE_RELATIONSHIPS, "Relationship", "Target"))
			.containsExactly("xl/workbook.xml");
		List<String> targets = attributes(documents.get("xl/_rels/workbook.xml.rels"), PACKAGE_RELATIONSHIPS,
				"Relationship", "Target");
		assertThat(targets).containsExactly("worksheets/sheet1.xml", "styles.xml");
		targets.forEach(target -> assertThat(parts).containsKey("xl/" + target));

		Element sheet = (Element) documents.get("xl/workbook.xml").getElementsByTagNameNS(MAIN, "sheet").item(0);
		assertThat(sheet.getAttribute("name")).isEqualTo("Export");
		assertThat(sheet.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"))
			.isEqualTo("rId1");

		Document styles = documents.get("xl/styles.xml");
		for (String list : List.of("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles")) {
			Element element = (Element) styles.getElementsByTagNameNS(MAIN, list).item(0);
			assertThat(element.getAttribute("count")).as(list).isEqualTo(String.valueOf(childElements(element).size()));
		}
		List<Element> formats = childElements((Element) styles.getElementsByTagNameNS(MAIN, "cellXfs").item(0));
		assertThat(formats.get(XlsxTableWriter.DATE_STYLE).getAttribute("numFmtId")).isEqualTo("164");
		assertThat(((Element) styles.getElementsByTagNameNS(MAIN, "numFmt").item(0)).getAttribute("formatCode"))
			.isEqualTo("d mmm yyyy");
		String boldFont = formats.get(XlsxTableWriter.HEADING_STYLE).getAttribute("fontId");
		Element font = (Element) styles.getElementsByTagNameNS(MAIN, "font").item(Integer.parseInt(boldFont));
		assertThat(font.getElementsByTagNameNS(MAIN, "b").getLength()).isEqualTo(1);

		Document worksheet = documents.get("xl/worksheets/sheet1.xml");
		assertThat(childElements(worksheet.getDocumentElement())).extracting(Element::getLocalName)
			.containsExactly("sheetViews", "sheetFormatPr", "cols", "sheetData");
		Element pane = (Element) worksheet.getElementsByTagNameNS(MAIN, "pane").item(0);
		assertThat(pane.getAttribute("state")).isEqualTo("frozen");
		assertThat(pane.getAttribute("ySplit")).isEqualTo("1");
	}

	@Test
	void writesExcelCellsAsInlineStringsNumbersBooleansAndDates() throws IOException {
		Map<String, byte[]> parts = unzip(write(Format.XLSX, List.of("Name", "=1+1", "Beds"),
				List.of(Arrays.asList("Rose <Court> & Co", "=1+1", -5, new BigDecimal("1250.50"), REGISTERED, true,
						Rating.GOOD, null, "bell\u0007 and\u0000 nul", "line one\r\nline two", " padded ",
						"_x0041_"))));
		Document sheet = parse(parts.get("xl/worksheets/sheet1.xml"));
		Map<String, Element> cells = new LinkedHashMap<>();
		NodeList list = sheet.getElementsByTagNameNS(MAIN, "c");
		for (int i = 0; i < list.getLength(); i++) {
			Element cell = (Element) list.item(i);
			cells.put(cell.getAttribute("r"), cell);
		}
		assertThat(cells.keySet()).containsExactly("A1", "B1", "C1", "A2", "B2", "C2", "D2", "E2", "F2", "G2", "I2",
				"J2", "K2", "L2");
		assertThat(cells.get("A1").getAttribute("s")).isEqualTo(String.valueOf(XlsxTableWriter.HEADING_STYLE));
		assertThat(inlineText(cells.get("B1"))).isEqualTo("'=1+1");
		assertThat(inlineText(cells.get("A2"))).isEqualTo("Rose <Court> & Co");
		assertThat(inlineText(cells.get("B2"))).isEqualTo("'=1+1");
		assertThat(cells.get("B2").getElementsByTagNameNS(MAIN, "f").getLength()).isZero();
		assertThat(value(cells.get("C2"))).isEqualTo("-5");
		assertThat(cells.get("C2").hasAttribute("t")).isFalse();
		assertThat(value(cells.get("D2"))).isEqualTo("1250.50");
		assertThat(value(cells.get("E2"))).isEqualTo("46348");
		assertThat(cells.get("E2").getAttribute("s")).isEqualTo(String.valueOf(XlsxTableWriter.DATE_STYLE));
		assertThat(cells.get("F2").getAttribute("t")).isEqualTo("b");
		assertThat(value(cells.get("F2"))).isEqualTo("1");
		assertThat(inlineText(cells.get("G2"))).isEqualTo("GOOD");
		assertThat(inlineText(cells.get("I2"))).isEqualTo("bell and nul");
		assertThat(inlineText(cells.get("J2"))).isEqualTo("line one\nline two");
		assertThat(inlineText(cells.get("K2"))).isEqualTo(" padded ");
		assertThat(inlineText(cells.get("L2"))).isEqualTo("_x005F_x0041_");
	}

	@Test
	void neutralisesEveryFormulaStartInExcelCellsAndHeadingsToo() throws IOException {
		Map<String, byte[]> parts = unzip(write(Format.XLSX, List.of("@heading", "+heading"),
				List.of(Arrays.asList("=SUM(A1)", "+44 1632 960000", "-2+3", "@admin", "\tcmd", "a=1"))));
		NodeList list = parse(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagNameNS(MAIN, "c");
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < list.getLength(); i++) {
			Element cell = (Element) list.item(i);
			texts.put(cell.getAttribute("r"), inlineText(cell));
		}
		assertThat(texts).containsExactly(entry("A1", "'@heading"), entry("B1", "'+heading"), entry("A2", "'=SUM(A1)"),
				entry("B2", "'+44 1632 960000"), entry("C2", "'-2+3"), entry("D2", "'@admin"), entry("E2", "'\tcmd"),
				entry("F2", "a=1"));
	}

	@Test
	void countsDaysTheWayExcelDoes() {
		assertThat(XlsxTableWriter.serial(LocalDate.of(1900, 1, 1))).isEqualTo(1);
		assertThat(XlsxTableWriter.serial(LocalDate.of(1900, 2, 28))).isEqualTo(59);
		assertThat(XlsxTableWriter.serial(LocalDate.of(1900, 3, 1))).isEqualTo(61);
		assertThat(XlsxTableWriter.serial(LocalDate.of(2026, 11, 22))).isEqualTo(46348);
		assertThat(XlsxTableWriter.serial(LocalDate.of(1899, 12, 31))).isZero();
	}

	@Test
	void namesColumnsTheWayExcelDoes() {
		assertThat(XlsxTableWriter.reference(0, 1)).isEqualTo("A1");
		assertThat(XlsxTableWriter.reference(25, 2)).isEqualTo("Z2");
		assertThat(XlsxTableWriter.reference(26, 3)).isEqualTo("AA3");
		assertThat(XlsxTableWriter.reference(701, 4)).isEqualTo("ZZ4");
		assertThat(XlsxTableWriter.reference(702, 5)).isEqualTo("AAA5");
		assertThat(XlsxTableWriter.reference(16_383, 6)).isEqualTo("XFD6");
	}

	@Test
	void keepsExcelCellsWithinWhatACellCanHold() {
		String text = "x".repeat(XlsxTableWriter.MAX_CELL_LENGTH - 1) + "😀";
		assertThat(XlsxTableWriter.text(text)).hasSize(XlsxTableWriter.MAX_CELL_LENGTH - 1);
	}

	@Test
	void streamsAHundredThousandRowsToExcel() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableExport.Writer writer = TableExport.open(Format.XLSX, out, List.of("Name", "Beds", "Registered"))) {
			for (int i = 0; i < 100_000; i++) {
				writer.row(List.of("Service " + i, i, REGISTERED));
			}
		}
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					assertThat(countRows(zip)).isEqualTo(100_001);
					return;
				}
			}
		}
		throw new AssertionError("No sheet");
	}

	private static byte[] write(Format format, List<String> headings, List<List<?>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableExport.Writer writer = TableExport.open(format, out, headings)) {
			for (List<?> row : rows) {
				writer.row(row);
			}
		}
		return out.toByteArray();
	}

	/**
	 * Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line ends.
	 */
	private static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && text.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}

	private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				assertThat(parts.put(entry.getName(), zip.readAllBytes())).as(entry.getName()).isNull();
			}
		}
		return parts;
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			factory.setXIncludeAware(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + new String(xml, StandardCharsets.UTF_8), ex);
		}
	}

	private static int countRows(InputStream xml) throws Exception {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = factory.createXMLStreamReader(xml);
		int rows = 0;
		String last = null;
		while (reader.hasNext()) {
			if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
				rows++;
				last = reader.getAttributeValue(null, "r");
			}
		}
		assertThat(last).isEqualTo(String.valueOf(rows));
		return rows;
	}

	private static List<String> attributes(Document document, String namespace, String element, String attribute) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, element);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(((Element) nodes.item(i)).getAttribute(attribute));
		}
		return values;
	}

	private static List<Element> childElements(Element parent) {
		List<Element> children = new ArrayList<>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	private static String inlineText(Element cell) {
		assertThat(cell.getAttribute("t")).isEqualTo("inlineStr");
		return cell.getElementsByTagNameNS(MAIN, "t").item(0).getTextContent();
	}

	private static String value(Element cell) {
		return cell.getElementsByTagNameNS(MAIN, "v").item(0).getTextContent();
	}

}
