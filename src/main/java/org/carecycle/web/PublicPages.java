package org.carecycle.web;

import java.util.List;

/**
 * Paths that anyone may open without signing in, declared by the module that serves them.
 * Everything not declared public, and not in a {@link Section}, is refused.
 *
 * @param patterns path patterns such as {@code /directory/**}
 */
public record PublicPages(List<String> patterns) {

	public PublicPages(String... patterns) {
		this(List.of(patterns));
	}

	public PublicPages {
		patterns = List.copyOf(patterns);
	}

}
