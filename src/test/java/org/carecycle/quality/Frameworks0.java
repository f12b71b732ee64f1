package org.carecycle.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Object Mother for frameworks in unit tests: the seeded PAMMS-style version (5 domains,
 * 16 standards, equal weights, Safeguarding and safety limiting the overall).
 */
final class Frameworks0 {

	static final Map<String, List<String>> DOMAINS = new LinkedHashMap<>();

	static {
		DOMAINS.put("INVOLVEMENT", List.of("RESPECTING_AND_INVOLVING", "CONSENT"));
		DOMAINS.put("PERSONALISED_CARE", List.of("CARE_AND_WELFARE", "NUTRITION", "COOPERATING_WITH_PROVIDERS"));
		DOMAINS.put("SAFETY", List.of("SAFEGUARDING", "INFECTION_CONTROL", "MEDICINES", "PREMISES", "EQUIPMENT"));
		DOMAINS.put("STAFFING", List.of("REQUIREMENTS_FOR_WORKERS", "STAFFING", "SUPPORTING_STAFF"));
		DOMAINS.put("MANAGEMENT", List.of("MONITORING_QUALITY", "COMPLAINTS", "RECORDS"));
	}

	private Frameworks0() {
	}

	static Framework pamms() {
		return pamms(Framework.Status.PUBLISHED);
	}

	static Framework pamms(Framework.Status status) {
		List<Framework.Domain> domains = new ArrayList<>();
		DOMAINS.forEach((domain,
				standards) -> domains.add(new Framework.Domain(domain, domain, 1, domain.equals("SAFETY"),
						standards.stream()
							.map(key -> new Framework.Standard(key, domain, key, "Prompt", "Evidence", List.of("SAFE"),
									"Statement", 1))
							.toList())));
		return new Framework(UUID.randomUUID(), 1, status, null, Instant.now(), domains);
	}

	/** Every standard rated the same. */
	static Map<String, QaRating> all(QaRating rating) {
		Map<String, QaRating> ratings = new LinkedHashMap<>();
		DOMAINS.values().forEach(keys -> keys.forEach(key -> ratings.put(key, rating)));
		return ratings;
	}

}
