package org.carecycle.providers.imports.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What reading an XLSX sheet needs from the rest of the workbook: the part holding the
 * first sheet, the shared strings, which cell styles show dates, and the date system.
 */
final class XlsxWorkbook {

	private static final String WORKBOOK = "xl/workbook.xml";

	private static final String RELATIONSHIPS = "xl/_rels/workbook.xml.rels";

	/** Characters Excel cannot put in XML, such as _x000D_ for a carriage return. */
	private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private final String sheetPart;

	private final List<String> sharedStrings;

	private final boolean[] dateStyles;

	private final boolean date1904;

	private XlsxWorkbook(String sheetPart, List<String> sharedStrings, boolean[] dateStyles, boolean date1904) {
		this.sheetPart = sheetPart;
		this.sharedStrings = sharedStrings;
		this.dateStyles = dateStyles;
		this.date1904 = date1904;
	}

	static XlsxWorkbook read(ZipParts parts, Limits limits) throws TabularFileException {
		String sheetId = null;
		boolean date1904 = false;
		XMLStreamReader xml = parts.xml(WORKBOOK);
		try {
			while (xml.hasNext() && sheetId == null) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if (name.equals("workbookPr")) {
						String value = Xml.attribute(xml, "date1904");
						date1904 = "1".equals(value) || "true".equals(value);
					}
					else if (name.equals("sheet")) {
						sheetId = Xml.attribute(xml, "id");
						if (sheetId == null) {
							throw TabularFileException.unreadable(null);
						}
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw parts.failure(ex);
		}
		finally {
			close(xml);
		}
		if (sheetId == null) {
			throw TabularFileException.empty();
		}
		Map<String, String> targets = new HashMap<>();
		Map<String, String> targetsByType = new HashMap<>();
		readRelationships(parts, targets, targetsByType);
		String sheetPart = targets.get(sheetId);
		if (sheetPart == null || !parts.has(sheetPart)) {
			throw TabularFileException.unreadable(null);
		}
		String stringsPart = targetsByType.getOrDefault("sharedStrings", "xl/sharedStrings.xml");
		String stylesPart = targetsByType.getOrDefault("styles", "xl/styles.xml");
		List<String> strings = parts.has(stringsPart) ? readSharedStrings(parts, stringsPart, limits) : List.of();
		boolean[] dateStyles = parts.has(stylesPart) ? readDateStyles(parts, stylesPart) : new boolean[0];
		return new XlsxWorkbook(sheetPart, strings, dateStyles, date1904);
	}

	/**
	 * Reads each relationship's target as a part name, by id and by the last word of its
	 * type.
	 */
	private static void readRelationships(ZipParts parts, Map<String, String> targets,
			Map<String, String> targetsByType) throws TabularFileException {
		if (!parts.has(RELATIONSHIPS)) {
			throw TabularFileException.unreadable(null);
		}
		XMLStreamReader xml = parts.xml(RELATIONSHIPS);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
					String id = Xml.attribute(xml, "Id");
					String type = Xml.attribute(xml, "Type");
					String target = Xml.attribute(xml, "Target");
					if (id != null && target != null && !"External".equals(Xml.attribute(xml, "TargetMode"))) {
						String part = partName(target);
						targets.put(id, part);
						if (type != null) {
							targetsByType.putIfAbsent(type.substring(type.lastIndexOf('/') + 1), part);
						}
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw parts.failure(ex);
		}
		finally {
			close(xml);
		}
	}

	/** The zip entry a target names: from the root if it starts with /, else from xl/. */
	static String partName(String target) {
		String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
		Deque<String> names = new ArrayDeque<>();
		for (String name : path.split("/")) {
			if (name.equals("..")) {
				names.pollLast();
			}
			else if (!name.isEmpty() && !name.equals(".")) {
				names.addLast(name);
			}
		}
		return String.join("/", names);
	}

	/**
	 * Reads every shared string, joining rich-text runs and leaving out phonetic guides,
	 * refusing the file if they would take more memory than the limit allows.
	 */
	private static List<String> readSharedStrings(ZipParts parts, String part, Limits limits)
			throws TabularFileException {
		List<String> strings = new ArrayList<>();
		long size = 0;
		StringBuilder text = new StringBuilder();
		XMLStreamReader xml = parts.xml(part);
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if (name.equals("si")) {
						text.setLength(0);
					}
					else if (name.equals("rPh")) {
						Xml.skipElement(xml);
					}
					else if (name.equals("t") && !Xml.appendText(xml, text, Limits.MAX_CELL_CHARS)) {
						throw TabularFileException.tooLarge();
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("si")) {
					size += text.length() + Limits.SHARED_STRING_OVERHEAD;
					if (size > limits.maxSharedStrings()) {
						throw TabularFileException.tooLarge();
					}
					strings.add(unescape(text.toString()));
				}
			}
		}
		catch (XMLStreamException ex) {
			throw parts.failure(ex);
		}
		finally {
			close(xml);
		}
		return strings;
	}

	/** Which cell formats (the s attribute of a cell) show numbers as dates. */
	private static boolean[] readDateStyles(ZipParts parts, String part) throws TabularFileException {
		Map<Integer, String> codes = new HashMap<>();
		List<Integer> formatIds = new ArrayList<>();
		boolean inCellFormats = false;
		XMLStreamReader xml = parts.xml(part);
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if (name.equals("numFmt")) {
						Integer id = integer(Xml.attribute(xml, "numFmtId"));
						String code = Xml.attribute(xml, "formatCode");
						if (id != null && code != null) {
							codes.put(id, code);
						}
					}
					else if (name.equals("cellXfs")) {
						inCellFormats = true;
					}
					else if (name.equals("xf") && inCellFormats) {
						Integer id = integer(Xml.attribute(xml, "numFmtId"));
						formatIds.add((id != null) ? id : 0);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
					break;
				}
			}
		}
		catch (XMLStreamException ex) {
			throw parts.failure(ex);
		}
		finally {
			close(xml);
		}
		boolean[] dates = new boolean[formatIds.size()];
		for (int i = 0; i < dates.length; i++) {
			int id = formatIds.get(i);
			dates[i] = ExcelDates.isDateFormat(id, codes.get(id));
		}
		return dates;
	}

	private static Integer integer(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Decodes Excel's _xHHHH_ escapes; _x005F_ escapes the underscore of one that is
	 * meant literally.
	 */
	static String unescape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		Matcher matcher = ESCAPED.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(decoded, "");
			decoded.append((char) Integer.parseInt(matcher.group(1), 16));
		}
		matcher.appendTail(decoded);
		return decoded.toString();
	}

	static void close(XMLStreamReader xml) {
		try {
			xml.close();
		}
		catch (XMLStreamException ex) {
			// nothing more to release
		}
	}

	String sheetPart() {
		return this.sheetPart;
	}

	/** The shared string at an index, or null if there is none. */
	String sharedString(int index) {
		return (index >= 0 && index < this.sharedStrings.size()) ? this.sharedStrings.get(index) : null;
	}

	boolean isDateStyle(int style) {
		return style >= 0 && style < this.dateStyles.length && this.dateStyles[style];
	}

	boolean date1904() {
		return this.date1904;
	}

}
