package org.carecycle.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.shared.Role;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The administrator's sections, and the rule that a temporary password is changed first.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

	@Bean
	Section usersSection() {
		return Section.of("nav.users", "/admin/users", 900, Role.ADMIN);
	}

	@Bean
	Section auditSection() {
		return Section.of("nav.audit", "/admin/audit", 910, Role.ADMIN);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new TemporaryPasswordInterceptor())
			.excludePathPatterns("/account/password", "/account/second-factor/recovery-codes", "/sign-out", "/sign-in",
					"/error", "/session/**", "/css/**", "/js/**", "/images/**", "/webjars/**");
	}

	/**
	 * Until someone with a temporary password has chosen their own, every page asks for
	 * it.
	 */
	static class TemporaryPasswordInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details
					&& details.mustChangePassword()) {
				response.sendRedirect(request.getContextPath() + "/account/password");
				return false;
			}
			return true;
		}

	}

}
