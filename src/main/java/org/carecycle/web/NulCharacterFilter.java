package org.carecycle.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the NUL character out of every request parameter before anything reads it.
 * PostgreSQL refuses it in text, so a NUL typed or pasted into any form field or search
 * box would otherwise end in an error rather than the page's own message about the field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			// A body the container cannot read as fields (an upload whose file name holds
			// a NUL): the request is malformed.
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		boolean found = false;
		for (String[] values : parameters.values()) {
			for (String value : values) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					found = true;
					break;
				}
			}
		}
		chain.doFilter(found ? new WithoutNul(request) : request, response);
	}

	private static final class WithoutNul extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		WithoutNul(HttpServletRequest request) {
			super(request);
			request.getParameterMap()
				.forEach((name, values) -> this.parameters.put(name,
						Arrays.stream(values)
							.map(v -> (v != null) ? v.replace("\u0000", "") : null)
							.toArray(String[]::new)));
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(this.parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
