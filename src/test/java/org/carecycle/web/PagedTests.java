package org.carecycle.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagedTests {

	@Test
	void showsFirstLastAndNeighboursWithEllipses() {
		Paged<String> page = new Paged<>(List.of("a"), 7, 10, 420);
		assertThat(page.totalPages()).isEqualTo(42);
		assertThat(page.pageNumbers()).isEqualTo(Arrays.asList(1, null, 6, 7, 8, null, 42));
	}

	@Test
	void needsNoEllipsisNearTheStart() {
		assertThat(new Paged<>(List.of("a"), 2, 10, 50).pageNumbers()).isEqualTo(Arrays.asList(1, 2, 3, null, 5));
	}

	@Test
	void countsItemsOnThePage() {
		Paged<String> page = new Paged<>(List.of("a", "b", "c"), 3, 25, 53);
		assertThat(page.firstItem()).isEqualTo(51);
		assertThat(page.lastItem()).isEqualTo(53);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isTrue();
	}

	@Test
	void anEmptyListIsOnePage() {
		Paged<String> page = new Paged<>(List.of(), 1, 25, 0);
		assertThat(page.totalPages()).isEqualTo(1);
		assertThat(page.firstItem()).isZero();
		assertThat(page.pageNumbers()).containsExactly(1);
	}

}
