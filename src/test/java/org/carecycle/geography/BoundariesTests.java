package org.carecycle.geography;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundariesTests {

	private final Boundaries boundaries = new Boundaries();

	@Test
	void holdsEveryEnglishLocalAuthority() {
		assertThat(this.boundaries.localAuthorities()).hasSize(296);
	}

	@Test
	void placesPointsInTheRightArea() {
		Boundary cornwall = this.boundaries.localAuthority("Cornwall").orElseThrow();
		assertThat(cornwall.contains(new Coordinates(50.2632, -5.0510))).as("Truro").isTrue();
		assertThat(cornwall.contains(new Coordinates(50.3755, -4.1427))).as("Plymouth").isFalse();
		assertThat(cornwall.contains(new Coordinates(50.05, -5.45))).as("Mount's Bay").isFalse();
		double[] bounds = cornwall.bounds();
		assertThat(bounds[0]).isBetween(-5.8, -5.6);
		assertThat(bounds[3]).isBetween(50.9, 51.0);
	}

	@Test
	void measuresDistances() {
		Coordinates truro = new Coordinates(50.2632, -5.0510);
		Coordinates penzance = new Coordinates(50.1186, -5.5371);
		assertThat(truro.distanceKmTo(penzance)).isBetween(37.0, 39.0);
	}

}
