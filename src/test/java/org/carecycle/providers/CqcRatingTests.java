package org.carecycle.providers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CqcRatingTests {

	@Test
	void readsEverySpellingCqcUses() {
		assertThat(CqcRating.parse("Requires improvement")).contains(CqcRating.REQUIRES_IMPROVEMENT);
		assertThat(CqcRating.parse("Requires Improvement")).contains(CqcRating.REQUIRES_IMPROVEMENT);
		assertThat(CqcRating.parse(" requires-improvement ")).contains(CqcRating.REQUIRES_IMPROVEMENT);
		assertThat(CqcRating.parse("Not Rated")).contains(CqcRating.NOT_RATED);
		assertThat(CqcRating.parse("Not yet rated")).contains(CqcRating.NOT_RATED);
		assertThat(CqcRating.parse("Outstanding")).contains(CqcRating.OUTSTANDING);
		assertThat(CqcRating.parse("Excellent")).isEmpty();
		assertThat(CqcRating.parse(null)).isEmpty();
	}

}
