package org.carecycle.web;

import java.util.Objects;

/**
 * One line of a home page's to-do list: how many things of one kind are waiting, how
 * urgent they are and where to find exactly those things.
 *
 * @param urgency how soon the things must be dealt with
 * @param count how many are waiting
 * @param messageKey the message that says what they are, given the count as {@code {0}}
 * @param link a page listing exactly those things
 */
public record WorkItem(Urgency urgency, long count, String messageKey, String link) {

	public WorkItem {
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(messageKey, "messageKey");
		Objects.requireNonNull(link, "link");
	}

	/** How soon work must be done, most urgent first. */
	public enum Urgency {

		OVERDUE("red"), DUE_TODAY("orange"), DUE_SOON("yellow"), FOR_INFORMATION("grey");

		private final String colour;

		Urgency(String colour) {
			this.colour = colour;
		}

		public String messageKey() {
			return "home.todo.urgency." + name();
		}

		/** The GOV.UK tag colour that marks it. */
		public String tagClass() {
			return "govuk-tag--" + this.colour;
		}

	}

}
