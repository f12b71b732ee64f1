package org.carecycle.providers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a JSON file from a table before it is read as CSV, whose reader would otherwise
 * take its first line for a header and complain of a missing column.
 */
final class FileSniffing {

	private FileSniffing() {
	}

	static boolean looksLikeJson(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(512);
		}
		String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		if (start.length() < 2) {
			return false;
		}
		char first = start.charAt(0);
		String next = start.substring(1).stripLeading();
		if (first == '{') {
			return next.isEmpty() || next.charAt(0) == '"' || next.charAt(0) == '}';
		}
		if (first == '[') {
			return next.isEmpty() || "{[\"]".indexOf(next.charAt(0)) >= 0 || Character.isDigit(next.charAt(0));
		}
		return false;
	}

}
