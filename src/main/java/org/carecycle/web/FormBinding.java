package org.carecycle.web;

import java.beans.PropertyChangeEvent;
import java.util.Comparator;
import java.util.Map;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;

/**
 * Binding of forms that are records. Spring binds a record through its constructor, and
 * says of a value it cannot convert "Failed to convert value of type ..." where it said
 * of a bean's property "Failed to convert property value of type ... for property ...". A
 * record's number or yes-or-no is boxed (so that a missing or unconvertible value can be
 * given the bean's default), which would also name {@code java.lang.Integer} instead of
 * {@code int}. This keeps the bean's message, word for word, for the forms that were
 * beans.
 */
public final class FormBinding {

	private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(Integer.class, int.class, Boolean.class,
			boolean.class);

	private static final DefaultBindingErrorProcessor PROCESSOR = new DefaultBindingErrorProcessor() {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
			super.processPropertyAccessException(asProperty(ex, bindingResult), bindingResult);
		}

	};

	private FormBinding() {
	}

	/**
	 * Keeps the messages of a property's conversion failure on the binder's records, and
	 * refuses a blank number or yes-or-no as a bean's {@code int} or {@code boolean} did
	 * (a missing one still takes the record's default).
	 */
	public static void keepPropertyMessages(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PROCESSOR);
		binder.registerCustomEditor(Integer.class, new CustomNumberEditor(Integer.class, false));
		binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor(false));
	}

	/**
	 * The binding result to check the form with and show it again. When a value of a
	 * record could not be converted, Spring keeps a binding result without the record
	 * (nothing can be rejected on it and the page cannot show the form): this one holds
	 * the record and the same errors, and replaces it in the model.
	 * @param form the record bound
	 * @param bound its binding result
	 * @param model the model of the page
	 * @return a binding result with the form as its target
	 */
	public static BindingResult checked(Object form, BindingResult bound, Model model) {
		if (bound.getTarget() != null || form == null) {
			return bound;
		}
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, bound.getObjectName());
		// A bean's properties were bound in the order of their names, a record's in the
		// order of its components: keep the bean's order of messages.
		bound.getGlobalErrors().forEach(result::addError);
		bound.getFieldErrors().stream().sorted(Comparator.comparing(FieldError::getField)).forEach(result::addError);
		model.addAttribute(bound.getObjectName(), form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + bound.getObjectName(), result);
		return result;
	}

	static PropertyAccessException asProperty(PropertyAccessException ex, BindingResult bindingResult) {
		if (!(ex instanceof TypeMismatchException mismatch) || ex.getPropertyChangeEvent() != null
				|| mismatch.getPropertyName() == null) {
			return ex;
		}
		Class<?> required = mismatch.getRequiredType();
		Class<?> asTyped = (required != null) ? PRIMITIVES.getOrDefault(required, required) : null;
		return new TypeMismatchException(
				new PropertyChangeEvent(bindingResult, mismatch.getPropertyName(), null, mismatch.getValue()), asTyped,
				mismatch.getCause());
	}

}
