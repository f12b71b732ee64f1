package org.carecycle.safeguarding.web;

import java.time.Clock;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseStatus;
import org.carecycle.safeguarding.DecisionTimer;
import org.carecycle.safeguarding.SafeguardingCases;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The section's home: the queue of safeguarding concerns, those awaiting the section 42
 * decision soonest due first with the time left, then those in enquiry and those closed;
 * a lead sees every case, a QA officer only those they are named on.
 */
@Controller
class SafeguardingQueueController {

	private static final int PAGE_SIZE = 25;

	private final SafeguardingCases cases;

	private final DecisionTimer timer;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final CaseAccess access;

	SafeguardingQueueController(SafeguardingCases cases, DecisionTimer timer, CurrentUser currentUser, Clock clock,
			CaseAccess access) {
		this.access = access;
		this.cases = cases;
		this.timer = timer;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping("/safeguarding")
	String queue(@RequestParam(required = false) String tab, @RequestParam(required = false) String reference,
			@RequestParam(defaultValue = "1") String page, Model model) {
		SignedInUser user = this.currentUser.require();
		CaseStatus.Tab chosen = java.util.Arrays.stream(CaseStatus.Tab.values())
			.filter(t -> t.name().equals(tab))
			.findFirst()
			.orElse(CaseStatus.Tab.AWAITING);
		String search = (reference != null && !reference.isBlank() && reference.length() <= 40) ? reference.strip()
				: null;
		int pageNumber;
		try {
			pageNumber = Math.max(1, Math.min(100_000, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			pageNumber = 1;
		}
		var rows = this.cases.queue(chosen, search, user, pageNumber, PAGE_SIZE);
		model.addAttribute("tab", chosen);
		model.addAttribute("tabs", CaseStatus.Tab.values());
		model.addAttribute("reference", search);
		model.addAttribute("page", rows);
		model.addAttribute("lead", CaseAccess.isLead(user));
		model.addAttribute("timer", this.timer);
		model.addAttribute("now", this.clock.instant());
		return "safeguarding/queue";
	}

	/**
	 * From a flagged concern's page to its safeguarding concern, for someone who may read
	 * it; "Page not found" otherwise.
	 */
	@GetMapping("/safeguarding/from-concern/{concernId}")
	String fromConcern(@PathVariable java.util.UUID concernId) {
		java.util.UUID id = this.cases.idOfConcern(concernId)
			.orElseThrow(() -> new org.carecycle.shared.RecordNotFoundException("safeguarding case of " + concernId));
		this.access.requireRead(id);
		return "redirect:/safeguarding/concerns/" + id;
	}

}
