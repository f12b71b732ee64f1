package org.carecycle.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON: reads a document into maps, lists, strings, doubles, booleans and
 * nulls, and writes such values back (maps keep their order).
 */
final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		Json json = new Json(text);
		json.space();
		Object value = json.value();
		json.space();
		if (json.at != text.length()) {
			throw json.error("trailing text");
		}
		return value;
	}

	private Object value() {
		char c = this.text.charAt(this.at);
		switch (c) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				return number();
		}
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		this.at++;
		space();
		if (this.text.charAt(this.at) == '}') {
			this.at++;
			return map;
		}
		while (true) {
			space();
			String key = string();
			space();
			expect(':');
			space();
			map.put(key, value());
			space();
			if (this.text.charAt(this.at) == ',') {
				this.at++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		this.at++;
		space();
		if (this.text.charAt(this.at) == ']') {
			this.at++;
			return list;
		}
		while (true) {
			space();
			list.add(value());
			space();
			if (this.text.charAt(this.at) == ',') {
				this.at++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = this.text.charAt(this.at++);
			switch (e) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
					this.at += 4;
				}
				default -> out.append(e);
			}
		}
	}

	private Double number() {
		int start = this.at;
		while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		if (start == this.at) {
			throw error("unexpected character");
		}
		return Double.valueOf(this.text.substring(start, this.at));
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error("unexpected word");
		}
		this.at += word.length();
		return value;
	}

	private void expect(char c) {
		if (this.text.charAt(this.at) != c) {
			throw error("expected " + c);
		}
		this.at++;
	}

	private void space() {
		while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("JSON: " + problem + " at character " + this.at);
	}

	/** Writes a value: maps, iterables, strings, numbers, booleans, nulls; indented. */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, "");
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append("{\n");
			String inner = indent + "  ";
			int i = 0;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(inner);
				quote(out, String.valueOf(entry.getKey()));
				out.append(": ");
				write(out, entry.getValue(), inner);
				out.append((++i < map.size()) ? ",\n" : "\n");
			}
			out.append(indent).append('}');
		}
		else if (value instanceof Iterable<?> list) {
			List<Object> items = new ArrayList<>();
			list.forEach(items::add);
			if (items.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append("[\n");
			String inner = indent + "  ";
			for (int i = 0; i < items.size(); i++) {
				out.append(inner);
				write(out, items.get(i), inner);
				out.append((i + 1 < items.size()) ? ",\n" : "\n");
			}
			out.append(indent).append(']');
		}
		else if (value instanceof Double d) {
			out.append((d.isNaN() || d.isInfinite()) ? "null"
					: (d == Math.rint(d) && Math.abs(d) < 1e15) ? String.valueOf(d.longValue()) : String.valueOf(d));
		}
		else if (value instanceof Float f) {
			write(out, f.doubleValue(), indent);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			quote(out, String.valueOf(value));
		}
	}

	private static void quote(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
