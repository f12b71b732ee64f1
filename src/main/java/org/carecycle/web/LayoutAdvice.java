package org.carecycle.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.carecycle.shared.Council;
import org.carecycle.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts what the layout needs into every page's model: the council, the navigation for the
 * signed-in user's role and the address of the current page.
 */
@ControllerAdvice
class LayoutAdvice {

	private final List<Section> sections;

	private final Council council;

	private final boolean demoMode;

	private final Dates dates;

	LayoutAdvice(List<Section> sections, Council council, Dates dates,
			@Value("${carecycle.demo.enabled:false}") boolean demoMode) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(Section::order)).toList();
		this.council = council;
		this.dates = dates;
		this.demoMode = demoMode;
	}

	/**
	 * Date formatting for templates, as {@code dates.date(...)} and
	 * {@code dates.dateTime(...)}.
	 */
	@ModelAttribute("dates")
	Dates dates() {
		return this.dates;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode;
	}

	@ModelAttribute("council")
	Council council() {
		return this.council;
	}

	@ModelAttribute("currentUrl")
	CurrentUrl currentUrl(HttpServletRequest request) {
		return CurrentUrl.of(request);
	}

	@ModelAttribute("navigation")
	List<NavigationLink> navigation(HttpServletRequest request) {
		Optional<Role> role = currentRole();
		if (role.isEmpty()) {
			return List.of();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.sections.stream()
			.filter(Section::inNavigation)
			.filter(section -> section.isOpenTo(role.get()))
			.map(section -> new NavigationLink(section.messageKey(), request.getContextPath() + section.path(),
					section.contains(path)))
			.toList();
	}

	static Optional<Role> currentRole() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(Role::fromAuthority)
			.flatMap(Optional::stream)
			.findFirst();
	}

}
