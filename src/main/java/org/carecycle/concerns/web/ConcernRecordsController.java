package org.carecycle.concerns.web;

import java.util.UUID;

import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernAccesses;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Concerns.ConcernChangedException;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.FormBinding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A concern kept as a record, for safeguarding leads and administrators: who has seen it,
 * and legal hold, which keeps it from the retention rule until it is lifted (ADR 0018).
 */
@Controller
@RequestMapping("/concerns/{id}")
class ConcernRecordsController {

	/** People who opened a concern, per page of its history. */
	private static final int ACCESSES_PAGE_SIZE = 50;

	private final Concerns concerns;

	private final ConcernAccesses accesses;

	ConcernRecordsController(Concerns concerns, ConcernAccesses accesses) {
		this.concerns = concerns;
		this.accesses = accesses;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping("/seen-by")
	String seenBy(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("concern", find(id));
		model.addAttribute("accesses", this.accesses.of(id, Math.max(page, 1), ACCESSES_PAGE_SIZE));
		model.addAttribute("repeatMinutes", ConcernAccesses.REPEAT_WINDOW.toMinutes());
		return "concerns/seen-by";
	}

	@GetMapping("/legal-hold")
	String legalHoldForm(@PathVariable UUID id, Model model) {
		Concern concern = find(id);
		if (concern.isOnLegalHold() || concern.anonymisedOn() != null) {
			return "redirect:/concerns/" + id;
		}
		model.addAttribute("form", LegalHoldForm.of(concern.version()));
		model.addAttribute("concern", concern);
		return "concerns/legal-hold";
	}

	@PostMapping("/legal-hold")
	String placeOnLegalHold(@PathVariable UUID id, @ModelAttribute("form") LegalHoldForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Concern concern = find(id);
		String reason = form.toReason(errors);
		if (!errors.hasErrors()) {
			try {
				this.concerns.placeOnLegalHold(id, form.version(), reason);
				redirect.addFlashAttribute("saved", "concern.legalHold.placed");
				return "redirect:/concerns/" + id;
			}
			catch (ConcernChangedException ex) {
				errors.reject("concern.changed");
				concern = find(id);
			}
			catch (IllegalStateException ex) {
				redirect.addFlashAttribute("problem", "concern.legalHold.refused");
				return "redirect:/concerns/" + id;
			}
		}
		model.addAttribute("concern", concern);
		return "concerns/legal-hold";
	}

	@PostMapping("/legal-hold/lift")
	String liftLegalHold(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		find(id);
		try {
			this.concerns.liftLegalHold(id, version);
			redirect.addFlashAttribute("saved", "concern.legalHold.lifted");
		}
		catch (ConcernChangedException ex) {
			redirect.addFlashAttribute("problem", "concern.changed");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "concern.stepRefused");
		}
		return "redirect:/concerns/" + id;
	}

	private Concern find(UUID id) {
		return this.concerns.find(id).orElseThrow(() -> new RecordNotFoundException("No such concern"));
	}

}
