package org.carecycle.web;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SortOrderTests {

	private static final SortOrder BY_NAME = new SortOrder("name", false);

	@Test
	void neverSortsByAColumnThatIsNotAllowed() {
		assertThat(SortOrder.parse("name; drop table provider", "ascending", Set.of("name"), BY_NAME))
			.isEqualTo(BY_NAME);
		assertThat(SortOrder.parse(null, null, Set.of("name"), BY_NAME)).isEqualTo(BY_NAME);
	}

	@Test
	void togglesTheCurrentColumnAndMarksIt() {
		SortOrder order = SortOrder.parse("rating", "descending", Set.of("name", "rating"), BY_NAME);
		assertThat(order.descending()).isTrue();
		assertThat(order.ariaSort("rating")).isEqualTo("descending");
		assertThat(order.ariaSort("name")).isEqualTo("none");
		assertThat(order.nextOrder("rating")).isEqualTo("ascending");
		assertThat(order.nextOrder("name")).isEqualTo("ascending");
		assertThat(BY_NAME.nextOrder("name")).isEqualTo("descending");
		assertThat(order.sqlDirection()).isEqualTo("desc");
	}

}
