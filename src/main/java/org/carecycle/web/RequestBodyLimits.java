package org.carecycle.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Limits the size of every request body to what its address needs, before anything reads
 * it: before the CSRF check (which reads a form's fields, and so would write an anonymous
 * visitor's multipart body to disk), before the NUL filter, before sign-in. The API's
 * JSON is limited to 256 KB, a form to 1 MB, and only the pages that take a file accept
 * an upload, up to the servlet's multipart limit (each page then checks its own, smaller,
 * limit and says so). A body over its limit is refused with 413 by its declared length; a
 * body without one (sent in chunks) is counted as it is read, and a form or upload
 * without one is refused with 411, since the servlet container reads those itself. See
 * ADR 0024.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimits extends OncePerRequestFilter {

	/** The API's JSON bodies. */
	public static final long API_BYTES = 256L * 1024;

	/** A form without a file, with room for every field's longest answer. */
	public static final long FORM_BYTES = 1024L * 1024;

	/**
	 * The pages that take a file; every other page refuses an upload before reading it.
	 * (RequestBodyLimitsTests checks this against every handler with a file parameter.)
	 */
	static final List<String> UPLOADS = List.of("/imports", "/services/*/contracts/new", "/contracts/*/edit",
			"/quality/reviews/*/evidence/*", "/my-organisation/reviews/*/actions/*/complete",
			"/my-organisation/returns/upload", "/my-organisation/concerns/*", "/procurement/tenders/*/documents",
			"/my-organisation/opportunities/*/lots/*/bid", "/commissioning/needs/import", "/my-organisation/vacancies");

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

	private final long uploadBytes;

	RequestBodyLimits(@Value("${spring.servlet.multipart.max-request-size:121MB}") DataSize uploads) {
		this.uploadBytes = uploads.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.equals("/api") || path.startsWith("/api/");
		long limit = api ? API_BYTES : isUpload(path) ? this.uploadBytes : FORM_BYTES;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			if (!api && limit == this.uploadBytes) {
				backToTheUploadPage(request, response, path);
				return;
			}
			refuse(request, response, api, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			if (readByContainer(request)) {
				refuse(request, response, api, HttpServletResponse.SC_LENGTH_REQUIRED);
				return;
			}
			chain.doFilter(new Counted(request, limit), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * An upload larger than any page takes: back to the page it came from, which says how
	 * large a file may be (see {@link TooLargeUpload}), as when the servlet container
	 * refuses it.
	 */
	private static void backToTheUploadPage(HttpServletRequest request, HttpServletResponse response, String path) {
		FlashMap flash = new FlashMap();
		flash.put(TooLargeUpload.FLASH, true);
		flash.setTargetRequestPath(request.getContextPath() + path);
		FLASH.saveOutputFlashMap(flash, request, response);
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + path);
	}

	/** Whether the page at {@code path} takes a file. */
	static boolean isUpload(String path) {
		return UPLOADS.stream().anyMatch(pattern -> PATHS.match(pattern, path));
	}

	/** Whether {@code failure} (or a cause) was a body read past its limit. */
	public static boolean exceeded(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLarge) {
				return true;
			}
		}
		return false;
	}

	/** Forms and uploads, which Tomcat parses itself rather than through the stream. */
	private static boolean readByContainer(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		return lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || lower.startsWith("multipart/");
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status)
			throws IOException {
		if (api) {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			String title = (status == HttpServletResponse.SC_LENGTH_REQUIRED) ? "Length Required" : "Content Too Large";
			String detail = (status == HttpServletResponse.SC_LENGTH_REQUIRED)
					? "Send the length of the body in a Content-Length header."
					: "The request body is larger than the " + (API_BYTES / 1024) + " KB the API accepts.";
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ detail + "\"}");
			return;
		}
		response.sendError(status);
	}

	/** A body read past its limit. */
	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes");
		}

	}

	/** A request whose body is counted as it is read, and cut off at its limit. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(encoding != null) ? encoding : java.nio.charset.StandardCharsets.UTF_8.name()));
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			this.read += n;
			if (this.read > this.limit) {
				throw new TooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
