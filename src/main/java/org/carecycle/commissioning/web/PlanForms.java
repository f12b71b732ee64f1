package org.carecycle.commissioning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.commissioning.CareGroup;
import org.carecycle.commissioning.EvidenceKind;
import org.carecycle.commissioning.IntentionRoute;
import org.carecycle.commissioning.IntentionService;
import org.carecycle.commissioning.IntentionStatus;
import org.carecycle.commissioning.Intentions;
import org.carecycle.commissioning.MarketPosition;
import org.carecycle.commissioning.Strategies;
import org.carecycle.commissioning.Strategy;
import org.carecycle.commissioning.StrategyStatus;
import org.carecycle.concerns.Theme;
import org.carecycle.providers.ServiceType;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The forms of the strategy, intention and Market Position Statement pages, as typed,
 * each checking itself and turning into what the module's services take.
 */
final class PlanForms {

	static final int TITLE = 200;

	static final int LINE = 300;

	static final int NAME = 200;

	static final int LONG_TEXT = Strategies.LONG_TEXT;

	private PlanForms() {
	}

	static Integer version(Errors errors, String version) {
		try {
			return Integer.valueOf(version);
		}
		catch (NumberFormatException | NullPointerException ex) {
			errors.reject("form.error.changedByOthers");
			return null;
		}
	}

	/** A strategy's details. */
	record StrategyForm(String version, String title, String careGroup, String owner, String summary, String fromDay,
			String fromMonth, String fromYear, String toDay, String toMonth, String toYear, String reviewDay,
			String reviewMonth, String reviewYear) {

		static StrategyForm empty() {
			return new StrategyForm("0", null, null, null, null, null, null, null, null, null, null, null, null, null);
		}

		static StrategyForm of(Strategy s) {
			return new StrategyForm(String.valueOf(s.version()), s.title(), s.careGroup().name(),
					String.valueOf(s.ownerId()), s.summary(), day(s.periodFrom()), month(s.periodFrom()),
					year(s.periodFrom()), day(s.periodTo()), month(s.periodTo()), year(s.periodTo()),
					day(s.reviewDueOn()), month(s.reviewDueOn()), year(s.reviewDueOn()));
		}

		Strategies.Details check(Errors errors) {
			String title = FormText.check(errors, "title", this.title, true, TITLE, "strategy.form.title");
			CareGroup group = FormText.choice(errors, "careGroup", this.careGroup, CareGroup.class,
					"strategy.form.careGroup.blank");
			UUID owner = FormText.uuid(this.owner).orElse(null);
			if (owner == null) {
				errors.rejectValue("owner", "strategy.form.owner.blank");
			}
			String summary = FormText.check(errors, "summary", this.summary, false, LONG_TEXT, "strategy.form.summary");
			LocalDate from = FormText.date(errors, "from", this.fromDay, this.fromMonth, this.fromYear,
					"strategy.form.from", true);
			LocalDate to = FormText.date(errors, "to", this.toDay, this.toMonth, this.toYear, "strategy.form.to", true);
			if (from != null && to != null && to.isBefore(from)) {
				errors.rejectValue("toDay", "strategy.form.to.beforeFrom");
			}
			LocalDate review = FormText.date(errors, "review", this.reviewDay, this.reviewMonth, this.reviewYear,
					"strategy.form.review", false);
			if (errors.hasErrors()) {
				return null;
			}
			return new Strategies.Details(title, group, owner, summary, from, to, review);
		}

	}

	/** The Care Act compliance review. */
	record CareActForm(String version, String onDay, String onMonth, String onYear, String reviewer, String findings) {

		static CareActForm of(Strategy s) {
			return new CareActForm(String.valueOf(s.version()), day(s.careActReviewedOn()),
					month(s.careActReviewedOn()), year(s.careActReviewedOn()), s.careActReviewer(),
					s.careActFindings());
		}

		record Checked(LocalDate on, String reviewer, String findings) {
		}

		Checked check(Errors errors, LocalDate today) {
			LocalDate on = FormText.date(errors, "on", this.onDay, this.onMonth, this.onYear, "strategy.careAct.on",
					true);
			if (on != null && on.isAfter(today)) {
				errors.rejectValue("onDay", "strategy.careAct.on.future");
			}
			String reviewer = FormText.check(errors, "reviewer", this.reviewer, true, NAME,
					"strategy.careAct.reviewer");
			String findings = FormText.check(errors, "findings", this.findings, true, LONG_TEXT,
					"strategy.careAct.findings");
			return errors.hasErrors() ? null : new Checked(on, reviewer, findings);
		}

	}

	/** A move of the strategy's status. */
	record StatusForm(String version, String status) {

		StrategyStatus check(Errors errors, Strategy strategy) {
			StrategyStatus target = FormText.choice(errors, "status", this.status, StrategyStatus.class,
					"strategy.status.form.blank");
			if (target != null && !strategy.status().canMoveTo(target)) {
				errors.rejectValue("status", "strategy.status.form.blank");
				return null;
			}
			return target;
		}

	}

	/** A priority for change. */
	record PriorityForm(String title, String owner, String timetable, String dueDay, String dueMonth, String dueYear,
			String resources) {

		static PriorityForm empty() {
			return new PriorityForm(null, null, null, null, null, null, null);
		}

		Strategies.NewPriority check(Errors errors) {
			String title = FormText.check(errors, "title", this.title, true, LINE, "strategy.priority.title");
			String owner = FormText.check(errors, "owner", this.owner, true, NAME, "strategy.priority.owner");
			String timetable = FormText.check(errors, "timetable", this.timetable, true, NAME,
					"strategy.priority.timetable");
			LocalDate due = FormText.date(errors, "due", this.dueDay, this.dueMonth, this.dueYear,
					"strategy.priority.due", false);
			String resources = FormText.check(errors, "resources", this.resources, false, 1000,
					"strategy.priority.resources");
			return errors.hasErrors() ? null : new Strategies.NewPriority(title, owner, timetable, due, resources);
		}

	}

	/** A piece of evidence. */
	record EvidenceForm(String kind, String label, String href, String serviceType, String theme, String locality,
			String measure, String figure) {

		static EvidenceForm empty() {
			return new EvidenceForm(null, null, null, null, null, null, null, null);
		}

		Strategies.NewEvidence check(Errors errors) {
			EvidenceKind kind = FormText.choice(errors, "kind", this.kind, EvidenceKind.class,
					"strategy.evidence.kind.blank");
			String label = FormText.check(errors, "label", this.label, true, LINE, "strategy.evidence.label");
			String href = FormText.check(errors, "href", this.href, false, 500, "strategy.evidence.href");
			if (href != null && !(href.startsWith("/") && !href.startsWith("//")) && !href.startsWith("https://")) {
				errors.rejectValue("href", "strategy.evidence.href.invalid");
			}
			String subject = null;
			if (kind == EvidenceKind.NEEDS_GAP || kind == EvidenceKind.SERVICE_QUALITY
					|| kind == EvidenceKind.REVIEW_FINDINGS) {
				ServiceType type = FormText.choice(errors, "serviceType", this.serviceType, ServiceType.class,
						"strategy.evidence.serviceType.blank");
				subject = (type != null) ? type.name() : null;
			}
			else if (kind == EvidenceKind.CONCERN_THEME) {
				Theme theme = FormText.choice(errors, "theme", this.theme, Theme.class,
						"strategy.evidence.theme.blank");
				subject = (theme != null) ? theme.name() : null;
			}
			else if (kind == EvidenceKind.AREA_PROFILE) {
				subject = FormText.uuid(this.locality).map(UUID::toString).orElse(null);
				if (subject == null) {
					errors.rejectValue("locality", "strategy.evidence.locality.blank");
				}
			}
			else if (kind == EvidenceKind.OUTCOME_MEASURE) {
				subject = FormText.check(errors, "measure", this.measure, true, 20, "strategy.evidence.measure");
			}
			BigDecimal figure = null;
			String typed = FormText.clean(this.figure);
			if (typed != null) {
				try {
					figure = new BigDecimal(typed.replace(",", ""));
					if (figure.abs().compareTo(new BigDecimal("1000000000")) >= 0 || figure.scale() > 2) {
						errors.rejectValue("figure", "strategy.evidence.figure.invalid");
					}
				}
				catch (NumberFormatException ex) {
					errors.rejectValue("figure", "strategy.evidence.figure.invalid");
				}
			}
			return errors.hasErrors() ? null : new Strategies.NewEvidence(kind, label, href, subject, figure);
		}

	}

	/** A review of a strategy in force. */
	record ReviewForm(String version, String onDay, String onMonth, String onYear, String reviewer, String notes,
			String nextDay, String nextMonth, String nextYear) {

		record Checked(LocalDate on, String reviewer, String notes, LocalDate next) {
		}

		Checked check(Errors errors, LocalDate today) {
			LocalDate on = FormText.date(errors, "on", this.onDay, this.onMonth, this.onYear, "strategy.review.on",
					true);
			if (on != null && on.isAfter(today)) {
				errors.rejectValue("onDay", "strategy.review.on.future");
			}
			String reviewer = FormText.check(errors, "reviewer", this.reviewer, true, NAME, "strategy.review.reviewer");
			String notes = FormText.check(errors, "notes", this.notes, true, LONG_TEXT, "strategy.review.notes");
			LocalDate next = FormText.date(errors, "next", this.nextDay, this.nextMonth, this.nextYear,
					"strategy.review.next", true);
			if (next != null && !next.isAfter(today)) {
				errors.rejectValue("nextDay", "strategy.review.next.past");
			}
			return errors.hasErrors() ? null : new Checked(on, reviewer, notes, next);
		}

	}

	/** An intention. */
	record IntentionForm(String version, String priority, String title, String description, String serviceType,
			String locality, String timescale, String startsDay, String startsMonth, String startsYear, String route,
			String status) {

		static IntentionForm empty() {
			return new IntentionForm("0", null, null, null, null, null, null, null, null, null, null, "PROPOSED");
		}

		static IntentionForm of(Intentions.Intention i) {
			return new IntentionForm(String.valueOf(i.version()), String.valueOf(i.priorityId()), i.title(),
					i.description(), i.serviceType().name(),
					(i.localityId() != null) ? i.localityId().toString() : null, i.timescale(), day(i.startsBy()),
					month(i.startsBy()), year(i.startsBy()), i.route().name(), i.status().name());
		}

		Intentions.Details check(Errors errors) {
			UUID priority = FormText.uuid(this.priority).orElse(null);
			if (priority == null) {
				errors.rejectValue("priority", "intention.form.priority.blank");
			}
			String title = FormText.check(errors, "title", this.title, true, LINE, "intention.form.title");
			String description = FormText.check(errors, "description", this.description, false, LONG_TEXT,
					"intention.form.description");
			IntentionService type = FormText.choice(errors, "serviceType", this.serviceType, IntentionService.class,
					"intention.form.serviceType.blank");
			UUID locality = null;
			if (FormText.clean(this.locality) != null) {
				locality = FormText.uuid(this.locality).orElse(null);
				if (locality == null) {
					errors.rejectValue("locality", "intention.form.locality.invalid");
				}
			}
			String timescale = FormText.check(errors, "timescale", this.timescale, true, 100,
					"intention.form.timescale");
			LocalDate starts = FormText.date(errors, "starts", this.startsDay, this.startsMonth, this.startsYear,
					"intention.form.starts", false);
			IntentionRoute route = FormText.choice(errors, "route", this.route, IntentionRoute.class,
					"intention.form.route.blank");
			IntentionStatus status = FormText.choice(errors, "status", this.status, IntentionStatus.class,
					"intention.form.status.blank");
			return errors.hasErrors() ? null : new Intentions.Details(priority, title, description, type, locality,
					timescale, starts, route, status);
		}

	}

	/** The narrative of a section of the Market Position Statement. */
	record NarrativeForm(String narrative) {

		String check(Errors errors) {
			return FormText.check(errors, "narrative", this.narrative, true, MarketPosition.NARRATIVE, "mps.narrative");
		}

	}

	/** Publishing the statement. */
	record PublishForm(String title, String summary) {

		record Checked(String title, String summary) {
		}

		Checked check(Errors errors) {
			String title = FormText.check(errors, "title", this.title, true, TITLE, "mps.publish.title");
			String summary = FormText.check(errors, "summary", this.summary, false, 1000, "mps.publish.summary");
			return errors.hasErrors() ? null : new Checked(title, summary);
		}

	}

	static String day(LocalDate date) {
		return (date != null) ? String.valueOf(date.getDayOfMonth()) : null;
	}

	static String month(LocalDate date) {
		return (date != null) ? String.valueOf(date.getMonthValue()) : null;
	}

	static String year(LocalDate date) {
		return (date != null) ? String.valueOf(date.getYear()) : null;
	}

}
