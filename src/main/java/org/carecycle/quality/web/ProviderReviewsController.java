package org.carecycle.quality.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.DocumentDownloads;
import org.carecycle.documents.Documents;
import org.carecycle.documents.StoredDocument;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.quality.Finding;
import org.carecycle.quality.ReportPdf;
import org.carecycle.quality.ReportView;
import org.carecycle.quality.Review;
import org.carecycle.quality.ReviewChangedException;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.quality.Reviews;
import org.carecycle.quality.Reviews.ProviderReviewRow;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.DateInput;
import org.carecycle.web.TooLargeUpload;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's side of a quality assurance review: its reviews from the draft on, the
 * report, comments on the draft's factual accuracy and the response, the action plan and
 * later each action marked done with its evidence, and the report as a PDF. A review of
 * another organisation, or one the council has not sent yet, is "not found". A step the
 * review refuses, or one taken on a page someone else has since changed, is explained on
 * the page and changes nothing.
 */
@Controller
@RequestMapping("/my-organisation/reviews")
class ProviderReviewsController {

	private static final String BASE = "/my-organisation/reviews/";

	private static final Locale EN_GB = Locale.forLanguageTag("en-GB");

	/** While the action plan is in force, the provider reports progress on it. */
	static final Set<ReviewStatus> PLAN_IN_FORCE = EnumSet.of(ReviewStatus.ACTION_PLAN_SUBMITTED,
			ReviewStatus.FOLLOW_UP);

	/** What evidence that an action is done may be: a document or a photograph. */
	static final Set<DocumentKind> EVIDENCE_KINDS = EnumSet.of(DocumentKind.PDF, DocumentKind.WORD,
			DocumentKind.OPEN_DOCUMENT_TEXT, DocumentKind.PNG, DocumentKind.JPEG);

	static final int COMMENT_LENGTH = 5_000;

	static final int DESCRIPTION_LENGTH = 2_000;

	static final int OWNER_LENGTH = 200;

	static final int NOTE_LENGTH = 5_000;

	private final Reviews reviews;

	private final ReportPdf reportPdf;

	private final Documents documents;

	private final Register register;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	ProviderReviewsController(Reviews reviews, ReportPdf reportPdf, Documents documents, Register register,
			CurrentUser currentUser, MessageSource messages, Clock clock) {
		this.reviews = reviews;
		this.reportPdf = reportPdf;
		this.documents = documents;
		this.register = register;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	// The list
	// --------------------

	/** What the provider has to do about a review next, and by when. */
	record Due(String messageKey, LocalDate by, boolean overdue) {
	}

	/** A row of the provider's list. */
	record Row(ProviderReviewRow review, String serviceName, Due due) {
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(Model model) {
		SignedInUser user = this.currentUser.require();
		LocalDate today = today();
		Map<UUID, String> services = (user.providerId() == null) ? Map.of()
				: this.register.servicesOf(user.providerId().value(), user.scope())
					.stream()
					.collect(Collectors.toMap(ServiceRow::id, ServiceRow::name));
		List<Row> rows = this.reviews.shownToProvider(user.scope())
			.stream()
			.map(row -> new Row(row, services.getOrDefault(row.careServiceId(), row.reference()),
					due(row.status(), row.commentsDueOn(), row.providerRespondedAt() != null, row.actionPlanDueOn(),
							row.followUpDueOn(), today)))
			.toList();
		model.addAttribute("rows", rows);
		return "quality/provider-reviews";
	}

	static Due due(ReviewStatus status, LocalDate commentsDueOn, boolean responded, LocalDate actionPlanDueOn,
			LocalDate followUpDueOn, LocalDate today) {
		return switch (status) {
			case FACTUAL_ACCURACY -> {
				if (responded) {
					yield new Due("providerReviews.due.responded", null, false);
				}
				if (today.isAfter(commentsDueOn)) {
					yield new Due("providerReviews.due.commentsClosed", null, false);
				}
				yield new Due("providerReviews.due.comments", commentsDueOn, false);
			}
			case DISPUTE_REVIEW -> new Due("providerReviews.due.dispute", null, false);
			case ACTION_PLAN_DUE ->
				new Due("providerReviews.due.actionPlan", actionPlanDueOn, today.isAfter(actionPlanDueOn));
			case ACTION_PLAN_SUBMITTED -> new Due("providerReviews.due.planSent", null, false);
			case FOLLOW_UP -> new Due("providerReviews.due.followUp", followUpDueOn, false);
			default -> new Due("providerReviews.due.nothing", null, false);
		};
	}

	// The report
	// --------------------

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page(id, model);
	}

	@GetMapping("/{id}/report.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		Review review = visible(id);
		byte[] pdf = this.reportPdf.render(this.reviews.report(review.id(), scope()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(review.reference() + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	// Factual accuracy
	// --------------------

	@PostMapping("/{id}/comments/{standardKey}")
	String comment(@PathVariable UUID id, @PathVariable String standardKey,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect) {
		Review review = visible(id);
		if (review.findingFor(standardKey).isEmpty()) {
			throw new RecordNotFoundException("No such standard");
		}
		String text = StringUtils.hasText(comment) ? comment.strip() : null;
		String field = "comment-" + standardKey;
		if (text != null && text.length() > COMMENT_LENGTH) {
			fieldError(model, field, "providerReviews.comment.long", COMMENT_LENGTH);
			typed(model).put(standardKey, comment);
			return page(id, model);
		}
		try {
			this.reviews.comment(id, version, scope(), standardKey, text);
		}
		catch (ReviewChangedException ex) {
			typed(model).put(standardKey, comment);
			return refused(id, model, text("providerReviews.changed"));
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex.getMessage());
		}
		redirect.addFlashAttribute("saved",
				(text != null) ? "providerReviews.comment.saved" : "providerReviews.comment.removed");
		return "redirect:" + BASE + id + "#finding-" + standardKey;
	}

	@PostMapping("/{id}/respond")
	String respond(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, Model model,
			RedirectAttributes redirect) {
		visible(id);
		try {
			this.reviews.respond(id, version, scope());
		}
		catch (ReviewChangedException ex) {
			return refused(id, model, text("providerReviews.changed"));
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex.getMessage());
		}
		Review review = visible(id);
		redirect.addFlashAttribute("saved", review.providerChallenged() ? "providerReviews.respond.challenged"
				: "providerReviews.respond.accepted");
		return "redirect:" + BASE + id;
	}

	// The action plan
	// --------------------

	@PostMapping("/{id}/actions")
	String addAction(@PathVariable UUID id, @ModelAttribute ActionForm actionForm, Model model,
			RedirectAttributes redirect) {
		Review review = visible(id);
		String key = actionForm.standard();
		if (!review.isActionPlanOpen()) {
			return refused(id, model, text("providerReviews.plan.closed"));
		}
		if (key == null || review.findingFor(key).isEmpty()) {
			return refused(id, model, text("providerReviews.action.standard"));
		}
		model.addAttribute("actionForm", actionForm);
		String description = actionForm.description();
		if (!StringUtils.hasText(description)) {
			fieldError(model, "description-" + key, "providerReviews.action.description.blank");
		}
		else if (description.strip().length() > DESCRIPTION_LENGTH) {
			fieldError(model, "description-" + key, "providerReviews.action.description.long", DESCRIPTION_LENGTH);
		}
		String owner = actionForm.owner();
		if (!StringUtils.hasText(owner)) {
			fieldError(model, "owner-" + key, "providerReviews.action.owner.blank");
		}
		else if (owner.strip().length() > OWNER_LENGTH) {
			fieldError(model, "owner-" + key, "providerReviews.action.owner.long", OWNER_LENGTH);
		}
		DateInput due = actionForm.due();
		String dateName = text("providerReviews.action.due.name");
		if (due.isBlank()) {
			fieldError(model, "due-" + key, "providerReviews.action.due.blank");
		}
		else if (due.problem() != null) {
			fieldError(model, "due-" + key, due.problem(), dateName);
		}
		else if (due.toDate().isBefore(today())) {
			fieldError(model, "due-" + key, "providerReviews.action.due.past");
		}
		if (!fieldErrors(model).isEmpty()) {
			return page(id, model);
		}
		try {
			this.reviews.addAction(id, scope(), key, description.strip(), owner.strip(), due.toDate());
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return refused(id, model, ex.getMessage());
		}
		redirect.addFlashAttribute("saved", "providerReviews.action.added");
		return "redirect:" + BASE + id + "#plan-" + key;
	}

	@PostMapping("/{id}/actions/{actionId}/remove")
	String removeAction(@PathVariable UUID id, @PathVariable UUID actionId, Model model, RedirectAttributes redirect) {
		visible(id);
		Reviews.Action action = action(id, actionId);
		try {
			this.reviews.removeAction(id, scope(), actionId);
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex.getMessage());
		}
		redirect.addFlashAttribute("saved", "providerReviews.action.removed");
		return "redirect:" + BASE + id + "#plan-" + action.standardKey();
	}

	@PostMapping("/{id}/action-plan")
	String submitActionPlan(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, Model model,
			RedirectAttributes redirect) {
		visible(id);
		try {
			this.reviews.submitActionPlan(id, version, scope());
		}
		catch (ReviewChangedException ex) {
			return refused(id, model, text("providerReviews.changed"));
		}
		catch (IllegalStateException ex) {
			return refused(id, model, ex.getMessage());
		}
		redirect.addFlashAttribute("saved", "providerReviews.plan.sent");
		return "redirect:" + BASE + id;
	}

	// Progress on the plan
	// --------------------

	@GetMapping("/{id}/actions/{actionId}/complete")
	String completeForm(@PathVariable UUID id, @PathVariable UUID actionId, Model model, RedirectAttributes redirect) {
		Review review = visible(id);
		Reviews.Action action = action(id, actionId);
		if (!PLAN_IN_FORCE.contains(review.status())) {
			redirect.addFlashAttribute("problemText", text("providerReviews.complete.notInForce"));
			return "redirect:" + BASE + id;
		}
		model.addAttribute("form", CompleteActionForm.of(action));
		TooLargeUpload.showOn(model, "form", "document", "providerReviews.evidence.large");
		return completePage(review, action, model);
	}

	@PostMapping("/{id}/actions/{actionId}/complete")
	String complete(@PathVariable UUID id, @PathVariable UUID actionId, @ModelAttribute("form") CompleteActionForm form,
			BindingResult bound, Model model, RedirectAttributes redirect) throws IOException {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Review review = visible(id);
		Reviews.Action action = action(id, actionId);
		if (!PLAN_IN_FORCE.contains(review.status())) {
			redirect.addFlashAttribute("problemText", text("providerReviews.complete.notInForce"));
			return "redirect:" + BASE + id;
		}
		CompleteActionForm.Completion completion = form.toCompletion(errors, today(),
				text("providerReviews.complete.done.name"), NOTE_LENGTH);
		MultipartFile document = form.document();
		byte[] content = null;
		if (form.hasDocument()) {
			if (document.getSize() > Documents.MAX_BYTES) {
				errors.rejectValue("document", "providerReviews.evidence.large");
			}
			else {
				content = document.getBytes();
				this.documents.problemWith(content, EVIDENCE_KINDS)
					.ifPresent(problem -> errors.rejectValue("document", evidenceProblem(problem)));
			}
		}
		if (errors.hasErrors()) {
			return completePage(review, action, model);
		}
		UUID documentId = null;
		if (content != null) {
			documentId = this.documents.store(document.getOriginalFilename(), content, EVIDENCE_KINDS).document().id();
		}
		try {
			this.reviews.completeAction(id, scope(), actionId, completion.done(), completion.note(), documentId);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			model.addAttribute("problemText", ex.getMessage());
			model.addAttribute("pageHasErrors", true);
			return completePage(review, action, model);
		}
		redirect.addFlashAttribute("saved", "providerReviews.complete.saved");
		return "redirect:" + BASE + id + "#plan-" + action.standardKey();
	}

	private static String evidenceProblem(String problem) {
		return switch (problem) {
			case "document.error.kind" -> "providerReviews.evidence.kind";
			case "document.error.large" -> "providerReviews.evidence.large";
			default -> problem;
		};
	}

	private String completePage(Review review, Reviews.Action action, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("action", action);
		model.addAttribute("standardName",
				this.reviews.frameworkOf(review)
					.standard(action.standardKey())
					.map(standard -> standard.name())
					.orElse(action.standardKey()));
		return "quality/provider-complete-action";
	}

	/** An evidence document the provider uploaded for one of this review's actions. */
	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		visible(id);
		boolean ownEvidence = this.reviews.actions(id)
			.stream()
			.anyMatch(action -> documentId.equals(action.evidenceDocumentId()));
		if (!ownEvidence || !this.reviews.isEvidence(id, documentId)) {
			throw new RecordNotFoundException("No such document");
		}
		return DocumentDownloads.download(this.documents, documentId);
	}

	// The page
	// --------------------

	/** A problem for the error summary: its text and, for a field, the field's id. */
	record Problem(String href, String text) {
	}

	private String page(UUID id, Model model) {
		ReportView report = this.reviews.report(visible(id).id(), scope());
		Review review = report.review();
		LocalDate today = today();
		model.addAttribute("report", report);
		model.addAttribute("review", review);
		model.addAttribute("openForComments", review.isOpenForComments(today));
		model.addAttribute("planOpen", review.isActionPlanOpen());
		model.addAttribute("planInForce", PLAN_IN_FORCE.contains(review.status()));
		model.addAttribute("comments", review.findings().stream().filter(Finding::isChallenged).count());
		model.addAttribute("due", due(review.status(), review.commentsDueOn(), review.providerRespondedAt() != null,
				review.actionPlanDueOn(), review.followUpDueOn(), today));
		if (!model.containsAttribute("actionForm")) {
			model.addAttribute("actionForm", ActionForm.empty());
		}
		typed(model);
		Map<String, String> fieldErrors = fieldErrors(model);
		List<Problem> problems = new ArrayList<>();
		Object problemText = model.getAttribute("problemText");
		if (problemText != null) {
			problems.add(new Problem(null, problemText.toString()));
		}
		fieldErrors.forEach((field, message) -> problems.add(new Problem("#" + field, message)));
		model.addAttribute("problems", problems);
		model.addAttribute("pageHasErrors", !problems.isEmpty());
		return "quality/provider-review";
	}

	private String refused(UUID id, Model model, String message) {
		model.addAttribute("problemText", message);
		return page(id, model);
	}

	private void fieldError(Model model, String field, String key, Object... args) {
		fieldErrors(model).putIfAbsent(field, text(key, args));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> fieldErrors(Model model) {
		return (Map<String, String>) model.asMap().computeIfAbsent("fieldErrors", name -> new LinkedHashMap<>());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> typed(Model model) {
		return (Map<String, String>) model.asMap().computeIfAbsent("typed", name -> new HashMap<>());
	}

	/** A review the signed-in provider may see; any other is "not found". */
	private Review visible(UUID id) {
		Review review = this.reviews.get(id, scope());
		if (!Reviews.SHOWN_TO_PROVIDER.contains(review.status())) {
			throw new RecordNotFoundException("No such review");
		}
		return review;
	}

	private Reviews.Action action(UUID reviewId, UUID actionId) {
		return this.reviews.actions(reviewId)
			.stream()
			.filter(action -> action.id().equals(actionId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No such action"));
	}

	private ProviderScope scope() {
		return this.currentUser.require().scope();
	}

	/** Today in England, where the council counts its deadlines. */
	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, EN_GB);
	}

}
