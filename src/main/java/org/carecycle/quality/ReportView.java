package org.carecycle.quality;

import java.util.List;
import java.util.Optional;

/**
 * Everything a review's report shows, for the report page, its PDF, the provider's portal
 * and the public summary alike (one template draws them all).
 *
 * @param draft whether the report is still a draft (not published)
 */
public record ReportView(Review review, Framework framework, RatingRule.Calculation calculation,
		List<Reviews.Action> actions, String serviceName, String providerName, String serviceAddress,
		String officerName, boolean draft) {

	public Optional<Finding> finding(String standardKey) {
		return this.review.findingFor(standardKey);
	}

	public List<Reviews.Action> actionsFor(String standardKey) {
		return this.actions.stream().filter(action -> action.standardKey().equals(standardKey)).toList();
	}

}
