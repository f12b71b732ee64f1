package org.carecycle.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One option of a radios, checkboxes or select component.
 *
 * @param value the value submitted
 * @param labelKey the message key of its label, or null when {@code label} is given
 * @param label the label as data (a provider's name), used when there is no key
 * @param hintKey the message key of a hint under the option, or null
 */
public record Choice(String value, String labelKey, String label, String hintKey) {

	/** Choices for every constant of an enum, labelled by message key. */
	@SafeVarargs
	public static <E extends Enum<E>> List<Choice> of(Function<E, String> labelKey, E... values) {
		return Arrays.stream(values).map(value -> new Choice(value.name(), labelKey.apply(value), null, null)).toList();
	}

	/** A choice labelled with data rather than a message. */
	public static Choice literal(String value, String label) {
		return new Choice(value, null, label, null);
	}

	public Choice withHint(String key) {
		return new Choice(this.value, this.labelKey, this.label, key);
	}

}
