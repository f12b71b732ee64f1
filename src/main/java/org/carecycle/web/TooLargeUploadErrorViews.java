package org.carecycle.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The error pages, as Spring Boot finds them ({@code templates/error/}), except for a
 * request too large for the server to read: the servlet container refuses it before any
 * page sees it, so the browser is sent back to the page it came from, which explains how
 * large a file may be (see {@link TooLargeUpload}). A page that takes no file has nothing
 * to explain: it gets the error page.
 */
class TooLargeUploadErrorViews implements ErrorViewResolver {

	private final DefaultErrorViewResolver templates;

	TooLargeUploadErrorViews(ApplicationContext context, WebProperties properties) {
		this.templates = new DefaultErrorViewResolver(context, properties.getResources());
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status == HttpStatus.CONTENT_TOO_LARGE && uri instanceof String path && path.startsWith("/")
				&& RequestBodyLimits.isUpload(path.substring(request.getContextPath().length()))) {
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put(TooLargeUpload.FLASH, true);
			RedirectView back = new RedirectView(path.substring(request.getContextPath().length()), true);
			back.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(back);
		}
		return this.templates.resolveErrorView(request, status, model);
	}

}
