package org.carecycle.safeguarding.web;

import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.safeguarding.CaseReadLog;
import org.carecycle.safeguarding.Enquiries;
import org.carecycle.safeguarding.Enquiries.ProviderEnquiry;
import org.carecycle.shared.ProviderId;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's side of an enquiry caused to it: only what it is asked to find out and
 * do, by when, and a form for its findings. Never who raised the concern, what they said
 * or why it was flagged; another organisation's enquiry is "Page not found".
 */
@Controller
@RequestMapping("/my-organisation/safeguarding")
class ProviderEnquiryController {

	private final Enquiries enquiries;

	private final CurrentUser currentUser;

	private final CaseReadLog readLog;

	ProviderEnquiryController(Enquiries enquiries, CurrentUser currentUser, CaseReadLog readLog) {
		this.enquiries = enquiries;
		this.currentUser = currentUser;
		this.readLog = readLog;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("requests", this.enquiries.forProvider(provider()));
		model.addAttribute("today", this.enquiries.today());
		return "safeguarding/provider-enquiries";
	}

	@GetMapping("/{enquiryId}")
	String show(@PathVariable UUID enquiryId, Model model) {
		ProviderEnquiry request = find(enquiryId);
		model.addAttribute("form", new FindingsForm(null));
		return page(request, model);
	}

	@PostMapping("/{enquiryId}")
	String send(@PathVariable UUID enquiryId, @ModelAttribute("form") FindingsForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderEnquiry request = find(enquiryId);
		if (request.answered()) {
			redirect.addFlashAttribute("problem", "safeguarding.caused.alreadySent");
			return "redirect:/my-organisation/safeguarding/" + enquiryId;
		}
		String findings = form.checked(errors);
		if (errors.hasErrors()) {
			return page(request, model);
		}
		SignedInUser user = this.currentUser.require();
		try {
			this.enquiries.sendFindings(provider(), enquiryId, findings, user);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "safeguarding.caused.alreadySent");
			return "redirect:/my-organisation/safeguarding/" + enquiryId;
		}
		redirect.addFlashAttribute("saved", "safeguarding.caused.sent");
		return "redirect:/my-organisation/safeguarding/" + enquiryId;
	}

	private String page(ProviderEnquiry request, Model model) {
		this.readLog.openedCase(this.enquiries.concernOf(request.id()), CaseReadLog.Page.PROVIDER_ENQUIRY);
		model.addAttribute("request", request);
		model.addAttribute("today", this.enquiries.today());
		return "safeguarding/provider-enquiry";
	}

	private ProviderEnquiry find(UUID enquiryId) {
		return this.enquiries.forProvider(provider(), enquiryId)
			.orElseThrow(() -> new RecordNotFoundException("No such enquiry"));
	}

	private ProviderId provider() {
		return Optional.ofNullable(this.currentUser.require().providerId())
			.orElseThrow(() -> new RecordNotFoundException("Not a provider user"));
	}

}
