package org.carecycle.commissioning.web;

import java.util.Arrays;

import org.carecycle.commissioning.CareGroup;
import org.carecycle.commissioning.CycleStage;
import org.carecycle.commissioning.CycleView;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The commissioning cycle: the module's landing page, with every care group's place in
 * Analyse, Plan, Do and Review, and one care group's chain from evidence to review.
 */
@Controller
class CycleController {

	private final CycleView cycle;

	CycleController(CycleView cycle) {
		this.cycle = cycle;
	}

	@GetMapping("/commissioning")
	String landing(Model model) {
		model.addAttribute("cycles", this.cycle.all());
		model.addAttribute("quarters", CycleStage.Quarter.values());
		model.addAttribute("hasNeedsData", this.cycle.hasNeedsData());
		return "commissioning/cycle";
	}

	@GetMapping("/commissioning/cycle/{group}")
	String group(@PathVariable String group, Model model) {
		CareGroup careGroup = Arrays.stream(CareGroup.values())
			.filter(g -> g.name().equalsIgnoreCase(group.replace('-', '_')))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No care group " + group));
		model.addAttribute("cycle", this.cycle.of(careGroup));
		model.addAttribute("quarters", CycleStage.Quarter.values());
		model.addAttribute("hasNeedsData", this.cycle.hasNeedsData());
		return "commissioning/cycle-group";
	}

}
