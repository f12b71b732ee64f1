package org.carecycle.quality.web;

import java.util.List;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.quality.QualityViews;
import org.carecycle.quality.QualityViews.ReviewRow;
import org.carecycle.quality.Reviews;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The published report of a service's latest review, for anyone: its summary, its rating
 * with the maths that gave it, and the findings. Nothing before publication is shown.
 */
@Controller
class PublicReviewController {

	private final QualityViews views;

	private final Reviews reviews;

	PublicReviewController(QualityViews views, Reviews reviews) {
		this.views = views;
		this.reviews = reviews;
	}

	@GetMapping("/directory/services/{id}/quality-review")
	String latest(@PathVariable UUID id, Model model) {
		ReviewRow latest = this.views.latestPublished(List.of(id)).get(id);
		if (latest == null) {
			throw new RecordNotFoundException("No published review");
		}
		model.addAttribute("report", this.reviews.report(latest.id(), ProviderScope.everything()));
		model.addAttribute("serviceId", id);
		model.addAttribute("publicPage", true);
		return "quality/public-report";
	}

}
