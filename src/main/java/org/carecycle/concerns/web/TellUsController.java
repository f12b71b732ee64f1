package org.carecycle.concerns.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.SortOrder;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form, one question a page: compliment or concern, which service, what
 * happened and when, who was affected, whether someone is at risk now, who is telling us,
 * how to contact them; then check your answers and a reference. Answers wait in the
 * session until they are sent; a sent form is saved before its reference is shown, and
 * sending the same answers twice saves them once.
 */
@Controller
@RequestMapping("/tell-us")
class TellUsController {

	static final String DRAFT = "tellUsDraft";

	static final String SENT = "tellUsSent";

	private final Concerns concerns;

	private final Register register;

	private final SubmissionLimiter limiter;

	private final Clock clock;

	TellUsController(Concerns concerns, Register register, SubmissionLimiter limiter, Clock clock) {
		this.concerns = concerns;
		this.register = register;
		this.limiter = limiter;
		this.clock = clock;
	}

	/** The questions in order; some are skipped depending on earlier answers. */
	enum Step {

		KIND("kind"), SERVICE("service"), WHAT("what-happened"), WHEN("when"), WHO("who-was-affected"), RISK("risk"),
		YOU("about-you"), DETAILS("your-details"), CONTACT("contact"), CHECK("check");

		final String path;

		Step(String path) {
			this.path = path;
		}

		static Optional<Step> of(String path) {
			for (Step step : values()) {
				if (step.path.equals(path)) {
					return Optional.of(step);
				}
			}
			return Optional.empty();
		}

		boolean appliesTo(TellUsForm draft) {
			return switch (this) {
				case RISK -> !ConcernKind.COMPLIMENT.name().equals(draft.kind());
				case CONTACT -> !"no".equals(draft.giveDetails());
				default -> true;
			};
		}

		/** Whether the draft holds an answer to this question. */
		boolean answered(TellUsForm draft) {
			return switch (this) {
				case KIND -> draft.kind() != null;
				case SERVICE -> draft.serviceId() != null || draft.serviceDescription() != null;
				case WHAT -> draft.whatHappened() != null;
				case WHEN -> draft.whenText() != null || StringUtils.hasText(draft.whenYear());
				case WHO -> true;
				case RISK -> draft.atRisk() != null;
				case YOU -> draft.reporterRole() != null;
				case DETAILS -> draft.giveDetails() != null;
				case CONTACT -> draft.name() != null;
				case CHECK -> false;
			};
		}

	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	/**
	 * The start page; from a service's page in the public directory it names the service
	 * and carries it to the first question. A service that is not found or not operating
	 * is left out, without an error: the form then asks which service as usual.
	 */
	@GetMapping
	String start(@RequestParam(required = false) String service, Model model) {
		chosen(service).ifPresent(row -> model.addAttribute("service", row));
		return "concerns/tell-us/start";
	}

	/** The operating service this parameter names, if it names one. */
	private Optional<ServiceRow> chosen(String service) {
		if (service == null || service.length() > 100) {
			return Optional.empty();
		}
		return ConcernController.parseId(service.strip()).flatMap(this::service);
	}

	@GetMapping("/sent")
	String sent(HttpSession session, Model model) {
		Object reference = session.getAttribute(SENT);
		if (reference == null) {
			return "redirect:/tell-us";
		}
		model.addAttribute("reference", reference);
		return "concerns/tell-us/sent";
	}

	@GetMapping("/emergency")
	String emergency() {
		return "concerns/tell-us/emergency";
	}

	@GetMapping({ "/kind", "/service", "/what-happened", "/when", "/who-was-affected", "/risk", "/about-you",
			"/your-details", "/contact", "/check" })
	String show(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean change,
			@RequestParam(required = false) String service, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Step step = step(request);
		if (step == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		TellUsForm draft = draft(session);
		if (step == Step.KIND && service != null) {
			// started from a service's page in the directory: that service is chosen
			Optional<ServiceRow> chosen = chosen(service);
			if (chosen.isPresent()) {
				draft = draft.withService(chosen.get().id().toString(), label(chosen.get()), null);
				session.setAttribute(DRAFT, draft);
			}
		}
		Step missing = firstUnanswered(draft, step);
		if (missing != step && missing.ordinal() < step.ordinal()) {
			return "redirect:/tell-us/" + missing.path;
		}
		if (!step.appliesTo(draft)) {
			return "redirect:/tell-us/" + next(draft, step).path;
		}
		model.addAttribute("form", draft);
		return page(step, draft, q, change, model);
	}

	@PostMapping({ "/kind", "/service", "/what-happened", "/when", "/who-was-affected", "/risk", "/about-you",
			"/your-details", "/contact", "/check" })
	String save(@ModelAttribute("form") TellUsForm form, BindingResult bound,
			@RequestParam(defaultValue = "false") boolean change, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Step step = step(request);
		if (step == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		TellUsForm draft = draft(session);
		if (step == Step.CHECK) {
			return send(draft, form, session, request, response, model);
		}
		draft = take(step, form, draft, errors);
		session.setAttribute(DRAFT, draft);
		if (errors.hasErrors()) {
			return page(step, form, null, change, model);
		}
		if (step == Step.RISK && AtRisk.YES.name().equals(draft.atRisk())) {
			return "redirect:/tell-us/emergency" + (change ? "?change=true" : "");
		}
		if (change && firstUnanswered(draft, Step.CHECK) == Step.CHECK) {
			return "redirect:/tell-us/check";
		}
		return "redirect:/tell-us/" + next(draft, step).path + (change ? "?change=true" : "");
	}

	private String send(TellUsForm draft, TellUsForm posted, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Step missing = firstUnanswered(draft, Step.CHECK);
		if (missing != Step.CHECK) {
			return "redirect:/tell-us/" + missing.path;
		}
		if (StringUtils.hasText(posted.website())) {
			// A robot filled the field people cannot see: thank it, keep nothing.
			session.removeAttribute(DRAFT);
			session.setAttribute(SENT, "");
			return "redirect:/tell-us/sent";
		}
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			return "concerns/tell-us/too-many";
		}
		Concern concern = AuditLog.asSystem("Public form", () -> this.concerns.receive(draft.toReport(),
				Channel.PUBLIC_FORM, draft.submission(), this.clock.instant()));
		session.removeAttribute(DRAFT);
		session.setAttribute(SENT, concern.reference());
		return "redirect:/tell-us/sent";
	}

	/**
	 * Checks one page's answers: the draft with them, or the draft as it was with the
	 * problems in {@code errors}.
	 */
	private TellUsForm take(Step step, TellUsForm form, TellUsForm draft, BindingResult errors) {
		switch (step) {
			case KIND -> {
				ConcernKind kind = FormText.choice(errors, "kind", form.kind(), ConcernKind.class, "tellUs.kind.blank");
				return (kind != null) ? draft.withKind(kind.name()) : draft;
			}
			case SERVICE -> {
				if ("unknown".equals(form.serviceId())) {
					String description = FormText.check(errors, "serviceDescription", form.serviceDescription(), true,
							500, "tellUs.serviceDescription");
					return (description != null) ? draft.withService(null, null, description) : draft;
				}
				Optional<ServiceRow> service = ConcernController.parseId(form.serviceId()).flatMap(this::service);
				if (service.isEmpty()) {
					errors.rejectValue("serviceId", "tellUs.service.blank");
					return draft;
				}
				return draft.withService(service.get().id().toString(), label(service.get()), null);
			}
			case WHAT -> {
				String text = FormText.check(errors, "whatHappened", form.whatHappened(), true, 10_000,
						ConcernKind.COMPLIMENT.name().equals(draft.kind()) ? "tellUs.whatHappened.compliment"
								: "tellUs.whatHappened");
				return (text != null) ? draft.withWhatHappened(text) : draft;
			}
			case WHEN -> {
				DateInput date = new DateInput(FormText.orEmpty(form.whenDay()), FormText.orEmpty(form.whenMonth()),
						FormText.orEmpty(form.whenYear()));
				String roughly = FormText.check(errors, "whenText", form.whenText(), false, 200, "tellUs.whenText");
				if (errors.hasErrors()) {
					return draft;
				}
				if (date.isBlank() && roughly == null) {
					errors.rejectValue("whenDay", "tellUs.when.blank");
					return draft;
				}
				if (!date.isBlank()) {
					String problem = date.problem();
					if (problem != null) {
						errors.rejectValue("whenDay", problem,
								new Object[] { new DefaultMessageSourceResolvable("tellUs.when.name") }, null);
						return draft;
					}
					if (date.toDate().isAfter(UkTime.today(this.clock))) {
						errors.rejectValue("whenDay", "tellUs.when.future");
						return draft;
					}
					if (date.toDate().isBefore(UkTime.today(this.clock).minusYears(20))) {
						errors.rejectValue("whenDay", "tellUs.when.tooLongAgo");
						return draft;
					}
				}
				return draft.withWhen(date.day().strip(), date.month().strip(), date.year().strip(), roughly);
			}
			case WHO -> {
				String text = FormText.check(errors, "peopleAffected", form.peopleAffected(), false, 2_000,
						"tellUs.peopleAffected");
				return errors.hasErrors() ? draft : draft.withPeopleAffected(text);
			}
			case RISK -> {
				AtRisk risk = FormText.choice(errors, "atRisk", form.atRisk(), AtRisk.class, "tellUs.atRisk.blank");
				return (risk != null) ? draft.withAtRisk(risk.name()) : draft;
			}
			case YOU -> {
				ReporterRole role = FormText.choice(errors, "reporterRole", form.reporterRole(), ReporterRole.class,
						"tellUs.reporterRole.blank");
				return (role != null) ? draft.withReporterRole(role.name()) : draft;
			}
			case DETAILS -> {
				if (!"yes".equals(form.giveDetails()) && !"no".equals(form.giveDetails())) {
					errors.rejectValue("giveDetails", "tellUs.giveDetails.blank");
					return draft;
				}
				return draft.withGiveDetails(form.giveDetails());
			}
			case CONTACT -> {
				String name = FormText.check(errors, "name", form.name(), true, 200, "tellUs.name");
				String email = FormText.email(errors, "email", form.email());
				String phone = FormText.phone(errors, "phone", form.phone());
				if (!errors.hasErrors() && form.consent() && email == null && phone == null) {
					errors.rejectValue("email", "tellUs.contact.none");
				}
				return errors.hasErrors() ? draft : draft.withContact(name, email, phone, form.consent());
			}
			default -> {
				return draft;
			}
		}
	}

	private String page(Step step, TellUsForm form, String q, boolean change, Model model) {
		model.addAttribute("change", change);
		model.addAttribute("step", step.path);
		switch (step) {
			case KIND -> model.addAttribute("kinds",
					List.of(new Choice("CONCERN", "tellUs.kind.CONCERN", null, "tellUs.kind.CONCERN.hint"),
							new Choice("COMPLIMENT", "tellUs.kind.COMPLIMENT", null, "tellUs.kind.COMPLIMENT.hint")));
			case SERVICE -> {
				model.addAttribute("q", q);
				if (StringUtils.hasText(q) && q.strip().length() >= 2 && q.length() <= 100) {
					model
						.addAttribute("results",
								this.register
									.services(
											new ServiceFilter(q.strip(), null, null, null, ServiceStatus.ACTIVE, null,
													null),
											new SortOrder("name", false), 1, 20, ProviderScope.everything())
									.items());
				}
				else if (form.serviceId() != null) {
					model.addAttribute("results",
							ConcernController.parseId(form.serviceId())
								.flatMap(this::service)
								.map(List::of)
								.orElse(List.of()));
				}
				model.addAttribute("searched", StringUtils.hasText(q));
			}
			case RISK -> model.addAttribute("risks", Choice.of(AtRisk::messageKey, AtRisk.values()));
			case YOU -> model.addAttribute("roles",
					java.util.Arrays.stream(ReporterRole.values())
						.map(r -> new Choice(r.name(), r.messageKey(), null,
								(r == ReporterRole.RELATIVE_OR_FRIEND || r == ReporterRole.MEMBER_OF_PUBLIC) ? null
										: "tellUs." + r.messageKey() + ".hint"))
						.toList());
			case DETAILS -> model.addAttribute("detailsChoices",
					List.of(new Choice("yes", "tellUs.giveDetails.yes", null, "tellUs.giveDetails.yes.hint"),
							new Choice("no", "tellUs.giveDetails.no", null, "tellUs.giveDetails.no.hint")));
			case CHECK -> model.addAttribute("answers", CheckAnswers.of(form));
			default -> {
			}
		}
		return "concerns/tell-us/" + step.path;
	}

	private static String label(ServiceRow service) {
		return service.name() + ((service.postcode() != null) ? ", " + service.postcode() : "");
	}

	private Optional<ServiceRow> service(UUID id) {
		return this.register.service(id, ProviderScope.everything())
			.filter(s -> s.status() == ServiceStatus.ACTIVE)
			.map(s -> new ServiceRow(s.id(), s.name(), s.providerId(), s.providerName(), s.cqcLocationId(), s.type(),
					s.clientGroups(), s.localityName(), s.town(), s.postcode(), s.capacity(), s.status(), null, null,
					false, false, null, null, null));
	}

	private static Step firstUnanswered(TellUsForm draft, Step upTo) {
		for (Step step : Step.values()) {
			if (step == upTo) {
				return upTo;
			}
			if (step.appliesTo(draft) && !step.answered(draft)) {
				return step;
			}
		}
		return upTo;
	}

	private static Step next(TellUsForm draft, Step step) {
		for (int i = step.ordinal() + 1; i < Step.values().length; i++) {
			Step next = Step.values()[i];
			if (next.appliesTo(draft)) {
				return next;
			}
		}
		return Step.CHECK;
	}

	private static Step step(HttpServletRequest request) {
		String path = request.getRequestURI();
		return Step.of(path.substring(path.lastIndexOf('/') + 1)).orElse(null);
	}

	static TellUsForm draft(HttpSession session) {
		TellUsForm draft = (TellUsForm) session.getAttribute(DRAFT);
		if (draft == null) {
			draft = TellUsForm.empty();
			session.setAttribute(DRAFT, draft);
		}
		return draft;
	}

}
