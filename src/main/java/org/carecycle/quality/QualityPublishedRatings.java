package org.carecycle.quality;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.PublishedQualityRatings;

import org.springframework.stereotype.Component;

/** The council's published review ratings, for the public directory. */
@Component
class QualityPublishedRatings implements PublishedQualityRatings {

	private final QualityViews views;

	QualityPublishedRatings(QualityViews views) {
		this.views = views;
	}

	@Override
	public Map<UUID, Published> latest(Collection<UUID> serviceIds) {
		Map<UUID, Published> published = new HashMap<>();
		this.views.latestPublished(serviceIds)
			.forEach((id, row) -> published.put(id, new Published(row.overallRating().messageKey(),
					row.overallRating().colour(), row.publishedOn(), "/directory/services/" + id + "/quality-review")));
		return published;
	}

}
