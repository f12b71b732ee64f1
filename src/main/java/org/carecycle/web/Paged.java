package org.carecycle.web;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a longer list, with what the GOV.UK pagination component needs to draw the
 * links: previous, next and a window of page numbers with ellipses.
 *
 * @param items the items on this page
 * @param page this page's number, counting from 1
 * @param pageSize how many items a full page holds
 * @param totalItems how many items the whole list holds, or at least holds when
 * {@code moreThanTotal}
 * @param moreThanTotal whether the list is longer than {@code totalItems}, which is then
 * as far as it was counted
 */
public record Paged<T>(List<T> items, int page, int pageSize, long totalItems, boolean moreThanTotal) {

	/**
	 * How many items a count stops at beyond the current page: a list longer than this
	 * says "more than" rather than counting every item, which on a national register
	 * would cost more than the page itself.
	 */
	public static final int COUNT_AHEAD = 1000;

	public Paged {
		items = List.copyOf(items);
		if (page < 1 || pageSize < 1 || totalItems < 0) {
			throw new IllegalArgumentException("page and pageSize start at 1; totalItems cannot be negative");
		}
	}

	/** A page of a list whose length is known exactly. */
	public Paged(List<T> items, int page, int pageSize, long totalItems) {
		this(items, page, pageSize, totalItems, false);
	}

	/**
	 * The most items worth counting for this page: the count query takes
	 * {@code limit countLimit} and {@link #counted} makes sense of the result.
	 */
	public static long countLimit(int page, int pageSize) {
		return offset(page, pageSize) + pageSize + COUNT_AHEAD + 1;
	}

	/**
	 * A page of a list counted up to {@link #countLimit}: when the count reached the
	 * limit, the list is longer than can be said.
	 */
	public static <T> Paged<T> counted(List<T> items, int page, int pageSize, long count) {
		long limit = countLimit(page, pageSize);
		return (count >= limit) ? new Paged<>(items, page, pageSize, limit - 1, true)
				: new Paged<>(items, page, pageSize, count, false);
	}

	public int totalPages() {
		return (int) Math.max(1, (this.totalItems + this.pageSize - 1) / this.pageSize);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	/**
	 * The number of the first item on this page, counting from 1, or 0 for an empty list.
	 */
	public long firstItem() {
		return this.items.isEmpty() ? 0 : (long) (this.page - 1) * this.pageSize + 1;
	}

	public long lastItem() {
		return this.items.isEmpty() ? 0 : firstItem() + this.items.size() - 1;
	}

	/**
	 * Page numbers to link to: the first, the last, and this page with one either side;
	 * {@code null} stands for an ellipsis.
	 */
	public List<Integer> pageNumbers() {
		int last = totalPages();
		List<Integer> numbers = new ArrayList<>();
		for (int number = 1; number <= last; number++) {
			// the last page is not known when the list is longer than was counted
			boolean shown = number == 1 || (number == last && !this.moreThanTotal) || Math.abs(number - this.page) <= 1;
			if (shown) {
				numbers.add(number);
			}
			else if (!numbers.isEmpty() && numbers.get(numbers.size() - 1) != null) {
				numbers.add(null);
			}
		}
		return numbers;
	}

	/** The offset of this page's first item, for SQL. */
	public static long offset(int page, int pageSize) {
		return (long) (Math.max(page, 1) - 1) * pageSize;
	}

}
