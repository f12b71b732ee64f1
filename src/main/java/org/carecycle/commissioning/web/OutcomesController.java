package org.carecycle.commissioning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carecycle.commissioning.OutcomeMeasure;
import org.carecycle.commissioning.OutcomeMeasures;
import org.carecycle.commissioning.OutcomeMeasures.Area;
import org.carecycle.commissioning.OutcomeMeasures.Point;
import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council's adult social care outcome measures against its region, its nearest
 * neighbours and England, over time: a summary of every measure, a chart and table for
 * each, and the list of neighbours (which commissioners choose).
 */
@Controller
@RequestMapping("/commissioning/outcomes")
class OutcomesController {

	private final OutcomeMeasures outcomes;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	OutcomesController(OutcomeMeasures outcomes, CurrentUser currentUser, MessageSource messages) {
		this.outcomes = outcomes;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/**
	 * A measure's latest year for the summary.
	 *
	 * @param measure the measure
	 * @param latest its latest year's figures
	 * @param previous the year before, if any
	 */
	record Summary(OutcomeMeasure measure, Point latest, Point previous) {
	}

	@GetMapping
	String summary(Model model) {
		Area council = council();
		List<Summary> summaries = new ArrayList<>();
		for (OutcomeMeasure measure : OutcomeMeasure.values()) {
			List<Point> points = this.outcomes.comparison(council.code(), measure)
				.stream()
				.filter(p -> p.council() != null)
				.toList();
			if (!points.isEmpty()) {
				summaries.add(new Summary(measure, points.get(points.size() - 1),
						(points.size() > 1) ? points.get(points.size() - 2) : null));
			}
		}
		model.addAttribute("councilArea", council);
		model.addAttribute("summaries", summaries);
		model.addAttribute("neighbours", this.outcomes.neighbours(council.code()));
		model.addAttribute("activity", this.outcomes.externalShares(council.name()));
		model.addAttribute("canEdit", canEdit());
		return "commissioning/outcomes/summary";
	}

	@GetMapping("/{code:ASC[0-9]}")
	String measure(@PathVariable String code, Model model) {
		OutcomeMeasure measure = OutcomeMeasure.parse(code)
			.orElseThrow(() -> new RecordNotFoundException("No such measure"));
		Area council = council();
		List<Point> points = this.outcomes.comparison(council.code(), measure);
		String name = text(measure.messageKey());
		model.addAttribute("councilArea", council);
		model.addAttribute("measure", measure);
		model.addAttribute("points", points);
		model.addAttribute("chart",
				OutcomeChart.svg("outcome-chart-" + measure.name().toLowerCase(Locale.ROOT),
						text("outcomes.chart.title", name, council.name()),
						text("outcomes.chart.description", council.name(), council.region(), points.size()), points,
						List.of()));
		model.addAttribute("key",
				OutcomeChart.SERIES.stream().map(s -> new String[] { s.key(), OutcomeChart.keySymbol(s) }).toList());
		model.addAttribute("neighbourValues", this.outcomes.neighbourValues(council.code(), measure));
		model.addAttribute("neighbours", this.outcomes.neighbours(council.code()));
		return "commissioning/outcomes/measure";
	}

	@GetMapping("/neighbours")
	String neighbours(Model model) {
		Area council = council();
		model.addAttribute("councilArea", council);
		model.addAttribute("councils",
				this.outcomes.councils().stream().filter(a -> !a.code().equals(council.code())).toList());
		model.addAttribute("chosen", this.outcomes.neighbours(council.code()).stream().map(Area::code).toList());
		return "commissioning/outcomes/neighbours";
	}

	@PostMapping("/neighbours")
	String setNeighbours(@RequestParam(name = "neighbour", required = false) List<String> chosen, Model model,
			RedirectAttributes redirect) {
		Area council = council();
		// only councils on the list count: a made-up code is as good as no choice
		List<String> known = this.outcomes.councils().stream().map(Area::code).toList();
		List<String> codes = (chosen != null) ? chosen.stream().filter(known::contains).distinct().toList() : List.of();
		if (codes.isEmpty() || codes.size() > OutcomeMeasures.MOST_NEIGHBOURS) {
			model.addAttribute("problem",
					codes.isEmpty() ? "outcomes.neighbours.required" : "outcomes.neighbours.tooMany");
			model.addAttribute("councilArea", council);
			model.addAttribute("councils",
					this.outcomes.councils().stream().filter(a -> !a.code().equals(council.code())).toList());
			model.addAttribute("chosen", codes);
			return "commissioning/outcomes/neighbours";
		}
		this.outcomes.setNeighbours(council.code(), codes);
		redirect.addFlashAttribute("neighboursChanged", true);
		return "redirect:/commissioning/outcomes";
	}

	private Area council() {
		return this.outcomes.ownCouncil()
			.orElseThrow(() -> new RecordNotFoundException("No outcome measures are held for this council"));
	}

	private boolean canEdit() {
		return this.currentUser.get().map(u -> u.role() == Role.COMMISSIONER).orElse(false);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
