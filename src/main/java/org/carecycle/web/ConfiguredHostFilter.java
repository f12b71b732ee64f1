package org.carecycle.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the host of {@code carecycle.base-url} in every address the application builds
 * from the request (the sign-in redirect, the return to the page asked for, a single
 * sign-on callback), whatever {@code Host} or {@code X-Forwarded-Host} the request
 * carried: otherwise anybody could send a request naming their own host and have
 * CareCycle redirect the browser there. A request that names the configured host is left
 * as it is, so its port and its protocol (as a trusted proxy forwarded it) still count.
 * Redirects the application writes itself are relative
 * ({@code server.tomcat.use-relative-redirects}), so the browser keeps the host it used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConfiguredHostFilter extends OncePerRequestFilter {

	private final String scheme;

	private final String host;

	private final int port;

	ConfiguredHostFilter(@Value("${carecycle.base-url}") String baseUrl) {
		URI base = URI.create(baseUrl.trim());
		if (base.getScheme() == null || base.getHost() == null) {
			throw new IllegalStateException("carecycle.base-url (BASE_URL) must be an address such as "
					+ "https://carecycle.example.gov.uk, not '" + baseUrl + "'");
		}
		this.scheme = base.getScheme();
		this.host = base.getHost();
		this.port = (base.getPort() > 0) ? base.getPort() : ("https".equals(this.scheme) ? 443 : 80);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean configured = this.host.equalsIgnoreCase(request.getServerName());
		chain.doFilter(configured ? request : new OnTheConfiguredHost(request), response);
	}

	private final class OnTheConfiguredHost extends HttpServletRequestWrapper {

		OnTheConfiguredHost(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getServerName() {
			return ConfiguredHostFilter.this.host;
		}

		@Override
		public int getServerPort() {
			return ConfiguredHostFilter.this.port;
		}

		@Override
		public String getScheme() {
			return ConfiguredHostFilter.this.scheme;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(ConfiguredHostFilter.this.scheme) || super.isSecure();
		}

		@Override
		public StringBuffer getRequestURL() {
			boolean defaultPort = ("https".equals(getScheme()) && getServerPort() == 443)
					|| ("http".equals(getScheme()) && getServerPort() == 80);
			return new StringBuffer(getScheme()).append("://")
				.append(getServerName())
				.append(defaultPort ? "" : ":" + getServerPort())
				.append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			if ("Host".equalsIgnoreCase(name)) {
				return getServerName() + ":" + getServerPort();
			}
			if ("X-Forwarded-Host".equalsIgnoreCase(name)) {
				return null;
			}
			return super.getHeader(name);
		}

	}

}
