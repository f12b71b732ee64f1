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

	@Test
	void aListCountedToItsLimitSaysMoreThanAndHidesTheLastPage() {
		long limit = Paged.countLimit(3, 25);
		assertThat(limit).isEqualTo(50 + 25 + 1000 + 1);
		Paged<String> long_ = Paged.counted(List.of("a"), 3, 25, limit);
		assertThat(long_.moreThanTotal()).isTrue();
		assertThat(long_.totalItems()).isEqualTo(1075);
		assertThat(long_.hasNext()).isTrue();
		assertThat(long_.pageNumbers()).isEqualTo(Arrays.asList(1, 2, 3, 4, null));
		Paged<String> exact = Paged.counted(List.of("a"), 3, 25, limit - 1);
		assertThat(exact.moreThanTotal()).isFalse();
		assertThat(exact.totalItems()).isEqualTo(1075);
		assertThat(exact.pageNumbers()).isEqualTo(Arrays.asList(1, 2, 3, 4, null, 43));
	}

}
