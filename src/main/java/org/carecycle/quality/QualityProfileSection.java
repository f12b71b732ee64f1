package org.carecycle.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.ProfileSection;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.stereotype.Component;

/** Quality assurance reviews on a service's or provider's profile. */
@Component
class QualityProfileSection implements ProfileSection {

	private final QualityViews views;

	private final Reviews reviews;

	private final Clock clock;

	QualityProfileSection(QualityViews views, Reviews reviews, Clock clock) {
		this.views = views;
		this.reviews = reviews;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean appliesTo(Subject subject) {
		return true;
	}

	@Override
	public boolean isShownTo(Role role) {
		return Reviews.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "quality/profile :: section";
	}

	@Override
	public Map<String, Object> model(Subject subject, UUID id) {
		String column = (subject == Subject.SERVICE) ? "care_service_id" : "provider_id";
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("subject", subject);
		model.put("id", id);
		model.put("reviews", this.views.of(column, id, ProviderScope.everything(), 10));
		model.put("inProgress", (subject == Subject.SERVICE) ? this.reviews.inProgress(id).orElse(null) : null);
		model.put("today", UkTime.today(this.clock));
		return model;
	}

}
