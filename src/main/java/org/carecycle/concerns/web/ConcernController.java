package org.carecycle.concerns.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernAccesses;
import org.carecycle.concerns.ConcernAccesses.Page;
import org.carecycle.concerns.ConcernAction;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.ConcernQueue;
import org.carecycle.concerns.ConcernQueue.View;
import org.carecycle.concerns.ConcernRetention;
import org.carecycle.concerns.ConcernStatus;
import org.carecycle.concerns.IdentifyingDetails;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Concerns.ConcernChangedException;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.concerns.ProviderOutreach;
import org.carecycle.concerns.ProviderRequests;
import org.carecycle.concerns.ProviderSummary;
import org.carecycle.concerns.Theme;
import org.carecycle.documents.Documents;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;
import org.carecycle.web.Choice;
import org.carecycle.web.SortOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
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
 * The quality assurance team's pages: the triage queue with its bulk actions, recording a
 * concern that came by phone or email, and a concern's page where it is acknowledged,
 * assigned, assessed and closed.
 */
@Controller
@RequestMapping("/concerns")
class ConcernController {

	private static final int PAGE_SIZE = 25;

	private final Concerns concerns;

	private final ConcernQueue queue;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final ProviderRequests providerRequests;

	private final Documents documents;

	private final ConcernAccesses accesses;

	private final ConcernRetention retention;

	private final ProviderOutreach outreach;

	ConcernController(Concerns concerns, ConcernQueue queue, Register register, UserDirectory users,
			CurrentUser currentUser, Clock clock, ProviderRequests providerRequests, Documents documents,
			ConcernAccesses accesses, ConcernRetention retention, ProviderOutreach outreach) {
		this.outreach = outreach;
		this.providerRequests = providerRequests;
		this.documents = documents;
		this.accesses = accesses;
		this.retention = retention;
		this.concerns = concerns;
		this.queue = queue;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "OPEN") String view, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		View chosen = parse(View.class, view).orElse(View.OPEN);
		ConcernKind chosenKind = parse(ConcernKind.class, kind).orElse(null);
		String text = (q != null && q.length() <= 100) ? q : null;
		UUID me = this.currentUser.require().id();
		model.addAttribute("concerns", this.queue.queue(chosen, chosenKind, text, me, Math.max(page, 1), PAGE_SIZE));
		model.addAttribute("counts", this.queue.counts(me));
		model.addAttribute("views", View.values());
		model.addAttribute("view", chosen);
		model.addAttribute("kind", chosenKind);
		model.addAttribute("q", text);
		model.addAttribute("officers", officers());
		model.addAttribute("canHandle", Concerns.canHandleConcerns(this.currentUser.require().role()));
		return "concerns/queue";
	}

	@PostMapping("/bulk")
	String bulk(@RequestParam(name = "selected", required = false) List<UUID> selected,
			@RequestParam(required = false) String officer, @RequestParam(defaultValue = "assign") String action,
			@RequestParam(defaultValue = "OPEN") String view, RedirectAttributes redirect) {
		if (selected == null || selected.isEmpty()) {
			redirect.addFlashAttribute("bulkError", "concerns.bulk.noneSelected");
			return "redirect:/concerns?view=" + parse(View.class, view).orElse(View.OPEN);
		}
		UUID officerId = parseId(officer).orElse(null);
		boolean acknowledge = "acknowledge".equals(action);
		if (!acknowledge && officerId == null) {
			redirect.addFlashAttribute("bulkError", "concerns.bulk.noOfficer");
			return "redirect:/concerns?view=" + parse(View.class, view).orElse(View.OPEN);
		}
		try {
			int changed = this.concerns.assignMany(selected, officerId, acknowledge);
			redirect.addFlashAttribute("bulkDone", changed);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("bulkError", "concerns.bulk.noOfficer");
		}
		return "redirect:/concerns?view=" + parse(View.class, view).orElse(View.OPEN);
	}

	// Recording a concern received by phone, email, letter or in person
	// --------------------

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) String service, @RequestParam(required = false) String q,
			Model model) {
		StaffConcernForm form = StaffConcernForm.of(service, UkTime.today(this.clock));
		model.addAttribute("form", form);
		return newPage(form, q, model);
	}

	@PostMapping("/new")
	String record(@ModelAttribute("form") StaffConcernForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Optional<ServiceProfile> service = parseId(form.service())
			.flatMap(id -> this.register.service(id, ProviderScope.everything()));
		if (service.isEmpty() && !form.isUnknownService()) {
			return "redirect:/concerns/new";
		}
		LocalDate today = UkTime.today(this.clock);
		StaffConcernForm.Received received = form.toReceived(errors, service.map(ServiceProfile::id).orElse(null),
				today);
		if (received == null) {
			return newPage(form, null, model);
		}
		java.time.Instant at = received.on().equals(today) ? this.clock.instant()
				: received.on().atTime(LocalTime.NOON).atZone(UkTime.ZONE).toInstant();
		Concern concern = this.concerns.receive(received.report(), received.channel(), form.submissionKey(), at);
		redirect.addFlashAttribute("saved", "staffConcern.saved");
		return "redirect:/concerns/" + concern.id();
	}

	private String newPage(StaffConcernForm form, String q, Model model) {
		if (form.service() == null) {
			model.addAttribute("q", q);
			if (StringUtils.hasText(q) && q.length() <= 100) {
				model.addAttribute("results",
						this.register
							.services(new ServiceFilter(q.strip(), null, null, null, null, null, null),
									new SortOrder("name", false), 1, 20, ProviderScope.everything())
							.items());
			}
			return "concerns/new-service";
		}
		if (!form.isUnknownService()) {
			Optional<ServiceProfile> service = parseId(form.service())
				.flatMap(id -> this.register.service(id, ProviderScope.everything()));
			if (service.isEmpty()) {
				return "redirect:/concerns/new";
			}
			model.addAttribute("service", service.get());
		}
		model.addAttribute("kinds", Choice.of(ConcernKind::messageKey, ConcernKind.values()));
		model.addAttribute("channels", Choice.of(Channel::messageKey, Channel.STAFF_ENTERED));
		model.addAttribute("risks", Choice.of(AtRisk::messageKey, AtRisk.values()));
		model.addAttribute("roles", Choice.of(ReporterRole::messageKey, ReporterRole.values()));
		return "concerns/new";
	}

	// One concern
	// --------------------------------------------------------------------------

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Concern concern = find(id);
		this.accesses.opened(id, Page.CONCERN);
		model.addAttribute("concern", concern);
		model.addAttribute("timeline", this.concerns.timeline(id));
		model.addAttribute("service",
				Optional.ofNullable(concern.careServiceId())
					.flatMap(s -> this.register.service(s, ProviderScope.everything()))
					.orElse(null));
		model.addAttribute("assignee",
				Optional.ofNullable(concern.assignedTo()).flatMap(this.users::find).orElse(null));
		model.addAttribute("officers", officers());
		Role role = this.currentUser.require().role();
		// the safeguarding module decides, case by case, who of these may read it
		model.addAttribute("toSafeguarding",
				concern.safeguardingFlag() && (role == Role.SAFEGUARDING_LEAD || role == Role.QA_OFFICER));
		model.addAttribute("canHandle", Concerns.canHandleConcerns(role));
		model.addAttribute("keepsRecords", Concerns.keepsRecords(role));
		model.addAttribute("holdPlacedBy",
				Optional.ofNullable(concern.legalHoldBy()).flatMap(this.users::find).orElse(null));
		model.addAttribute("pastRetention", concern.closedAt() != null
				&& concern.closedAt().isBefore(this.retention.cutOff().atStartOfDay(UkTime.ZONE).toInstant()));
		model.addAttribute("today", UkTime.today(this.clock));
		model.addAttribute("rounds", this.providerRequests.of(id));
		return "concerns/concern";
	}

	@PostMapping("/{id}/response")
	String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note, @RequestParam(required = false) String confirmed,
			@RequestParam(required = false) String reviewed, RedirectAttributes redirect) {
		String cleaned = FormText.clean(note);
		if (!"accept".equals(decision) && !"challenge".equals(decision)) {
			redirect.addFlashAttribute("problem", "concern.response.decision.blank");
			return "redirect:/concerns/" + id;
		}
		if ("challenge".equals(decision) && cleaned == null) {
			redirect.addFlashAttribute("problem", "concern.response.note.blank");
			return "redirect:/concerns/" + id;
		}
		if (cleaned != null && cleaned.length() > 5_000) {
			redirect.addFlashAttribute("problem", "concern.response.note.long");
			return "redirect:/concerns/" + id;
		}
		if ("challenge".equals(decision)) {
			// The note goes to the provider as the next round's question: the officer
			// checks it
			// does not identify the person who told us, as they check the first summary.
			Concern concern = this.concerns.find(id).orElseThrow(() -> new RecordNotFoundException("No such concern"));
			List<IdentifyingDetails.Finding> findings = IdentifyingDetails.find(cleaned,
					IdentifyingDetails.Context.of(concern, serviceName(concern).orElse(null)));
			String problem = !"true".equals(confirmed) ? "concern.response.confirm.blank"
					: (!findings.isEmpty() && !"true".equals(reviewed)) ? "concern.response.findings" : null;
			if (problem != null) {
				redirect.addFlashAttribute("problem", problem);
				redirect.addFlashAttribute("keptNote", cleaned);
				redirect.addFlashAttribute("noteFindings",
						findings.stream().map(IdentifyingDetails.Finding::text).distinct().toList());
				return "redirect:/concerns/" + id + "#note";
			}
		}
		String done = step(id, redirect,
				"accept".equals(decision) ? "concern.response.accepted" : "concern.response.challenged",
				() -> this.concerns.decide(id, version, "accept".equals(decision), cleaned));
		if ("challenge".equals(decision) && redirect.getFlashAttributes().containsKey("saved")) {
			warnIfUnreached(find(id), redirect);
		}
		return done;
	}

	/**
	 * Tells the officer who asked the provider when nobody at it uses CareCycle: whom the
	 * request was emailed to instead, or that it must be contacted another way.
	 */
	private void warnIfUnreached(Concern concern, RedirectAttributes redirect) {
		this.outreach.unreached(concern.providerId()).ifPresent(unreached -> {
			redirect.addFlashAttribute("unreachedProvider", unreached.providerName());
			if (unreached.hasContact()) {
				redirect.addFlashAttribute("unreachedContact", unreached.contactEmail());
			}
		});
	}

	@GetMapping("/{id}/responses/{requestId}/document")
	org.springframework.http.ResponseEntity<byte[]> responseDocument(@PathVariable UUID id,
			@PathVariable UUID requestId) {
		ProviderRequests.Request request = this.providerRequests.of(id)
			.stream()
			.filter(r -> r.id().equals(requestId) && r.documentId() != null)
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No document"));
		this.accesses.opened(id, Page.RESPONSE_DOCUMENT);
		return org.carecycle.documents.DocumentDownloads.download(this.documents, request.documentId());
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		return step(id, redirect, "concern.acknowledged", () -> this.concerns.acknowledge(id, version));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String officer,
			RedirectAttributes redirect) {
		Optional<UUID> officerId = parseId(officer);
		if (officerId.isEmpty()) {
			redirect.addFlashAttribute("problem", "concerns.bulk.noOfficer");
			return "redirect:/concerns/" + id;
		}
		return step(id, redirect, "concern.assigned", () -> this.concerns.assign(id, version, officerId.get()));
	}

	@GetMapping("/{id}/assess")
	String assessForm(@PathVariable UUID id, Model model) {
		Concern concern = find(id);
		this.accesses.opened(id, Page.ASSESSMENT);
		model.addAttribute("form", AssessmentForm.of(concern,
				this.providerRequests.draftSummary(concern, serviceName(concern).orElse(null))));
		return assessPage(concern, model);
	}

	@PostMapping("/{id}/assess")
	String assess(@PathVariable UUID id, @ModelAttribute("form") AssessmentForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Concern concern = find(id);
		AssessmentForm.Assessment assessment = form.toAssessment(errors, concern.providerId() != null);
		if (assessment == null || form.wantsChange()) {
			return assessPage(concern, model);
		}
		ProviderSummary summary = null;
		if (assessment.action() == ConcernAction.ASK_PROVIDER) {
			if (concern.status() == ConcernStatus.AWAITING_PROVIDER) {
				// Already asked: nothing more is sent to the provider.
				summary = new ProviderSummary(assessment.providerSummary(), false, false);
			}
			else if (!form.sending()) {
				return checkPage(concern, assessment.providerSummary(), model);
			}
			else {
				summary = form.approved(errors, assessment.providerSummary(), worksAtService(concern));
				if (summary == null) {
					return checkPage(concern, assessment.providerSummary(), model);
				}
			}
		}
		try {
			this.concerns.assess(id, assessment.version(), assessment.themes(), assessment.risk(), assessment.action(),
					assessment.rationale(), summary);
		}
		catch (ConcernChangedException ex) {
			errors.reject("concern.changed");
			return assessPage(find(id), model);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "concern.notAssessable");
			return "redirect:/concerns/" + id;
		}
		redirect.addFlashAttribute("saved",
				(summary != null && summary.checked()) ? "concern.assessed.providerAsked" : "concern.assessed");
		if (summary != null && summary.checked()) {
			warnIfUnreached(concern, redirect);
		}
		return "redirect:/concerns/" + id;
	}

	/**
	 * The check before anything goes to the provider: the summary as the provider will
	 * see it, with the details that might identify someone highlighted, and the
	 * confirmations the officer gives.
	 */
	private String checkPage(Concern concern, String summary, Model model) {
		List<IdentifyingDetails.Finding> findings = IdentifyingDetails.find(summary,
				IdentifyingDetails.Context.of(concern, serviceName(concern).orElse(null)));
		model.addAttribute("concern", concern);
		model.addAttribute("summary", summary);
		model.addAttribute("segments", IdentifyingDetails.segments(summary, findings));
		model.addAttribute("findings",
				findings.stream()
					.collect(java.util.stream.Collectors.toMap(f -> f.text().toLowerCase(java.util.Locale.ROOT), f -> f,
							(a, b) -> a, java.util.LinkedHashMap::new))
					.values());
		model.addAttribute("worksAtService", worksAtService(concern));
		return "concerns/assess-check";
	}

	private static boolean worksAtService(Concern concern) {
		return concern.reporterRole() != null && concern.reporterRole().worksAtService();
	}

	private Optional<String> serviceName(Concern concern) {
		return Optional.ofNullable(concern.careServiceId())
			.flatMap(s -> this.register.service(s, ProviderScope.everything()))
			.map(ServiceProfile::name);
	}

	private String assessPage(Concern concern, Model model) {
		model.addAttribute("concern", concern);
		model.addAttribute("themes", Choice.of(Theme::messageKey, Theme.values()));
		List<Choice> likelihoods = new ArrayList<>();
		List<Choice> impacts = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			likelihoods.add(new Choice(String.valueOf(i), "risk.likelihood." + i, null, null));
			impacts.add(new Choice(String.valueOf(i), "risk.impact." + i, null, null));
		}
		model.addAttribute("likelihoods", likelihoods);
		model.addAttribute("impacts", impacts);
		model.addAttribute("actions",
				java.util.Arrays.stream(ConcernAction.values())
					.map(a -> new Choice(a.name(), a.messageKey(), null, a.hintKey()))
					.toList());
		return "concerns/assess";
	}

	@GetMapping("/{id}/close")
	String closeForm(@PathVariable UUID id, Model model) {
		Concern concern = find(id);
		model.addAttribute("form", CloseForm.of(concern.version()));
		model.addAttribute("concern", concern);
		return "concerns/close";
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable UUID id, @ModelAttribute("form") CloseForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Concern concern = find(id);
		CloseForm.Closing closing = form.toClosing(errors);
		if (closing != null) {
			try {
				this.concerns.close(id, closing.version(), closing.outcome(), closing.lessons());
				redirect.addFlashAttribute("saved", "concern.closed");
				return "redirect:/concerns/" + id;
			}
			catch (ConcernChangedException ex) {
				errors.reject("concern.changed");
			}
			catch (IllegalStateException ex) {
				errors.reject("concern.notClosable");
			}
		}
		model.addAttribute("concern", concern);
		return "concerns/close";
	}

	@PostMapping("/{id}/duplicate")
	String duplicate(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String original,
			RedirectAttributes redirect) {
		if (!StringUtils.hasText(original) || !original.strip().matches("(?i)PPMF-\\d{4}-\\d{6}")) {
			redirect.addFlashAttribute("problem", "concern.duplicate.blank");
			return "redirect:/concerns/" + id;
		}
		try {
			return step(id, redirect, "concern.duplicate.saved",
					() -> this.concerns.markDuplicate(id, version, original));
		}
		catch (RecordNotFoundException ex) {
			redirect.addFlashAttribute("problem", "concern.duplicate.unknown");
			return "redirect:/concerns/" + id;
		}
	}

	private String step(UUID id, RedirectAttributes redirect, String savedKey, Runnable step) {
		find(id);
		try {
			step.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (ConcernChangedException ex) {
			redirect.addFlashAttribute("problem", "concern.changed");
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "concern.stepRefused");
		}
		return "redirect:/concerns/" + id;
	}

	private Concern find(UUID id) {
		return this.concerns.find(id).orElseThrow(() -> new RecordNotFoundException("No such concern"));
	}

	private List<Choice> officers() {
		List<Choice> officers = new ArrayList<>();
		for (Role role : List.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.COMMISSIONER)) {
			for (UserSummary user : this.users.withRole(role)) {
				if (user.enabled()) {
					officers.add(Choice.literal(user.id().toString(), user.displayName()));
				}
			}
		}
		return officers;
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	static Optional<UUID> parseId(String text) {
		return FormText.uuid(text);
	}

}
