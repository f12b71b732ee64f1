package org.carecycle.oversight.web;

import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * KPI returns for the council: the returns overdue, those with figures out of tolerance
 * in the last three months, and each return with its figures against the tolerances.
 */
@Controller
@RequestMapping("/oversight/returns")
class ReturnsController {

	private final KpiReturns returns;

	private final KpiDefinitions definitions;

	ReturnsController(KpiReturns returns, KpiDefinitions definitions) {
		this.returns = returns;
		this.definitions = definitions;
	}

	@GetMapping
	String list(Model model) {
		var owed = this.returns.owed(ProviderScope.everything(), 12, 2_000);
		model.addAttribute("overdue", owed.stream().filter(KpiReturns.Owed::overdue).toList());
		model.addAttribute("breached", this.returns.outOfTolerance(this.returns.today().minusMonths(3), 200));
		model.addAttribute("byCode", this.definitions.byCode());
		return "oversight/kpi/council-returns";
	}

	@GetMapping("/{id}")
	String view(@PathVariable UUID id, Model model) {
		KpiReturns.KpiReturn sent = this.returns.find(ProviderScope.everything(), id)
			.orElseThrow(() -> new RecordNotFoundException("No such return"));
		model.addAttribute("sent", sent);
		model.addAttribute("byCode", this.definitions.byCode());
		return "oversight/kpi/return";
	}

}
