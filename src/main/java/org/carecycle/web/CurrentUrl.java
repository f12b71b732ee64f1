package org.carecycle.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The address of the page being drawn, for links that change one query parameter and keep
 * the rest (pagination, sortable headers, filters). Available to templates as
 * {@code currentUrl}. Only the query string is kept, never posted form fields.
 */
public final class CurrentUrl {

	private final String path;

	private final MultiValueMap<String, String> query;

	CurrentUrl(String path, MultiValueMap<String, String> query) {
		this.path = path;
		this.query = query;
	}

	static CurrentUrl of(HttpServletRequest request) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (request.getQueryString() != null) {
			UriComponentsBuilder.fromUriString("?" + request.getQueryString())
				.build()
				.getQueryParams()
				.forEach((name, values) -> query.put(decode(name), values.stream().map(CurrentUrl::decode).toList()));
		}
		return new CurrentUrl(request.getRequestURI(), query);
	}

	private static String decode(String value) {
		return (value == null) ? "" : UriUtils.decode(value.replace("+", " "), StandardCharsets.UTF_8);
	}

	public String path() {
		return this.path;
	}

	/** This address with one parameter set (or replaced). */
	public String with(String name, Object value) {
		return build(name, (value != null) ? List.of(String.valueOf(value)) : List.of());
	}

	/** This address sorted by a column, going back to the first page. */
	public String sortedBy(String column, String order) {
		MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(this.query);
		changed.put("sort", List.of(column));
		changed.put("order", List.of(order));
		changed.remove("page");
		return toUri(changed);
	}

	private String build(String name, List<String> values) {
		MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(this.query);
		if (values.isEmpty()) {
			changed.remove(name);
		}
		else {
			changed.put(name, values);
		}
		return toUri(changed);
	}

	private String toUri(MultiValueMap<String, String> params) {
		return UriComponentsBuilder.fromPath(this.path).queryParams(params).encode().build().toUriString();
	}

}
