package org.carecycle.providers.imports.table;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the XML parts of spreadsheets with the JDK's StAX parser, with DTDs and
 * external entities turned off so that a file cannot read other files or expand entities.
 */
final class Xml {

	private Xml() {
	}

	static XMLStreamReader reader(InputStream in) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory.createXMLStreamReader(in);
	}

	/** The value of the attribute with this local name in any namespace, or null. */
	static String attribute(XMLStreamReader xml, String localName) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			if (xml.getAttributeLocalName(i).equals(localName)) {
				return xml.getAttributeValue(i);
			}
		}
		return null;
	}

	/**
	 * Appends the text of the current element, which must have no child elements, and
	 * leaves the reader at its end.
	 * @return false if the text would make the builder longer than the limit; the reader
	 * is then left inside the element
	 */
	static boolean appendText(XMLStreamReader xml, StringBuilder text, int limit) throws XMLStreamException {
		int depth = 0;
		while (true) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (text.length() + xml.getTextLength() > limit) {
						return false;
					}
					text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				}
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> {
					if (depth-- == 0) {
						return true;
					}
				}
				case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Unexpected end of document");
				default -> {
				}
			}
		}
	}

	/**
	 * Moves the reader to the end of the current element, passing over everything in it.
	 */
	static void skipElement(XMLStreamReader xml) throws XMLStreamException {
		int depth = 0;
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
				return;
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("Unexpected end of document");
			}
		}
	}

}
