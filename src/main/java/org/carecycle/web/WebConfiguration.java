package org.carecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageErrorsInterceptor());
	}

	/**
	 * The public pages this module serves: the start page, information pages and errors.
	 */
	@Bean
	PublicPages webPublicPages() {
		return new PublicPages("/", "/error", "/accessibility", "/cookies", "/privacy", "/css/**", "/js/**",
				"/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg");
	}

	@Bean
	TooLargeUploadErrorViews tooLargeUploadErrorViews(org.springframework.context.ApplicationContext context,
			org.springframework.boot.autoconfigure.web.WebProperties properties) {
		return new TooLargeUploadErrorViews(context, properties);
	}

	/**
	 * Marks a page whose form failed validation, so the layout can start its title with
	 * "Error:" as GOV.UK pages do, without every controller remembering to.
	 */
	static class PageErrorsInterceptor implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) {
			if (modelAndView == null || modelAndView.getModel().containsKey("pageHasErrors")
					|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))
					|| modelAndView.getView() instanceof org.springframework.web.servlet.view.RedirectView) {
				return;
			}
			boolean hasErrors = modelAndView.getModel()
				.values()
				.stream()
				.anyMatch(value -> value instanceof BindingResult result && result.hasErrors());
			modelAndView.addObject("pageHasErrors", hasErrors);
		}

	}

}
