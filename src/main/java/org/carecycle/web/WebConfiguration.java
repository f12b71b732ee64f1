package org.carecycle.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** For files whose address changes whenever their content does. */
	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageErrorsInterceptor());
	}

	/**
	 * Static files, each at an address that holds its version (a hash of its content, or
	 * GOV.UK Frontend's version), so browsers keep them for a year and fetch them again
	 * only when they change. Only these paths are static: Spring's catch-all {@code /**}
	 * mapping would make every link on every page a lookup in the class path.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(FOREVER)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/**
	 * The public pages this module serves: the start page, information pages and errors.
	 */
	@Bean
	PublicPages webPublicPages() {
		return new PublicPages("/", "/error", "/accessibility", "/cookies", "/privacy", "/css/**", "/js/**",
				"/images/**", "/webjars/**", "/assets/fonts/**", "/favicon.ico", "/favicon.svg");
	}

	/**
	 * Every error's answer: the GOV.UK error page, or a problem detail for the API (in
	 * place of Spring Boot's own error controller).
	 */
	@Bean
	ErrorResponses errorResponses(org.springframework.boot.webmvc.error.ErrorAttributes attributes,
			org.springframework.boot.autoconfigure.web.WebProperties properties,
			org.springframework.beans.factory.ObjectProvider<org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver> resolvers) {
		return new ErrorResponses(attributes, properties.getError(), resolvers.orderedStream().toList());
	}

	/**
	 * The servlet container's own error page, for requests too malformed to reach
	 * CareCycle: the GOV.UK page instead of Tomcat's.
	 */
	@Bean
	org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> containerErrorPage() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
				host.setErrorReportValveClass(ContainerErrorPage.class.getName());
			}
		});
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
