package org.carecycle.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns malformed addresses into the right GOV.UK error page: a path holding something
 * that is not an id ({@code /services/abc}) names no page, so it is "Page not found"; a
 * malformed query parameter is "There is a problem with your request". Both go through
 * the normal error page, never a stack trace.
 */
@ControllerAdvice
class ErrorAdvice {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletResponse response) throws IOException {
		MethodParameter parameter = exception.getParameter();
		boolean inPath = parameter.hasParameterAnnotation(PathVariable.class);
		response.sendError(inPath ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
	}

	/**
	 * A request bigger than the server reads: back to the page it came from, which says
	 * how big a file may be.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put(TooLargeUpload.FLASH, true);
		return "redirect:" + path;
	}

	/**
	 * A multipart body that cannot be read (cut short, a boundary that is never found, a
	 * file name holding a NUL character): the request is malformed, "There is a problem
	 * with your request", never a server error.
	 */
	@ExceptionHandler(MultipartException.class)
	void unreadableMultipart(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
