package org.carecycle.identity.web;

import java.util.Arrays;
import java.util.Optional;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditTrail;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormBinding;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators search the audit log. */
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail auditTrail;

	AuditLogController(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	/**
	 * The search form, as typed.
	 *
	 * @param who part of a name or email address
	 * @param action an {@link AuditAction} name
	 * @param recordType a kind of record
	 * @param recordId a record's id
	 * @param fromDay the first day, day box
	 * @param fromMonth the first day, month box
	 * @param fromYear the first day, year box
	 * @param toDay the last day, day box
	 * @param toMonth the last day, month box
	 * @param toYear the last day, year box
	 */
	record AuditSearchForm(String who, String action, String recordType, String recordId, String fromDay,
			String fromMonth, String fromYear, String toDay, String toMonth, String toYear) {

		DateInput from() {
			return new DateInput(this.fromDay, this.fromMonth, this.fromYear);
		}

		DateInput to() {
			return new DateInput(this.toDay, this.toMonth, this.toYear);
		}

		Optional<AuditAction> chosenAction() {
			return Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(this.action)).findFirst();
		}

	}

	@GetMapping
	String search(@ModelAttribute("form") AuditSearchForm form, BindingResult bound,
			@RequestParam(defaultValue = "1") int page, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		rejectDate(errors, "from", form.from(), "audit.from");
		rejectDate(errors, "to", form.to(), "audit.to");
		if (!errors.hasErrors() && form.from().toDate() != null && form.to().toDate() != null
				&& form.to().toDate().isBefore(form.from().toDate())) {
			errors.rejectValue("toDay", "audit.error.toBeforeFrom");
		}
		model.addAttribute("actions", Choice.of(AuditAction::messageKey, AuditAction.values()));
		model.addAttribute("recordTypes",
				this.auditTrail.recordTypes().stream().map(type -> Choice.literal(type, type)).toList());
		if (!errors.hasErrors()) {
			var search = new AuditTrail.Search(form.who(), form.chosenAction().orElse(null), form.recordType(),
					form.recordId(), form.from().toDate(), form.to().toDate());
			model.addAttribute("events", this.auditTrail.search(search, Math.max(page, 1), PAGE_SIZE));
		}
		return "identity/audit";
	}

	private static void rejectDate(BindingResult errors, String field, DateInput date, String nameKey) {
		String problem = date.problem();
		if (problem != null) {
			errors.rejectValue(field + "Day", problem,
					new Object[] { new DefaultMessageSourceResolvable(new String[] { nameKey }) }, problem);
		}
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
