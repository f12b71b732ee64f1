package org.carecycle.providers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The council's own published quality ratings of services, shown in the public directory
 * next to CQC's. The quality module implements it once it publishes reviews; until then
 * the directory says none has been published.
 */
public interface PublishedQualityRatings {

	/**
	 * A published rating.
	 *
	 * @param ratingKey the message key of the rating, such as {@code qaRating.GOOD}
	 * @param tagColour the GOV.UK tag colour that shows it
	 * @param publishedOn when it was published
	 * @param summaryUrl where the published summary is, if anywhere
	 */
	record Published(String ratingKey, String tagColour, LocalDate publishedOn, String summaryUrl) {
	}

	/** The latest published rating of each of these services that has one. */
	Map<UUID, Published> latest(Collection<UUID> serviceIds);

}
