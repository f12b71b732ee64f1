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
 * the rest (pagination, sortable headers, filters, downloads of the same list). Available
 * to templates as {@code currentUrl}; each change returns a new address, written out as a
 * link by {@link #toString()}. Only the query string is kept, never posted form fields.
 */
public final class CurrentUrl {

	private final String contextPath;

	private final String path;

	private final MultiValueMap<String, String> query;

	CurrentUrl(String contextPath, String path, MultiValueMap<String, String> query) {
		this.contextPath = contextPath;
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
		return new CurrentUrl(request.getContextPath(), request.getRequestURI(), query);
	}

	/**
	 * A query parameter as decoded, or as written when it is not valid percent-encoding
	 * ({@code %zz}, a trailing {@code %}): an address someone typed or tampered with
	 * still gets its page, or its error page, rather than a failure to draw the layout.
	 */
	private static String decode(String value) {
		if (value == null) {
			return "";
		}
		try {
			return UriUtils.decode(value.replace("+", " "), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	public String path() {
		return this.path;
	}

	/** This address with one parameter set (or replaced). */
	public CurrentUrl with(String name, Object value) {
		MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(this.query);
		if (value == null) {
			changed.remove(name);
		}
		else {
			changed.put(name, List.of(String.valueOf(value)));
		}
		return new CurrentUrl(this.contextPath, this.path, changed);
	}

	/** This address without a parameter. */
	public CurrentUrl without(String name) {
		return with(name, null);
	}

	/**
	 * The same query on another page of the application, such as a download of the same
	 * list.
	 */
	public CurrentUrl withPath(String applicationPath) {
		return new CurrentUrl(this.contextPath, this.contextPath + applicationPath, this.query);
	}

	/** This address sorted by a column, going back to the first page. */
	public CurrentUrl sortedBy(String column, String order) {
		return with("sort", column).with("order", order).without("page");
	}

	@Override
	public String toString() {
		return UriComponentsBuilder.fromPath(this.path).queryParams(this.query).encode().build().toUriString();
	}

}
