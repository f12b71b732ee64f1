package org.carecycle.safeguarding.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseChangedException;
import org.carecycle.safeguarding.CaseReadLog;
import org.carecycle.safeguarding.DecisionTimer;
import org.carecycle.safeguarding.SafeguardingCase;
import org.carecycle.safeguarding.SafeguardingCases;
import org.carecycle.safeguarding.SafeguardingCases.Outcome;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One safeguarding concern: its page (recorded in the read log before it is drawn), who
 * has opened it, and the steps a lead takes on it: the section 42 decision, naming staff,
 * merging a duplicate and closing with no further action.
 */
@Controller
@RequestMapping("/safeguarding/concerns/{id}")
class SafeguardingCaseController {

	private final SafeguardingCases cases;

	private final CaseAccess access;

	private final CaseReadLog readLog;

	private final DecisionTimer timer;

	private final UserDirectory users;

	private final Clock clock;

	SafeguardingCaseController(SafeguardingCases cases, CaseAccess access, CaseReadLog readLog, DecisionTimer timer,
			UserDirectory users, Clock clock) {
		this.cases = cases;
		this.access = access;
		this.readLog = readLog;
		this.timer = timer;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		SignedInUser user = this.access.requireRead(id);
		SafeguardingCase c = find(id);
		this.readLog.openedCase(id, CaseReadLog.Page.CASE);
		model.addAttribute("c", c);
		model.addAttribute("lead", CaseAccess.isLead(user));
		model.addAttribute("history", this.cases.history(id));
		model.addAttribute("officers", this.cases.officers(id));
		model.addAttribute("enquiry", this.cases.enquiryOf(id).orElse(null));
		model.addAttribute("mergedHere", this.cases.mergedHere(id));
		model.addAttribute("mergedInto",
				(c.mergedInto() != null) ? this.cases.referenceOf(c.mergedInto()).orElse(null) : null);
		model.addAttribute("timer",
				c.status().awaitingDecision() ? this.timer.timer(c.decisionDueAt(), this.clock.instant()) : null);
		model.addAttribute("readsConcerns", user.role() == Role.SAFEGUARDING_LEAD || user.role() == Role.QA_OFFICER);
		return "safeguarding/case";
	}

	@GetMapping("/seen-by")
	String seenBy(@PathVariable UUID id, Model model) {
		this.access.requireLead();
		model.addAttribute("c", find(id));
		model.addAttribute("opened", this.cases.openedBy(id));
		return "safeguarding/seen-by";
	}

	// The section 42 decision
	// ---------------------------------------------------------------------------

	@GetMapping("/decision")
	String decisionForm(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		if (!c.status().awaitingDecision()) {
			redirect.addFlashAttribute("problem", "safeguarding.case.decision.alreadyDecided");
			return "redirect:/safeguarding/concerns/" + id;
		}
		model.addAttribute("form", DecisionForm.blank(c.version()));
		return decisionPage(c, model);
	}

	@PostMapping("/decision")
	String decide(@PathVariable UUID id, @ModelAttribute("form") DecisionForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		this.access.requireLead();
		BindingResult errors = FormBinding.checked(form, bound, model);
		SafeguardingCase c = find(id);
		SafeguardingCases.Decision decision = form.toDecision(errors);
		if (decision == null) {
			return decisionPage(c, model);
		}
		try {
			this.cases.decide(id, form.versionNumber(), decision);
		}
		catch (CaseChangedException ex) {
			errors.reject("safeguarding.case.changed");
			return decisionPage(find(id), model);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "safeguarding.case.decision.alreadyDecided");
			return "redirect:/safeguarding/concerns/" + id;
		}
		redirect.addFlashAttribute("saved", "safeguarding.case.decision.saved");
		return "redirect:/safeguarding/concerns/" + id;
	}

	private String decisionPage(SafeguardingCase c, Model model) {
		model.addAttribute("c", c);
		model.addAttribute("yesNo", List.of(Choice.literal("yes", "Yes"), Choice.literal("no", "No")));
		model.addAttribute("outcomes", Choice.of(Outcome::messageKey, Outcome.values()));
		return "safeguarding/decision";
	}

	// Closing a case with no further action
	// ---------------------------------------------------------------------------

	@GetMapping("/close")
	String closeForm(@PathVariable UUID id, Model model) {
		this.access.requireLead();
		model.addAttribute("c", find(id));
		return "safeguarding/close";
	}

	@PostMapping("/close")
	String close(@PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		String checked = FormText.clean(note);
		if (checked != null && checked.length() > 5_000) {
			model.addAttribute("c", c);
			model.addAttribute("problem", "safeguarding.case.close.note.long");
			model.addAttribute("note", checked.substring(0, 100));
			return "safeguarding/close";
		}
		try {
			this.cases.close(id, number(version), checked);
		}
		catch (CaseChangedException ex) {
			model.addAttribute("c", find(id));
			model.addAttribute("problem", "safeguarding.case.changed");
			return "safeguarding/close";
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "safeguarding.case.close.notClosable");
			return "redirect:/safeguarding/concerns/" + id;
		}
		redirect.addFlashAttribute("saved", "safeguarding.case.close.saved");
		return "redirect:/safeguarding/concerns/" + id;
	}

	// Merging a duplicate
	// ---------------------------------------------------------------------------

	@GetMapping("/merge")
	String mergeForm(@PathVariable UUID id, Model model) {
		this.access.requireLead();
		model.addAttribute("c", find(id));
		return "safeguarding/merge";
	}

	@PostMapping("/merge")
	String merge(@PathVariable UUID id, @RequestParam(required = false) String into,
			@RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		String reference = FormText.clean(into);
		String problem = null;
		UUID survivor = null;
		if (reference == null) {
			problem = "safeguarding.case.merge.into.blank";
		}
		else if (reference.length() > 40) {
			problem = "safeguarding.case.merge.into.unknown";
		}
		else {
			try {
				survivor = this.cases.merge(id, number(version), reference);
			}
			catch (CaseChangedException ex) {
				problem = "safeguarding.case.changed";
				c = find(id);
			}
			catch (IllegalArgumentException ex) {
				problem = "safeguarding.case.merge.into.unknown";
			}
			catch (IllegalStateException ex) {
				problem = "safeguarding.case.merge.notMergeable";
			}
		}
		if (problem != null) {
			model.addAttribute("c", c);
			model.addAttribute("problem", problem);
			model.addAttribute("into", (reference != null && reference.length() <= 40) ? reference : null);
			return "safeguarding/merge";
		}
		redirect.addFlashAttribute("saved", "safeguarding.case.merge.saved");
		return "redirect:/safeguarding/concerns/" + survivor;
	}

	// Naming staff on the case
	// ---------------------------------------------------------------------------

	@GetMapping("/officers")
	String officers(@PathVariable UUID id, Model model) {
		this.access.requireLead();
		return officersPage(find(id), null, model);
	}

	@PostMapping("/officers")
	String changeOfficers(@PathVariable UUID id, @RequestParam(required = false) String add,
			@RequestParam(required = false) String remove, Model model, RedirectAttributes redirect) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		try {
			if (remove != null) {
				UUID user = FormText.uuid(remove).orElseThrow(() -> new IllegalArgumentException("Not a person"));
				this.cases.unname(id, user);
				redirect.addFlashAttribute("saved", "safeguarding.case.officers.removed");
			}
			else {
				UUID user = FormText.uuid(add).orElseThrow(() -> new IllegalArgumentException("Not a person"));
				this.cases.name(id, user);
				redirect.addFlashAttribute("saved", "safeguarding.case.officers.added");
			}
		}
		catch (IllegalArgumentException ex) {
			return officersPage(c, "safeguarding.case.officers.add.blank", model);
		}
		catch (IllegalStateException ex) {
			return officersPage(c, "safeguarding.case.officers.closed", model);
		}
		return "redirect:/safeguarding/concerns/" + id + "/officers";
	}

	private String officersPage(SafeguardingCase c, String problem, Model model) {
		List<SafeguardingCases.Officer> named = this.cases.officers(c.id());
		java.util.Set<UUID> namedIds = named.stream()
			.map(SafeguardingCases.Officer::userId)
			.collect(java.util.stream.Collectors.toSet());
		List<UserSummary> candidates = java.util.stream.Stream
			.concat(this.users.withRole(Role.QA_OFFICER).stream(), this.users.withRole(Role.SAFEGUARDING_LEAD).stream())
			.filter(UserSummary::enabled)
			.filter(u -> !namedIds.contains(u.id()))
			.sorted(java.util.Comparator.comparing(UserSummary::displayName))
			.toList();
		model.addAttribute("c", c);
		model.addAttribute("officers", named);
		model.addAttribute("candidates", candidates);
		model.addAttribute("problem", problem);
		return "safeguarding/officers";
	}

	private SafeguardingCase find(UUID id) {
		return this.cases.find(id).orElseThrow(() -> new RecordNotFoundException("safeguarding case " + id));
	}

	private static int number(String version) {
		try {
			return Integer.parseInt(FormText.orEmpty(version).strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
