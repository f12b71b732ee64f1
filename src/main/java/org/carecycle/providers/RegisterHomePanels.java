package org.carecycle.providers;

import java.util.Map;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.Role;
import org.carecycle.web.HomePanel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the register shows on the home page: the market for staff, the organisation for
 * providers.
 */
@Configuration(proxyBeanMethods = false)
class RegisterHomePanels {

	@Bean
	HomePanel marketPanel(Register register, CurrentUser currentUser) {
		return new HomePanel() {

			@Override
			public int order() {
				return 100;
			}

			@Override
			public boolean isShownTo(Role role) {
				return role.isCouncilStaff() && role != Role.ADMIN;
			}

			@Override
			public String fragment() {
				return "providers/home-panels :: market";
			}

			@Override
			public Map<String, Object> model() {
				ProviderScope scope = currentUser.scope();
				return Map.of("counts", register.counts(scope), "byType", register.activeServicesByType(scope),
						"ratings", register.currentOverallRatings(scope));
			}

		};
	}

	@Bean
	HomePanel organisationPanel(Register register, CurrentUser currentUser) {
		return new HomePanel() {

			@Override
			public int order() {
				return 100;
			}

			@Override
			public boolean isShownTo(Role role) {
				return role == Role.PROVIDER;
			}

			@Override
			public String fragment() {
				return "providers/home-panels :: organisation";
			}

			@Override
			public Map<String, Object> model() {
				ProviderScope scope = currentUser.scope();
				var providerId = scope.provider().orElseThrow().value();
				return Map.of("provider", register.provider(providerId, scope).orElseThrow(), "counts",
						register.counts(scope), "services", register.servicesOf(providerId, scope));
			}

		};
	}

}
