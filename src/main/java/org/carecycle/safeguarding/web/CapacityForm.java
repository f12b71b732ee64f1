package org.carecycle.safeguarding.web;

import java.util.List;

import org.carecycle.safeguarding.Answer;
import org.carecycle.safeguarding.Enquiry;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * Mental capacity and advocacy (SG3): did the adult lack capacity to make decisions about
 * the enquiry and, only if they did, was support provided by an advocate, family or
 * friend.
 */
record CapacityForm(String version, String lackedCapacity, String advocacySupport) {

	/** The answers the SAC takes. */
	static final List<Answer> ANSWERS = List.of(Answer.YES, Answer.NO, Answer.DONT_KNOW, Answer.NOT_RECORDED);

	static CapacityForm of(Enquiry enquiry) {
		return new CapacityForm(Integer.toString(enquiry.version()),
				(enquiry.lackedCapacity() != null) ? enquiry.lackedCapacity().name() : null,
				(enquiry.advocacySupport() != null) ? enquiry.advocacySupport().name() : null);
	}

	Answer lacked(Errors errors) {
		Answer answer = answer(this.lackedCapacity);
		if (answer == null) {
			errors.rejectValue("lackedCapacity", "safeguarding.enquiry.capacity.lackedCapacity.blank");
		}
		return answer;
	}

	/** Asked only when the adult lacked capacity; refused otherwise. */
	Answer advocacy(Errors errors, Answer lacked) {
		String given = FormText.clean(this.advocacySupport);
		if (!Enquiry.needsAdvocacy(lacked)) {
			if (given != null && lacked != null) {
				errors.rejectValue("advocacySupport", "safeguarding.enquiry.capacity.advocacySupport.notAsked");
			}
			return null;
		}
		Answer answer = answer(given);
		if (answer == null) {
			errors.rejectValue("advocacySupport", "safeguarding.enquiry.capacity.advocacySupport.blank");
		}
		return answer;
	}

	private static Answer answer(String value) {
		return ANSWERS.stream().filter(a -> a.name().equals(value)).findFirst().orElse(null);
	}

}
