package org.carecycle.providers.imports.table;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the first sheet of an XLSX workbook, streamed from the sheet's XML. Cell
 * and row references place each cell, so missing cells come back empty and missing rows
 * are counted.
 */
final class XlsxRows implements RowSource {

	/** Beyond any column a spreadsheet has, and far from overflowing. */
	private static final int FAR_COLUMN = 1_000_000;

	private final ZipParts parts;

	private final XlsxWorkbook workbook;

	private final XMLStreamReader xml;

	private final StringBuilder text = new StringBuilder();

	private long rowNumber;

	private boolean done;

	private XlsxRows(ZipParts parts, XlsxWorkbook workbook, XMLStreamReader xml) {
		this.parts = parts;
		this.workbook = workbook;
		this.xml = xml;
	}

	static XlsxRows open(ZipParts parts, Limits limits) throws TabularFileException {
		XlsxWorkbook workbook = XlsxWorkbook.read(parts, limits);
		return new XlsxRows(parts, workbook, parts.xml(workbook.sheetPart()));
	}

	@Override
	public List<String> next() throws TabularFileException {
		if (this.done) {
			return null;
		}
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT && this.xml.getLocalName().equals("row")) {
					return readRow();
				}
				if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("sheetData")) {
					break;
				}
			}
		}
		catch (XMLStreamException ex) {
			throw this.parts.failure(ex);
		}
		this.done = true;
		return null;
	}

	private List<String> readRow() throws XMLStreamException, TabularFileException {
		long number = rowReference(Xml.attribute(this.xml, "r"));
		this.rowNumber = (number > this.rowNumber) ? number : this.rowNumber + 1;
		List<String> cells = new ArrayList<>();
		int column = 0;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("c")) {
					int at = columnReference(Xml.attribute(this.xml, "r"), column);
					String value = readCell(Xml.attribute(this.xml, "t"), Xml.attribute(this.xml, "s"));
					column = at + 1;
					if (at < Limits.MAX_CELLS && !value.isEmpty()) {
						while (cells.size() < at) {
							cells.add("");
						}
						if (at < cells.size()) {
							cells.set(at, value);
						}
						else {
							cells.add(value);
						}
					}
				}
				else {
					Xml.skipElement(this.xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return cells;
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("Unexpected end of document");
			}
		}
	}

	/** Reads a cell from its start to its end, returning its text. */
	private String readCell(String type, String style) throws XMLStreamException, TabularFileException {
		String value = null;
		String inline = null;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("v")) {
					this.text.setLength(0);
					appendText();
					value = this.text.toString();
				}
				else if (name.equals("is")) {
					inline = readInlineString();
				}
				else {
					Xml.skipElement(this.xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("Unexpected end of document");
			}
		}
		if ("inlineStr".equals(type) || value == null) {
			return (inline != null) ? inline : "";
		}
		return switch ((type != null) ? type : "n") {
			case "s" -> sharedString(value);
			case "str" -> XlsxWorkbook.unescape(value);
			case "b" -> CellValues.bool(value);
			case "d" -> CellValues.date(value);
			case "e" -> value;
			default -> number(value, style);
		};
	}

	/**
	 * Reads an inline string from the start of its is element to the end, joining its
	 * runs.
	 */
	private String readInlineString() throws XMLStreamException, TabularFileException {
		this.text.setLength(0);
		int depth = 0;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if (name.equals("t")) {
					appendText();
				}
				else if (name.equals("rPh")) {
					Xml.skipElement(this.xml);
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
				return XlsxWorkbook.unescape(this.text.toString());
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("Unexpected end of document");
			}
		}
	}

	private void appendText() throws XMLStreamException, TabularFileException {
		if (!Xml.appendText(this.xml, this.text, Limits.MAX_CELL_CHARS)) {
			throw TabularFileException.cellTooLong(this.rowNumber);
		}
	}

	private String sharedString(String value) throws TabularFileException {
		String string = null;
		try {
			string = this.workbook.sharedString(Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (string == null) {
			throw TabularFileException.unreadable(null);
		}
		return string;
	}

	private String number(String value, String style) {
		if (style != null && this.workbook.isDateStyle(index(style))) {
			try {
				String date = ExcelDates.iso(Double.parseDouble(value.strip()), this.workbook.date1904());
				if (date != null) {
					return date;
				}
			}
			catch (NumberFormatException ex) {
				// not a number after all: shown as it is
			}
		}
		return CellValues.number(value);
	}

	private static int index(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The 1-based row number of a row's r attribute, or -1. */
	private static long rowReference(String reference) {
		if (reference == null) {
			return -1;
		}
		try {
			return Long.parseLong(reference.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The 0-based column of a cell reference such as "B3", or the given column if there
	 * is none.
	 */
	static int columnReference(String reference, int otherwise) {
		if (reference == null) {
			return otherwise;
		}
		int column = 0;
		int i = 0;
		while (i < reference.length() && column <= FAR_COLUMN) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
			i++;
		}
		return (i == 0) ? otherwise : Math.min(column, FAR_COLUMN) - 1;
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public void close() {
		XlsxWorkbook.close(this.xml);
		this.parts.close();
	}

}
