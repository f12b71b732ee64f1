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
import org.carecycle.quality.Reviews.AlreadyPlannedException;
import org.carecycle.quality.Reviews.NotPermittedException;
import org.carecycle.quality.Reviews.ReviewChangedException;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;
import org.carecycle.web.TooLargeUpload;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
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

	private static final int LONG_TEXT = 20_000;

	private final Reviews reviews;

	private final QualityViews views;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final ConcernQueue concerns;

	private final Documents documents;

	private final Clock clock;

	private final ReportPdf pdf;

	ReviewController(Reviews reviews, QualityViews views, Register register, UserDirectory users,
			CurrentUser currentUser, ConcernQueue concerns, Documents documents, Clock clock, ReportPdf pdf) {
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
		ReviewForms.PlanForm form = new ReviewForms.PlanForm();
		form.setService((service != null) ? service.toString() : null);
		form.setKind(ReviewKind.ANNUAL.name());
		form.setOfficer(this.currentUser.require().id().toString());
		return planPage(form, service, model);
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
	String plan(@ModelAttribute("form") ReviewForms.PlanForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UUID serviceId = FormText.uuid(form.getService()).orElseThrow(() -> new RecordNotFoundException("No service"));
		ReviewKind kind = FormText.choice(errors, "kind", form.getKind(), ReviewKind.class, "plan.kind.blank");
		LocalDate date = date(errors, "date", form.getDateDay(), form.getDateMonth(), form.getDateYear(), "plan.date",
				true);
		UUID officer = officer(errors, form.getOfficer());
		if (errors.hasErrors()) {
			return planPage(form, serviceId, model);
		}
		try {
			Review review = this.reviews.plan(serviceId, kind, date, officer, null);
			redirect.addFlashAttribute("saved", "review.saved.planned");
			return "redirect:/quality/reviews/" + review.id();
		}
		catch (AlreadyPlannedException ex) {
			errors.reject("plan.alreadyPlanned");
			return planPage(form, serviceId, model);
		}
	}

	private UUID officer(BindingResult errors, String value) {
		Optional<UUID> id = FormText.uuid(value);
		if (id.isEmpty() || officerChoices().stream().noneMatch(choice -> choice.value().equals(value))) {
			errors.rejectValue("officer", "plan.officer.blank");
			return null;
		}
		return id.get();
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
			ReviewForms.TextForm publish = new ReviewForms.TextForm();
			publish.setVersion(review.version());
			model.addAttribute("publishForm", publish);
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
		ReviewForms.PlanForm form = new ReviewForms.PlanForm();
		form.setVersion(review.version());
		DateInput date = DateInput.of(review.plannedFor());
		form.setDateDay(date.day());
		form.setDateMonth(date.month());
		form.setDateYear(date.year());
		form.setOfficer((review.officerId() != null) ? review.officerId().toString() : null);
		return reschedulePage(review, form, model);
	}

	private String reschedulePage(Review review, ReviewForms.PlanForm form, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("form", form);
		model.addAttribute("officers", officerChoices());
		model.addAttribute("serviceName", serviceName(review));
		return "quality/reschedule";
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.PlanForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		LocalDate date = date(errors, "date", form.getDateDay(), form.getDateMonth(), form.getDateYear(), "plan.date",
				true);
		UUID officer = officer(errors, form.getOfficer());
		if (errors.hasErrors()) {
			return reschedulePage(review, form, model);
		}
		return step(id, redirect, "review.saved.rescheduled",
				() -> this.reviews.reschedule(id, form.getVersion(), date, officer));
	}

	@GetMapping("/{id}/cancel")
	String cancelForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.TextForm form = new ReviewForms.TextForm();
		form.setVersion(review.version());
		return textPage(review, form, "cancel", model);
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		String reason = FormText.check(errors, "text", form.getText(), true, 2_000, "cancel.reason");
		if (errors.hasErrors()) {
			return textPage(review, form, "cancel", model);
		}
		return step(id, redirect, "review.saved.cancelled", () -> this.reviews.cancel(id, form.getVersion(), reason));
	}

	// The visit
	// --------------------

	@GetMapping("/{id}/visit")
	String visitForm(@PathVariable UUID id, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		ReviewForms.VisitForm form = new ReviewForms.VisitForm();
		form.setVersion(review.version());
		DateInput start = DateInput.of(Optional.ofNullable(review.visitStartedOn()).orElse(review.plannedFor()));
		DateInput end = DateInput.of(Optional.ofNullable(review.visitEndedOn()).orElse(review.plannedFor()));
		form.setStartDay(start.day());
		form.setStartMonth(start.month());
		form.setStartYear(start.year());
		form.setEndDay(end.day());
		form.setEndMonth(end.month());
		form.setEndYear(end.year());
		form.setAnnounced((review.announced() != null) ? review.announced().toString() : null);
		form.setPeopleSpokenTo(review.peopleSpokenTo());
		form.setDocumentsRequested(review.documentsRequested());
		return visitPage(review, form, model);
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
	String visit(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.VisitForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		LocalDate start = date(errors, "start", form.getStartDay(), form.getStartMonth(), form.getStartYear(),
				"visit.start", true);
		LocalDate end = date(errors, "end", form.getEndDay(), form.getEndMonth(), form.getEndYear(), "visit.end", true);
		if (start != null && start.isAfter(today())) {
			errors.rejectValue("startDay", "visit.start.future");
		}
		if (start != null && end != null && end.isBefore(start)) {
			errors.rejectValue("endDay", "visit.end.beforeStart");
		}
		if (end != null && end.isAfter(today())) {
			errors.rejectValue("endDay", "visit.end.future");
		}
		if (!"true".equals(form.getAnnounced()) && !"false".equals(form.getAnnounced())) {
			errors.rejectValue("announced", "visit.announced.blank");
		}
		String people = FormText.check(errors, "peopleSpokenTo", form.getPeopleSpokenTo(), true, LONG_TEXT,
				"visit.people");
		String requested = FormText.check(errors, "documentsRequested", form.getDocumentsRequested(), false, LONG_TEXT,
				"visit.documents");
		if (errors.hasErrors()) {
			return visitPage(review, form, model);
		}
		return step(id, redirect, "review.saved.visit", () -> this.reviews.recordVisit(id, form.getVersion(), start,
				end, Boolean.parseBoolean(form.getAnnounced()), people, requested));
	}

	// A standard: its evidence and rating
	// --------------------

	@GetMapping("/{id}/standards/{key}")
	String standardForm(@PathVariable UUID id, @PathVariable String key, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Finding finding = review.findingFor(key).orElseThrow(() -> new RecordNotFoundException("No such standard"));
		ReviewForms.FindingForm form = new ReviewForms.FindingForm();
		form.setVersion(review.version());
		form.setRating((finding.rating() != null) ? finding.rating().name() : null);
		form.setFindings(finding.findings());
		model.addAttribute("evidenceForm", new ReviewForms.EvidenceForm());
		TooLargeUpload.showOn(model, "evidenceForm", "document", "document.error.large");
		return standardPage(review, key, form, model);
	}

	private String standardPage(Review review, String key, ReviewForms.FindingForm form, Model model) {
		Framework.Standard standard = this.reviews.frameworkOf(review)
			.standard(key)
			.orElseThrow(() -> new RecordNotFoundException("No such standard"));
		model.addAttribute("review", review);
		model.addAttribute("standard", standard);
		model.addAttribute("form", form);
		if (!model.containsAttribute("evidenceForm")) {
			model.addAttribute("evidenceForm", new ReviewForms.EvidenceForm());
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
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		QaRating rating = FormText.choice(errors, "rating", form.getRating(), QaRating.class, "finding.rating.blank");
		String findings = FormText.check(errors, "findings", form.getFindings(), true, LONG_TEXT, "finding.findings");
		if (errors.hasErrors()) {
			return standardPage(review, key, form, model);
		}
		return step(id, redirect, "review.saved.finding",
				() -> this.reviews.rate(id, form.getVersion(), key, rating, findings));
	}

	@PostMapping("/{id}/evidence/{key}")
	String addEvidence(@PathVariable UUID id, @PathVariable String key,
			@ModelAttribute("evidenceForm") ReviewForms.EvidenceForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) throws IOException {
		Review review = this.reviews.get(id, ProviderScope.everything());
		String text = FormText.check(errors, "text", form.getText(), false, LONG_TEXT, "evidence.text");
		MultipartFile document = form.getDocument();
		byte[] content = null;
		if (document != null && !(document.isEmpty() && !StringUtils.hasText(document.getOriginalFilename()))) {
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
		String kind = (content != null) ? "DOCUMENT" : form.getKind();
		if (content == null && !"NOTE".equals(kind) && !"OBSERVATION".equals(kind)) {
			errors.rejectValue("kind", "evidence.kind.blank");
		}
		if (text == null && content == null && !errors.hasFieldErrors("document") && !errors.hasFieldErrors("text")) {
			errors.rejectValue("text", "evidence.text.blank");
		}
		if (errors.hasErrors()) {
			ReviewForms.FindingForm findingForm = new ReviewForms.FindingForm();
			review.findingFor(key).ifPresent(finding -> {
				findingForm.setRating((finding.rating() != null) ? finding.rating().name() : null);
				findingForm.setFindings(finding.findings());
			});
			findingForm.setVersion(review.version());
			return standardPage(review, key, findingForm, model);
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
		ReviewForms.TextForm form = new ReviewForms.TextForm();
		form.setVersion(review.version());
		form.setText(review.summary());
		return textPage(review, form, "summary", model);
	}

	@PostMapping("/{id}/summary")
	String summary(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		String text = FormText.check(errors, "text", form.getText(), true, LONG_TEXT, "summary.text");
		if (errors.hasErrors()) {
			return textPage(review, form, "summary", model);
		}
		return step(id, redirect, "review.saved.summary", () -> this.reviews.writeSummary(id, form.getVersion(), text));
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
		return step(id, redirect, "review.saved.sent", () -> this.reviews.sendToProvider(id, version));
	}

	// A challenge and publication
	// --------------------

	@GetMapping("/{id}/decide/{key}")
	String decideForm(@PathVariable UUID id, @PathVariable String key, Model model) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Finding finding = review.findingFor(key).orElseThrow(() -> new RecordNotFoundException("No such standard"));
		ReviewForms.DecisionForm form = new ReviewForms.DecisionForm();
		form.setVersion(review.version());
		form.setOutcome((finding.disputeOutcome() != null) ? finding.disputeOutcome().name() : null);
		form.setResponse(finding.disputeResponse());
		form.setRating((finding.rating() != null) ? finding.rating().name() : null);
		form.setFindings(finding.findings());
		return decidePage(review, key, form, model);
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
			@ModelAttribute("form") ReviewForms.DecisionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Review review = this.reviews.get(id, ProviderScope.everything());
		Finding.DisputeOutcome outcome = FormText.choice(errors, "outcome", form.getOutcome(),
				Finding.DisputeOutcome.class, "decide.outcome.blank");
		String response = FormText.check(errors, "response", form.getResponse(), true, LONG_TEXT, "decide.response");
		QaRating rating = null;
		String findings = null;
		if (outcome == Finding.DisputeOutcome.UPHELD) {
			rating = FormText.choice(errors, "rating", form.getRating(), QaRating.class, "finding.rating.blank");
			findings = FormText.check(errors, "findings", form.getFindings(), true, LONG_TEXT, "finding.findings");
		}
		if (errors.hasErrors()) {
			return decidePage(review, key, form, model);
		}
		QaRating newRating = rating;
		String newFindings = findings;
		return step(id, redirect, "review.saved.decided",
				() -> this.reviews.decide(id, form.getVersion(), key, outcome, response, newRating, newFindings));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable UUID id, @ModelAttribute("publishForm") ReviewForms.TextForm form,
			RedirectAttributes redirect) {
		String summary = FormText.clean(form.getText());
		if (summary != null && summary.length() > LONG_TEXT) {
			summary = summary.substring(0, LONG_TEXT);
		}
		String disputeSummary = summary;
		return step(id, redirect, "review.saved.published",
				() -> this.reviews.publish(id, form.getVersion(), disputeSummary));
	}

	// The action plan
	// --------------------

	@PostMapping("/{id}/action-plan")
	String actionPlan(@PathVariable UUID id, @ModelAttribute("form") ReviewForms.TextForm form,
			@RequestParam(defaultValue = "approve") String decision, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if ("return".equals(decision)) {
			String reason = FormText.clean(form.getText());
			if (reason == null || reason.length() > LONG_TEXT) {
				redirect.addFlashAttribute("problemKey",
						(reason == null) ? "actionPlan.return.blank" : "actionPlan.return.long");
				return "redirect:/quality/reviews/" + id + "#action-plan";
			}
			return step(id, redirect, "review.saved.planReturned",
					() -> this.reviews.returnActionPlan(id, form.getVersion(), reason));
		}
		return step(id, redirect, "review.saved.planApproved",
				() -> this.reviews.approveActionPlan(id, form.getVersion()));
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

	private LocalDate date(BindingResult errors, String field, String day, String month, String year, String prefix,
			boolean required) {
		DateInput input = new DateInput(FormText.orEmpty(day), FormText.orEmpty(month), FormText.orEmpty(year));
		Object[] name = { new DefaultMessageSourceResolvable(prefix + ".name") };
		if (input.isBlank()) {
			if (required) {
				errors.rejectValue(field + "Day", prefix + ".blank");
			}
			return null;
		}
		if (input.problem() != null) {
			errors.rejectValue(field + "Day", input.problem(), name, null);
			return null;
		}
		LocalDate date = input.toDate();
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			errors.rejectValue(field + "Day", "date.error.real", name, null);
			return null;
		}
		return date;
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
