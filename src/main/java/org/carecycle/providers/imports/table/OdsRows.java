package org.carecycle.providers.imports.table;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the first table of an OpenDocument spreadsheet, streamed from content.xml.
 * Repeated empty rows and cells, such as the million empty rows after the data that
 * spreadsheets write, are counted without being expanded.
 */
final class OdsRows implements RowSource {

	static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

	private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

	private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

	private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

	private final ZipParts parts;

	private final XMLStreamReader xml;

	private final StringBuilder text = new StringBuilder();

	private long rowNumber;

	private boolean inTable;

	private boolean done;

	private List<String> repeatedRow;

	private long repeats;

	private OdsRows(ZipParts parts, XMLStreamReader xml) {
		this.parts = parts;
		this.xml = xml;
	}

	static OdsRows open(ZipParts parts) throws TabularFileException {
		if (!parts.has("content.xml")) {
			throw TabularFileException.unreadable(null);
		}
		return new OdsRows(parts, parts.xml("content.xml"));
	}

	@Override
	public List<String> next() throws TabularFileException {
		if (this.repeats > 0) {
			this.repeats--;
			this.rowNumber++;
			return this.repeatedRow;
		}
		if (this.done) {
			return null;
		}
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT && TABLE.equals(this.xml.getNamespaceURI())) {
					String name = this.xml.getLocalName();
					if (name.equals("table")) {
						this.inTable = true;
					}
					else if (name.equals("table-row") && this.inTable) {
						long times = count(attribute(TABLE, "number-rows-repeated"));
						List<String> row = readRow();
						if (isEmpty(row)) {
							this.rowNumber += times;
						}
						else if (this.rowNumber < Limits.MAX_ROWS) {
							this.rowNumber++;
							this.repeatedRow = row;
							this.repeats = Math.min(times, Limits.MAX_ROWS - this.rowNumber + 1) - 1;
							return row;
						}
					}
					else if (this.inTable && !isRowGroup(name)) {
						// columns, shapes and named ranges: nothing to read
						Xml.skipElement(this.xml);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && this.inTable
						&& TABLE.equals(this.xml.getNamespaceURI()) && this.xml.getLocalName().equals("table")) {
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

	/** Elements that hold rows: header rows, row groups and the like. */
	private static boolean isRowGroup(String name) {
		return name.equals("table-header-rows") || name.equals("table-row-group") || name.equals("table-rows");
	}

	/**
	 * Reads a row from its start to its end. Empty cells are held back until a cell with
	 * text follows, so repeated empty cells at the end of a row are never expanded.
	 */
	private List<String> readRow() throws XMLStreamException, TabularFileException {
		List<String> cells = new ArrayList<>();
		long emptyCells = 0;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				boolean cell = TABLE.equals(this.xml.getNamespaceURI())
						&& (name.equals("table-cell") || name.equals("covered-table-cell"));
				if (!cell) {
					Xml.skipElement(this.xml);
					continue;
				}
				long times = count(attribute(TABLE, "number-columns-repeated"));
				String value;
				if (name.equals("covered-table-cell")) {
					// hidden under a merged cell
					Xml.skipElement(this.xml);
					value = "";
				}
				else {
					value = readCell();
				}
				if (value.isEmpty()) {
					emptyCells += times;
				}
				else {
					while (emptyCells > 0 && cells.size() < Limits.MAX_CELLS) {
						cells.add("");
						emptyCells--;
					}
					emptyCells = 0;
					for (long i = 0; i < times && cells.size() < Limits.MAX_CELLS; i++) {
						cells.add(value);
					}
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

	/** Reads a cell from its start to its end, returning its value as text. */
	private String readCell() throws XMLStreamException, TabularFileException {
		String type = attribute(OFFICE, "value-type");
		String value = attribute(OFFICE, "value");
		String date = attribute(OFFICE, "date-value");
		String bool = attribute(OFFICE, "boolean-value");
		String string = attribute(OFFICE, "string-value");
		String shown = readParagraphs();
		if (type == null) {
			return shown;
		}
		return switch (type) {
			case "float", "percentage", "currency" -> (value != null) ? CellValues.number(value) : shown;
			case "date" -> (date != null) ? CellValues.date(date) : shown;
			case "boolean" -> (bool != null) ? CellValues.bool(bool) : shown;
			case "string" -> (shown.isEmpty() && string != null) ? string : shown;
			default -> shown;
		};
	}

	/**
	 * Reads the paragraphs of a cell to the cell's end, joined by line breaks, leaving
	 * out comments and drawings.
	 */
	private String readParagraphs() throws XMLStreamException, TabularFileException {
		this.text.setLength(0);
		boolean first = true;
		while (true) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (TEXT.equals(this.xml.getNamespaceURI())
						&& (this.xml.getLocalName().equals("p") || this.xml.getLocalName().equals("h"))) {
					if (!first) {
						append("\n");
					}
					first = false;
					readParagraph();
				}
				else {
					Xml.skipElement(this.xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return this.text.toString();
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("Unexpected end of document");
			}
		}
	}

	/**
	 * Reads a paragraph to its end. As OpenDocument says, white space in the XML is
	 * collapsed to one space and dropped at the start; spaces, tabs and line breaks that
	 * matter are elements.
	 */
	private void readParagraph() throws XMLStreamException, TabularFileException {
		int depth = 0;
		boolean leading = true;
		boolean afterSpace = false;
		while (true) {
			int event = this.xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					char[] characters = this.xml.getTextCharacters();
					int end = this.xml.getTextStart() + this.xml.getTextLength();
					for (int i = this.xml.getTextStart(); i < end; i++) {
						char c = characters[i];
						boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
						if (!space) {
							append(c);
							leading = false;
							afterSpace = false;
						}
						else if (!leading && !afterSpace) {
							append(' ');
							afterSpace = true;
						}
					}
				}
				case XMLStreamConstants.START_ELEMENT -> {
					String name = TEXT.equals(this.xml.getNamespaceURI()) ? this.xml.getLocalName() : "";
					switch (name) {
						case "s" -> {
							long spaces = count(attribute(TEXT, "c"));
							for (long i = 0; i < spaces; i++) {
								append(' ');
							}
						}
						case "tab" -> append('\t');
						case "line-break" -> append('\n');
						case "span", "a" -> {
							depth++;
							continue;
						}
						default -> {
							// notes, bookmarks and anything else in another namespace
							Xml.skipElement(this.xml);
							continue;
						}
					}
					leading = false;
					afterSpace = false;
					Xml.skipElement(this.xml);
				}
				case XMLStreamConstants.END_ELEMENT -> {
					if (depth-- == 0) {
						return;
					}
				}
				case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Unexpected end of document");
				default -> {
				}
			}
		}
	}

	private void append(char c) throws TabularFileException {
		if (this.text.length() == Limits.MAX_CELL_CHARS) {
			throw TabularFileException.cellTooLong(this.rowNumber + 1);
		}
		this.text.append(c);
	}

	private void append(String string) throws TabularFileException {
		for (int i = 0; i < string.length(); i++) {
			append(string.charAt(i));
		}
	}

	private String attribute(String namespace, String localName) {
		return this.xml.getAttributeValue(namespace, localName);
	}

	/** A repeat count, at least 1. */
	private static long count(String text) {
		if (text == null) {
			return 1;
		}
		try {
			return Math.max(1, Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static boolean isEmpty(List<String> row) {
		return row.stream().allMatch(String::isBlank);
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
