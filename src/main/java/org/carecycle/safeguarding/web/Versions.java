package org.carecycle.safeguarding.web;

/** The version a form was drawn from, as posted; anything unreadable counts as stale. */
final class Versions {

	private Versions() {
	}

	static int parse(String version) {
		try {
			return (version != null) ? Integer.parseInt(version.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
