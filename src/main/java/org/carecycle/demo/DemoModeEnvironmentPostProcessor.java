package org.carecycle.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Decides whether the demo county, with its sign-ins (an administrator among them) that
 * share a password published in the README, is loaded. Safe by default: only on the
 * embedded database that {@code ./mvnw spring-boot:run} starts, or when
 * {@code CARECYCLE_DEMO=true} asks for it, and never under the {@code production}
 * profile; a production server asked for the demo refuses to start rather than guess
 * which was meant. A real database named by {@code DATABASE_URL} gets no demo unless
 * asked.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "carecycle.demo.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String asked = environment.getProperty(ENABLED, "").trim();
		if (StringUtils.hasText(asked) && !asked.equalsIgnoreCase("true") && !asked.equalsIgnoreCase("false")) {
			throw new IllegalStateException("CARECYCLE_DEMO must be true, false or unset, not '" + asked + "'");
		}
		boolean production = environment.acceptsProfiles(Profiles.of("production"));
		if (production && asked.equalsIgnoreCase("true")) {
			throw new IllegalStateException("CARECYCLE_DEMO is true but the production profile is active. The demo "
					+ "creates accounts, an administrator among them, whose password is published: it is never "
					+ "loaded in production. Unset CARECYCLE_DEMO, or run without the production profile.");
		}
		boolean embeddedDatabase = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		boolean enabled = !production && (StringUtils.hasText(asked) ? Boolean.parseBoolean(asked) : embeddedDatabase);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("carecycleDemoMode", Map.of(ENABLED, Boolean.toString(enabled))));
	}

}
