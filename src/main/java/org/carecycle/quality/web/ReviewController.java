package org.carecycle.quality.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.concerns.ConcernQueue;
import org.carecycle.concerns.ProviderOutreach;
import org.carecycle.concerns.ConcernQueue.TaggedConcern;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.DocumentDownloads;
import org.carecycle.documents.Documents;
import org.carecycle.documents.StoredDocument;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.quality.Finding;
import org.carecycle.quality.Framework;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.QualityViews;
import org.carecycle.quality.QualityViews.View;
import org.carecycle.quality.ReportPdf;
import org.carecycle.quality.Review;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.quality.Reviews;
import org.carecycle.quality.AlreadyPlannedException;
import org.carecycle.quality.NotPermittedException;
import org.carecycle.quality.ReviewChangedException;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.Choice;
import org.carecycle.web.FormText;
import org.carecycle.web.TooLargeUpload;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' pages of a review: the list, planning one, its page with the next step,
 * the visit, each standard's evidence and rating, the summary, the senior officer's
 * decisions on a challenge, publication, the action plan and the report. A step the
 * review refuses comes back to the page as a GOV.UK error, and a step taken on a page
 * that someone else has since changed says so and changes nothing.
 */
@Controller
@RequestMapping("/quality/reviews")
class ReviewController {

	private static final int PAGE_SIZE = 25;

	private static final int LONG_TEXT = ReviewForms.LONG_TEXT;

	private final Reviews reviews;

	private final QualityViews views;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final ConcernQueue concerns;

	private final ProviderOutreach outreach;

	private final Documents documents;

	private final Clock clock;

	private final ReportPdf pdf;

	ReviewController(Reviews reviews, QualityViews views, Register register, UserDirectory users,
			CurrentUser currentUser, ConcernQueue concerns, Documents documents, Clock clock, ReportPdf pdf,
			ProviderOutreach outreach) {
		this.outreach = outreach;
		this.pdf = pdf;
		this.reviews = reviews;
		this.views = views;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.concerns = concerns;
		this.documents = documents;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "MINE") String view, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		View chosen = parse(View.class, view).orElse(View.MINE);
		String text = (q != null && q.length() <= 100) ? FormText.clean(q) : null;
		UUID me = this.currentUser.require().id();
		model.addAttribute("reviews", this.views.reviews(chosen, me, text, Math.max(page, 1), PAGE_SIZE));
		model.addAttribute("counts", this.views.counts(me));
		model.addAttribute("views", View.values());
		model.addAttribute("view", chosen);
		model.addAttribute("q", text);
		model.addAttribute("today", today());
		return "quality/reviews";
	}

	// Planning
	// --------------------

	@GetMapping("/new")
	String planForm(@RequestParam(required = false) UUID service, Model model) {
		return planPage(ReviewForms.PlanForm.of(service, this.currentUser.require().id()), service, model);
	}

	private String planPage(ReviewForms.PlanForm form, UUID serviceId, Model model) {
		ServiceProfile service = (serviceId != null)
				? this.register.service(serviceId, ProviderScope.everything()).orElse(null) : null;
		if (service == null) {
			throw new RecordNotFoundException("Choose the service to review from its page");
		}
		model.addAttribute("form", form);
		model.addAttribute("service", service);
		model.addAttribute("inProgress", this.reviews.inProgress(serviceId).orElse(null));
		model.addAttribute("kinds", Choice.of(ReviewKind::messageKey, ReviewKind.ANNUAL, ReviewKind.RISK_BASED));
		model.addAttribute("officers", officerChoices());
		return "quality/plan";
	}

	@PostMapping("/new")
	String plan(@ModelAttribute("form") ReviewForms.PlanForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		UUID serviceId = FormText.uuid(form.service()).orElseThrow(() -> new RecordNotFoundException("No service"));
		ReviewForms.Plan plan = form.toPlan(errors, officerChoices());
		if (plan == null) {
			return planPage(form, serviceId, model);
		}
		try {
			Review review = this.reviews.plan(serviceId, plan.kind(), plan.date(), plan.officer(), null);
			redirect.addFlashAttribute("saved", "review.saved.planned");
			return "redirect:/quality/reviews/" + review.id();
		}
		catch (AlreadyPlannedException ex) {
			errors.reject("plan.alreadyPlanned");
			return planPage(form, serviceId, model);
		}
	}

	private List<Choice> officerChoices() {
		return this.users.withRole(Role.QA_OFFICER)
			.stream()
			.filter(UserSummary::enabled)
			.map(user -> Choice.literal(user.id().toString(), user.displayName()))
			.toList();
	}

	// The review's page
	// --------------------

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Framework framework = this.reviews.frameworkOf(review);
		model.addAttribute("review", review);
		model.addAttribute("framework", framework);
		model.addAttribute("calculation", this.reviews.calculation(review));
		model.addAttribute("service",
				this.register.service(review.careServiceId(), ProviderScope.everything()).orElseThrow());
		model.addAttribute("officer", (review.officerId() != null)
				? this.users.find(review.officerId()).map(UserSummary::displayName).orElse(null) : null);
		Map<String, Long> evidenceCounts = this.reviews.evidence(id)
			.stream()
			.collect(Collectors.groupingBy(Reviews.Evidence::standardKey, Collectors.counting()));
		model.addAttribute("evidenceCounts", evidenceCounts);
		model.addAttribute("concernCounts", concernCounts(review));
		model.addAttribute("timeline", this.reviews.timeline(id));
		model.addAttribute("actions", this.reviews.actions(id));
		model.addAttribute("today", today());
		model.addAttribute("whyNotPublishable", review.whyNotPublishable(today()).orElse(null));
		model.addAttribute("canDecide", Reviews.SENIOR.contains(this.currentUser.require().role()));
		model.addAttribute("canAct", Reviews.OFFICERS.contains(this.currentUser.require().role()));
		if (!model.containsAttribute("publishForm")) {
			model.addAttribute("publishForm", ReviewForms.TextForm.of(review.version(), null));
		}
		return "quality/review";
	}

	private Map<String, Long> concernCounts(Review review) {
		return concernsSinceLastReview(review).stream()
			.flatMap(concern -> concern.standards().stream())
			.collect(Collectors.groupingBy(Enum::name, Collectors.counting()));
	}

	/**
	 * The concerns received since the service's previous review, or in the last two
	 * years.
	 */
	private List<TaggedConcern> concernsSinceLastReview(Review review) {
		Instant since = this.views.of("care_service_id", review.careServiceId(), ProviderScope.everything(), 20)
			.stream()
			.filter(row -> !row.id().equals(review.id()) && row.visitEndedOn() != null
					&& row.visitEndedOn().isBefore(Optional.ofNullable(review.visitStartedOn()).orElse(today())))
			.map(row -> row.visitEndedOn().atStartOfDay(UkTime.ZONE).toInstant())
			.findFirst()
			.orElse(today().minusYears(2).atStartOfDay(UkTime.ZONE).toInstant());
		return this.concerns.concernsSince(review.careServiceId(), since);
	}

	// Moving, reassigning and cancelling a planned review
	// --------------------

	@GetMapping("/{id}/reschedule")
	String rescheduleForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		return reschedulePage(review, ReviewForms.PlanForm.of(review), model);
	}

	private String reschedulePage(Review review, ReviewForms.PlanForm form, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("form", form);
		model.addAttribute("officers", officerChoices());
		model.addAttribute("serviceName", serviceName(review));
		return "quality/reschedule";
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.PlanForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.Plan plan = form.toReschedule(errors, officerChoices());
		if (plan == null) {
			return reschedulePage(review, form, model);
		}
		return step(id, redirect, "review.saved.rescheduled",
				() -> this.reviews.reschedule(id, plan.version(), plan.date(), plan.officer()));
	}

	@GetMapping("/{id}/cancel")
	String cancelForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		return textPage(review, ReviewForms.TextForm.of(review.version(), null), "cancel", model);
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		String reason = form.toText(errors, 2_000, "cancel.reason");
		if (errors.hasErrors()) {
			return textPage(review, form, "cancel", model);
		}
		return step(id, redirect, "review.saved.cancelled", () -> this.reviews.cancel(id, form.version(), reason));
	}

	// The visit
	// --------------------

	@GetMapping("/{id}/visit")
	String visitForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		return visitPage(review, ReviewForms.VisitForm.of(review), model);
	}

	private String visitPage(Review review, ReviewForms.VisitForm form, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("form", form);
		model.addAttribute("serviceName", serviceName(review));
		model.addAttribute("announcedChoices", List.of(new Choice("true", "visit.announced.yes", null, null),
				new Choice("false", "visit.announced.no", null, null)));
		return "quality/visit";
	}

	@PostMapping("/{id}/visit")
	String visit(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.VisitForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.Visit visit = form.toVisit(errors, today());
		if (visit == null) {
			return visitPage(review, form, model);
		}
		return step(id, redirect, "review.saved.visit", () -> this.reviews.recordVisit(id, visit.version(),
				visit.start(), visit.end(), visit.announced(), visit.peopleSpokenTo(), visit.documentsRequested()));
	}

	// A standard: its evidence and rating
	// --------------------

	@GetMapping("/{id}/standards/{key}")
	String standardForm(@PathVariable UUID id, @PathVariable String key, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Finding finding = review.findingFor(key).orElseThrow(() -> new RecordNotFoundException("No such standard"));
		model.addAttribute("evidenceForm", ReviewForms.EvidenceForm.empty());
		TooLargeUpload.showOn(model, "evidenceForm", "document", "document.error.large");
		return standardPage(review, key, ReviewForms.FindingForm.of(review.version(), finding), model);
	}

	private String standardPage(Review review, String key, ReviewForms.FindingForm form, Model model) {
		Framework.Standard standard = this.reviews.frameworkOf(review)
			.standard(key)
			.orElseThrow(() -> new RecordNotFoundException("No such standard"));
		model.addAttribute("review", review);
		model.addAttribute("standard", standard);
		model.addAttribute("form", form);
		if (!model.containsAttribute("evidenceForm")) {
			model.addAttribute("evidenceForm", ReviewForms.EvidenceForm.empty());
		}
		model.addAttribute("serviceName", serviceName(review));
		model.addAttribute("ratings", Choice.of(QaRating::messageKey, QaRating.values()));
		model.addAttribute("evidenceKinds", List.of(new Choice("NOTE", "evidenceKind.NOTE", null, null),
				new Choice("OBSERVATION", "evidenceKind.OBSERVATION", null, null)));
		model.addAttribute("evidence",
				this.reviews.evidence(review.id()).stream().filter(e -> e.standardKey().equals(key)).toList());
		model.addAttribute("concerns",
				concernsSinceLastReview(review).stream()
					.filter(concern -> concern.standards().stream().anyMatch(s -> s.name().equals(key)))
					.toList());
		return "quality/standard";
	}

	@PostMapping("/{id}/standards/{key}")
	String rate(@PathVariable UUID id, @PathVariable String key, @ModelAttribute("form") ReviewForms.FindingForm form,
			BindingResult bound, Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.Rated rated = form.toRated(errors);
		if (rated == null) {
			return standardPage(review, key, form, model);
		}
		return step(id, redirect, "review.saved.finding",
				() -> this.reviews.rate(id, rated.version(), key, rated.rating(), rated.findings()));
	}

	@PostMapping("/{id}/evidence/{key}")
	String addEvidence(@PathVariable UUID id, @PathVariable String key,
			@ModelAttribute("evidenceForm") ReviewForms.EvidenceForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		String text = FormText.check(errors, "text", form.text(), false, LONG_TEXT, "evidence.text");
		MultipartFile document = form.document();
		byte[] content = null;
		if (form.hasDocument()) {
			if (document.getSize() > Documents.MAX_BYTES) {
				errors.rejectValue("document", "document.error.large");
			}
			else {
				content = document.getBytes();
				this.documents.problemWith(content, EVIDENCE_KINDS)
					.map(problem -> "document.error.kind".equals(problem) ? "evidence.document.kind" : problem)
					.ifPresent(problem -> errors.rejectValue("document", problem));
			}
		}
		String kind = (content != null) ? "DOCUMENT" : form.kind();
		if (content == null && !"NOTE".equals(kind) && !"OBSERVATION".equals(kind)) {
			errors.rejectValue("kind", "evidence.kind.blank");
		}
		if (text == null && content == null && !errors.hasFieldErrors("document") && !errors.hasFieldErrors("text")) {
			errors.rejectValue("text", "evidence.text.blank");
		}
		if (errors.hasErrors()) {
			return standardPage(review, key,
					ReviewForms.FindingForm.of(review.version(), review.findingFor(key).orElse(null)), model);
		}
		UUID documentId = (content != null)
				? this.documents.store(document.getOriginalFilename(), content, EVIDENCE_KINDS).document().id() : null;
		try {
			this.reviews.addEvidence(id, key, kind, text, documentId);
			redirect.addFlashAttribute("saved", "review.saved.evidence");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/quality/reviews/" + id + "/standards/" + key;
	}

	private static final java.util.Set<DocumentKind> EVIDENCE_KINDS = java.util.EnumSet.allOf(DocumentKind.class);

	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		this.reviews.get(id, ProviderScope.everything());
		if (!this.reviews.isEvidence(id, documentId)) {
			throw new RecordNotFoundException("No such document");
		}
		return DocumentDownloads.download(this.documents, documentId);
	}

	// The summary, the draft and sending it
	// --------------------

	@GetMapping("/{id}/summary")
	String summaryForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		return textPage(review, ReviewForms.TextForm.of(review.version(), review.summary()), "summary", model);
	}

	@PostMapping("/{id}/summary")
	String summary(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		String text = form.toText(errors, LONG_TEXT, "summary.text");
		if (errors.hasErrors()) {
			return textPage(review, form, "summary", model);
		}
		return step(id, redirect, "review.saved.summary", () -> this.reviews.writeSummary(id, form.version(), text));
	}

	private String textPage(Review review, ReviewForms.TextForm form, String page, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("form", form);
		model.addAttribute("serviceName", serviceName(review));
		model.addAttribute("page", page);
		return "quality/text-step";
	}

	@PostMapping("/{id}/draft")
	String draft(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		return step(id, redirect, "review.saved.draft", () -> this.reviews.prepareDraft(id, version));
	}

	@PostMapping("/{id}/send")
	String send(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		String done = step(id, redirect, "review.saved.sent", () -> this.reviews.sendToProvider(id, version));
		if (redirect.getFlashAttributes().containsKey("saved")) {
			// nobody at the provider uses CareCycle: the officer is told whom the draft
			// went to
			this.outreach.unreached(this.reviews.get(id, ProviderScope.everything()).providerId())
				.ifPresent(unreached -> {
					redirect.addFlashAttribute("unreachedProvider", unreached.providerName());
					if (unreached.hasContact()) {
						redirect.addFlashAttribute("unreachedContact", unreached.contactEmail());
					}
				});
		}
		return done;
	}

	// A challenge and publication
	// --------------------

	@GetMapping("/{id}/decide/{key}")
	String decideForm(@PathVariable UUID id, @PathVariable String key, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Finding finding = review.findingFor(key).orElseThrow(() -> new RecordNotFoundException("No such standard"));
		return decidePage(review, key, ReviewForms.DecisionForm.of(review.version(), finding), model);
	}

	private String decidePage(Review review, String key, ReviewForms.DecisionForm form, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("finding", review.findingFor(key).orElseThrow());
		model.addAttribute("standard", this.reviews.frameworkOf(review).standard(key).orElseThrow());
		model.addAttribute("form", form);
		model.addAttribute("serviceName", serviceName(review));
		model.addAttribute("outcomes", Choice.of(Finding.DisputeOutcome::messageKey, Finding.DisputeOutcome.values()));
		model.addAttribute("ratings", Choice.of(QaRating::messageKey, QaRating.values()));
		return "quality/decide";
	}

	@PostMapping("/{id}/decide/{key}")
	String decide(@PathVariable UUID id, @PathVariable String key,
			@ModelAttribute("form") ReviewForms.DecisionForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.Decision decision = form.toDecision(errors);
		if (decision == null) {
			return decidePage(review, key, form, model);
		}
		return step(id, redirect, "review.saved.decided", () -> this.reviews.decide(id, decision.version(), key,
				decision.outcome(), decision.response(), decision.rating(), decision.findings()));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable UUID id, @ModelAttribute("publishForm") ReviewForms.TextForm form,
			RedirectAttributes redirect) {
		String summary = FormText.clean(form.text());
		if (summary != null && summary.length() > LONG_TEXT) {
			summary = summary.substring(0, LONG_TEXT);
		}
		String disputeSummary = summary;
		return step(id, redirect, "review.saved.published",
				() -> this.reviews.publish(id, form.version(), disputeSummary));
	}

	// The action plan
	// --------------------

	@PostMapping("/{id}/action-plan")
	String actionPlan(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form,
			@RequestParam(defaultValue = "approve") String decision, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if ("return".equals(decision)) {
			String reason = FormText.clean(form.text());
			if (reason == null || reason.length() > LONG_TEXT) {
				redirect.addFlashAttribute("problemKey",
						(reason == null) ? "actionPlan.return.blank" : "actionPlan.return.long");
				return "redirect:/quality/reviews/" + id + "#action-plan";
			}
			return step(id, redirect, "review.saved.planReturned",
					() -> this.reviews.returnActionPlan(id, form.version(), reason));
		}
		return step(id, redirect, "review.saved.planApproved",
				() -> this.reviews.approveActionPlan(id, form.version()));
	}

	// The report
	// --------------------

	@GetMapping("/{id}/report")
	String report(@PathVariable UUID id, Model model) {
		model.addAttribute("report", this.reviews.report(id, ProviderScope.everything()));
		return "quality/report-page";
	}

	@GetMapping("/{id}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable UUID id) {
		var report = this.reviews.report(id, ProviderScope.everything());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(report.review().reference() + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.pdf.render(report));
	}

	// Helpers
	// --------------------

	/** Takes a step and comes back to the review's page, with what happened. */
	private String step(UUID id, RedirectAttributes redirect, String savedKey, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (ReviewChangedException ex) {
			redirect.addFlashAttribute("problemKey", "review.changedByOthers");
		}
		catch (IllegalStateException | IllegalArgumentException | NotPermittedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/quality/reviews/" + id;
	}

	private String serviceName(Review review) {
		return this.register.service(review.careServiceId(), ProviderScope.everything())
			.map(ServiceProfile::name)
			.orElse(review.reference());
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
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

}
