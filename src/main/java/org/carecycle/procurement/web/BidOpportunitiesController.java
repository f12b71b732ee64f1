package org.carecycle.procurement.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.documents.DocumentDownloads;
import org.carecycle.documents.DocumentKind;
import org.carecycle.documents.Documents;
import org.carecycle.identity.CurrentUser;
import org.carecycle.procurement.BidDeadlinePassedException;
import org.carecycle.procurement.BidViews.BidFile;
import org.carecycle.procurement.BidViews.BidReceipt;
import org.carecycle.procurement.CriterionKind;
import org.carecycle.procurement.TenderBids;
import org.carecycle.procurement.TenderViews.Criterion;
import org.carecycle.procurement.TenderViews.Lot;
import org.carecycle.procurement.TenderViews.TenderPage;
import org.carecycle.procurement.TenderViews.TenderView;
import org.carecycle.procurement.Tenders;
import org.carecycle.procurement.web.TenderForms.QuestionForm;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.FormText;
import org.carecycle.web.TooLargeUpload;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
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
 * The provider's side of tenders in the portal: published opportunities, the tender
 * documents, clarification questions (its own, and every answer the council has
 * published), and its bids for each lot, each submission a new version with a receipt. A
 * provider sees only its own bids, and never what another provider asked.
 */
@Controller
@RequestMapping("/my-organisation/opportunities")
class BidOpportunitiesController {

	static final String BASE = "/my-organisation/opportunities/";

	/** What a bid may include: documents and spreadsheets of prices. */
	static final java.util.Set<DocumentKind> BID_KINDS = java.util.EnumSet.of(DocumentKind.PDF, DocumentKind.WORD,
			DocumentKind.OPEN_DOCUMENT_TEXT);

	static final int ANSWER_LENGTH = 10_000;

	private final Tenders tenders;

	private final TenderBids bids;

	private final Documents documents;

	private final CurrentUser currentUser;

	private final Clock clock;

	BidOpportunitiesController(Tenders tenders, TenderBids bids, Documents documents, CurrentUser currentUser,
			Clock clock) {
		this.tenders = tenders;
		this.bids = bids;
		this.documents = documents;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rows", this.tenders.published());
		model.addAttribute("now", this.clock.instant());
		return "procurement/opportunities";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page(id, model);
	}

	private String page(UUID id, Model model) {
		TenderView tender = visible(id);
		TenderPage page = this.tenders.page(id, provider());
		model.addAttribute("page", page);
		model.addAttribute("t", tender);
		model.addAttribute("now", this.clock.instant());
		List<BidReceipt> receipts = this.bids.receipts(id, provider());
		Map<UUID, BidReceipt> latest = new LinkedHashMap<>();
		receipts.forEach(receipt -> latest.putIfAbsent(receipt.lotId(), receipt));
		model.addAttribute("receipts", receipts);
		model.addAttribute("receiptsByLot", latest);
		if (!model.containsAttribute("questionForm")) {
			model.addAttribute("questionForm", new QuestionForm(null));
		}
		return "procurement/opportunity";
	}

	@PostMapping("/{id}/questions")
	String ask(@PathVariable UUID id, @ModelAttribute("questionForm") QuestionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		TenderView tender = visible(id);
		BindingResult errors = org.carecycle.web.FormBinding.checked(form, bound, model);
		String question = FormText.check(errors, "question", form.question(), true, TenderForms.QUESTION_LENGTH,
				"opportunities.question");
		if (!errors.hasErrors() && !tender.openForBids(this.clock.instant())) {
			errors.rejectValue("question", "opportunities.question.closed");
		}
		if (errors.hasErrors()) {
			return page(id, model);
		}
		try {
			this.tenders.ask(id, provider(), question);
		}
		catch (IllegalStateException ex) {
			errors.rejectValue("question", "opportunities.question.closed");
			return page(id, model);
		}
		redirect.addFlashAttribute("saved", "opportunities.question.sent");
		return "redirect:" + BASE + id + "#clarifications";
	}

	@GetMapping("/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		visible(id);
		if (!this.tenders.hasDocument(id, documentId)) {
			throw new RecordNotFoundException("No such document");
		}
		return DocumentDownloads.download(this.documents, documentId);
	}

	// Bidding
	// --------------------

	/** A question the bid answers: a criterion without sub-criteria, other than price. */
	record Question(Criterion criterion, String field) {
	}

	@GetMapping("/{id}/lots/{lotId}/bid")
	String bidForm(@PathVariable UUID id, @PathVariable UUID lotId, Model model) {
		return bidPage(id, lotId, model, Map.of(), Map.of());
	}

	private String bidPage(UUID id, UUID lotId, Model model, Map<String, String> typed, Map<String, String> problems) {
		TenderView tender = visible(id);
		Lot lot = lot(id, lotId);
		model.addAttribute("t", tender);
		model.addAttribute("lot", lot);
		model.addAttribute("questions", questions(id));
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		model.addAttribute("open", tender.openForBids(this.clock.instant()));
		List<BidReceipt> receipts = this.bids.receipts(id, provider())
			.stream()
			.filter(receipt -> receipt.lotId().equals(lotId))
			.toList();
		model.addAttribute("receipts", receipts);
		if (Boolean.TRUE.equals(model.getAttribute("uploadTooLarge")) && !problems.containsKey("document")) {
			Map<String, String> withUpload = new LinkedHashMap<>(problems);
			withUpload.put("document", "document.error.large");
			model.addAttribute("problems", withUpload);
		}
		return "procurement/bid-form";
	}

	@PostMapping("/{id}/lots/{lotId}/bid")
	String submit(@PathVariable UUID id, @PathVariable UUID lotId, @RequestParam Map<String, String> params,
			@RequestParam(name = "document", required = false) MultipartFile document, Model model,
			RedirectAttributes redirect) throws IOException {
		TenderView tender = visible(id);
		lot(id, lotId);
		Map<String, String> problems = new LinkedHashMap<>();
		BindingResult errors = new BeanPropertyBindingResult(new Object(), "bid");
		BigDecimal price = TenderForms.money(new FieldErrors(problems, "price"), "price", params.get("price"), true,
				"opportunities.bid.price");
		Map<UUID, String> answers = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("price", params.get("price"));
		for (Question question : questions(id)) {
			String value = params.get(question.field());
			typed.put(question.field(), value);
			String text = FormText.clean(value);
			if (text == null) {
				problems.put(question.field(), question.criterion().kind() == CriterionKind.PASS_FAIL
						? "opportunities.bid.passFail.blank" : "opportunities.bid.answer.blank");
				continue;
			}
			if (question.criterion().kind() == CriterionKind.PASS_FAIL && !text.equals("Yes") && !text.equals("No")) {
				problems.put(question.field(), "opportunities.bid.passFail.blank");
				continue;
			}
			if (text.length() > ANSWER_LENGTH) {
				problems.put(question.field(), "opportunities.bid.answer.long");
				continue;
			}
			answers.put(question.criterion().id(), text);
		}
		List<BidFile> files = new ArrayList<>();
		if (document != null && !document.isEmpty()) {
			if (document.getSize() > org.carecycle.documents.Documents.MAX_BYTES) {
				problems.put("document", "document.error.large");
			}
			else {
				byte[] content = document.getBytes();
				var problem = this.documents.problemWith(content, BID_KINDS);
				if (problem.isPresent()) {
					problems.put("document", problem.get());
				}
				else {
					DocumentKind kind = DocumentKind.of(content).orElseThrow();
					files.add(new BidFile(fileName(document.getOriginalFilename(), kind), kind.name(), content));
				}
			}
		}
		if (!problems.isEmpty() || errors.hasErrors()) {
			return bidPage(id, lotId, model, typed, problems);
		}
		if (!tender.openForBids(this.clock.instant())) {
			problems.put("price", "opportunities.bid.late");
			return bidPage(id, lotId, model, typed, problems);
		}
		BidReceipt receipt;
		try {
			receipt = this.bids.submit(id, lotId, provider(), price, answers, files);
		}
		catch (BidDeadlinePassedException ex) {
			this.bids.recordLateBid(id, provider());
			problems.put("price", "opportunities.bid.late");
			return bidPage(id, lotId, model, typed, problems);
		}
		redirect.addFlashAttribute("saved", "opportunities.bid.received");
		redirect.addFlashAttribute("receipt", receipt);
		return "redirect:" + BASE + id + "#bids";
	}

	private List<Question> questions(UUID tenderId) {
		List<Criterion> criteria = this.tenders.criteria(tenderId);
		return criteria.stream()
			.filter(c -> c.kind() != CriterionKind.PRICE)
			.filter(c -> criteria.stream().noneMatch(child -> c.id().equals(child.parentId())))
			.map(c -> new Question(c, "answer-" + c.id()))
			.toList();
	}

	/**
	 * The file's own name, without a path, control characters or a misleading extension.
	 */
	static String fileName(String original, DocumentKind kind) {
		String name = (original == null) ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		if (base.isBlank()) {
			base = "document";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base + "." + kind.extension();
	}

	private TenderView visible(UUID id) {
		return this.tenders.findPublished(id).orElseThrow(() -> new RecordNotFoundException("No such opportunity"));
	}

	private Lot lot(UUID tenderId, UUID lotId) {
		return this.tenders.lots(tenderId)
			.stream()
			.filter(lot -> lot.id().equals(lotId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No such lot"));
	}

	private ProviderId provider() {
		return this.currentUser.require()
			.provider()
			.orElseThrow(() -> new RecordNotFoundException("Not a provider's user"));
	}

	/** Collects one field's problem into the page's map of problems. */
	private static final class FieldErrors extends org.springframework.validation.AbstractErrors {

		private final Map<String, String> problems;

		private final String field;

		FieldErrors(Map<String, String> problems, String field) {
			this.problems = problems;
			this.field = field;
		}

		@Override
		public String getObjectName() {
			return "bid";
		}

		@Override
		public void reject(String errorCode, Object[] errorArgs, String defaultMessage) {
			this.problems.put(this.field, errorCode);
		}

		@Override
		public void rejectValue(String field, String errorCode, Object[] errorArgs, String defaultMessage) {
			this.problems.put(this.field, errorCode);
		}

		@Override
		public List<org.springframework.validation.ObjectError> getGlobalErrors() {
			return List.of();
		}

		@Override
		public List<org.springframework.validation.FieldError> getFieldErrors() {
			return List.of();
		}

		@Override
		public Object getFieldValue(String field) {
			return null;
		}

	}

}
