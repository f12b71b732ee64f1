package org.carecycle.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Accepts {@code DATABASE_URL} in the form hosting platforms give it
 * ({@code postgres://user:password@host:5432/name}) as well as a JDBC URL, so operators
 * can paste what their platform shows them. Explicit {@code DATABASE_USERNAME} and
 * {@code DATABASE_PASSWORD} win over credentials in the URL.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(url) || url.startsWith("jdbc:")) {
			return;
		}
		Map<String, Object> properties = toJdbcProperties(url);
		if (StringUtils.hasText(environment.getProperty("DATABASE_USERNAME"))) {
			properties.remove("spring.datasource.username");
			properties.remove("spring.datasource.password");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("carecycleDatabaseUrl", properties));
	}

	static Map<String, Object> toJdbcProperties(String url) {
		URI uri = URI.create(url.trim());
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must be a PostgreSQL address (jdbc:postgresql://... or postgres://...)");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String port = (uri.getPort() > 0) ? ":" + uri.getPort() : "";
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		properties.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			properties.put("spring.datasource.username", decode(parts[0]));
			if (parts.length > 1) {
				properties.put("spring.datasource.password", decode(parts[1]));
			}
		}
		return properties;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
