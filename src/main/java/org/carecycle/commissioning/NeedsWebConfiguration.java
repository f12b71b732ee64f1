package org.carecycle.commissioning;

import java.util.EnumSet;
import java.util.Set;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The needs, outcome measures and demand pages: every member of council staff reads them;
 * commissioners change assumptions and neighbours and import population (administrators
 * may import too). They are reached from the commissioning pages, not the navigation.
 */
@Configuration(proxyBeanMethods = false)
class NeedsWebConfiguration {

	/** Who may import population files. */
	static final Set<Role> IMPORTERS = EnumSet.of(Role.COMMISSIONER, Role.ADMIN);

	/** Who may change assumptions and the neighbours compared with. */
	static final Set<Role> EDITORS = EnumSet.of(Role.COMMISSIONER);

	@Bean
	Section needsSection() {
		return new Section("nav.needs", "/commissioning/needs", Role.councilStaff(), 300, false);
	}

	@Bean
	Section outcomesSection() {
		return new Section("nav.outcomes", "/commissioning/outcomes", Role.councilStaff(), 301, false);
	}

	@Bean
	Section demandSection() {
		return new Section("nav.demand", "/commissioning/demand", Role.councilStaff(), 302, false);
	}

	@Bean
	AccessRule populationImports() {
		return new AccessRule("/commissioning/needs/import", IMPORTERS);
	}

	@Bean
	AccessRule assumptionChanges() {
		return new AccessRule("/commissioning/needs/assumptions/*/edit", EDITORS);
	}

	@Bean
	AccessRule neighbourChanges() {
		return new AccessRule("/commissioning/outcomes/neighbours", EDITORS);
	}

}
