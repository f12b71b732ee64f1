package org.carecycle.commissioning.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.carecycle.commissioning.DemandAgainstSupply;
import org.carecycle.commissioning.DemandUnits;
import org.carecycle.commissioning.NeedsAssumption;
import org.carecycle.commissioning.NeedsAssumptions;
import org.carecycle.commissioning.PopulationAgeBands;
import org.carecycle.commissioning.PopulationFigures;
import org.carecycle.commissioning.PopulationImport;
import org.carecycle.commissioning.PrevalenceNeed;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.web.Choice;

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
 * Needs data: the council's population now and projected, each area's population by age
 * band, the prevalence and uptake assumptions beside the figures they drive (with their
 * source and every change), and the population import.
 */
@Controller
@RequestMapping("/commissioning/needs")
class NeedsController {

	/** The broad age groups the overview counts. */
	static final List<int[]> GROUPS = List.of(new int[] { 0, 19 }, new int[] { 20, 64 }, new int[] { 65, 84 },
			new int[] { 85, 200 });

	private final PopulationFigures population;

	private final PopulationImport imports;

	private final NeedsAssumptions assumptions;

	private final DemandAgainstSupply demand;

	private final CurrentUser currentUser;

	NeedsController(PopulationFigures population, PopulationImport imports, NeedsAssumptions assumptions,
			DemandAgainstSupply demand, CurrentUser currentUser) {
		this.population = population;
		this.imports = imports;
		this.assumptions = assumptions;
		this.demand = demand;
		this.currentUser = currentUser;
	}

	@GetMapping
	String overview(Model model) {
		List<Integer> years = new ArrayList<>(this.demand.years().values());
		String code = this.population.councilCode().orElse(null);
		model.addAttribute("councilCode", code);
		if (code != null) {
			model.addAttribute("area", this.population.area(code).orElse(null));
			model.addAttribute("groups", groups(this.population.figures(code, years), years));
			model.addAttribute("years", years);
		}
		model.addAttribute("imports", this.imports.imports());
		model.addAttribute("canImport", canImport());
		return "commissioning/needs/overview";
	}

	@GetMapping("/population/{code}")
	String population(@PathVariable String code, Model model) {
		PopulationFigures.HeldArea area = this.population.area(code.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new RecordNotFoundException("No population held for that area"));
		List<Integer> years = this.population.years(area.code());
		List<Integer> shown = years.stream().filter(y -> y <= 2025 || y % 5 == 0).toList();
		List<PopulationFigures.Figure> figures = this.population.figures(area.code(), shown);
		Map<String, Map<Integer, Long>> byBand = new LinkedHashMap<>();
		Map<Integer, Boolean> projected = new LinkedHashMap<>();
		Map<Integer, Long> totals = new LinkedHashMap<>();
		for (PopulationFigures.Figure figure : figures) {
			byBand.computeIfAbsent(figure.ageBand(), b -> new LinkedHashMap<>()).put(figure.year(), figure.people());
			projected.put(figure.year(), figure.projected());
			totals.merge(figure.year(), figure.people(), Long::sum);
		}
		model.addAttribute("area", area);
		model.addAttribute("years", shown);
		model.addAttribute("byBand", byBand);
		model.addAttribute("projected", projected);
		model.addAttribute("totals", totals);
		model.addAttribute("sources", figures.stream().map(PopulationFigures.Figure::source).distinct().toList());
		return "commissioning/needs/population";
	}

	@GetMapping("/assumptions")
	String assumptions(Model model) {
		int now = this.demand.years().get(0);
		String code = this.population.councilCode().orElse(null);
		Map<String, Long> peopleNow = new LinkedHashMap<>();
		if (code != null) {
			this.population.figures(code, List.of(now)).forEach(f -> peopleNow.put(f.ageBand(), f.people()));
		}
		List<NeedsAssumption> prevalence = this.assumptions.prevalence();
		Map<String, Long> withNeed = new LinkedHashMap<>();
		for (NeedsAssumption rate : prevalence) {
			Long people = peopleNow.get(rate.ageBand());
			if (people != null) {
				withNeed.put(rate.id(), rate.value().multiply(BigDecimal.valueOf(people)).longValue());
			}
		}
		Map<String, DemandAgainstSupply.Row> demandNow = new LinkedHashMap<>();
		for (DemandAgainstSupply.Row row : this.demand.councilWide(this.demand.all())) {
			if (row.yearsAhead() == 0) {
				demandNow.put(row.serviceType(), row);
			}
		}
		model.addAttribute("year", now);
		model.addAttribute("prevalence", prevalence);
		model.addAttribute("withNeed", withNeed);
		model.addAttribute("uptake", this.assumptions.uptake());
		model.addAttribute("demandNow", demandNow);
		model.addAttribute("canEdit", this.currentUser.get().map(u -> u.role() == Role.COMMISSIONER).orElse(false));
		return "commissioning/needs/assumptions";
	}

	@GetMapping("/assumptions/{id}")
	String history(@PathVariable String id, Model model) {
		NeedsAssumption assumption = assumption(id);
		model.addAttribute("assumption", assumption);
		model.addAttribute("history", this.assumptions.history(id));
		model.addAttribute("canEdit", this.currentUser.get().map(u -> u.role() == Role.COMMISSIONER).orElse(false));
		return "commissioning/needs/assumption-history";
	}

	@GetMapping("/assumptions/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		NeedsAssumption assumption = assumption(id);
		return editPage(model, assumption, AssumptionForm.of(assumption),
				new BeanPropertyBindingResult(AssumptionForm.of(assumption), "form"));
	}

	@PostMapping("/assumptions/{id}/edit")
	String change(@PathVariable String id, @ModelAttribute("form") AssumptionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		NeedsAssumption assumption = assumption(id);
		BindingResult errors = org.carecycle.web.FormBinding.checked(form, bound, model);
		form.check(assumption.kind() == NeedsAssumption.Kind.UPTAKE, errors);
		if (errors.hasErrors()) {
			return editPage(model, assumption, form, errors);
		}
		SignedInUser user = this.currentUser.require();
		try {
			this.assumptions.change(id, (form.version() != null) ? form.version() : -1, form.fraction(), form.units(),
					form.source().strip(), form.reason().strip(), user.id(), user.displayName());
		}
		catch (IllegalStateException ex) {
			errors.reject("assumption.changedByOthers");
			NeedsAssumption now = assumption(id);
			return editPage(model, now, AssumptionForm.of(now), errors);
		}
		redirect.addFlashAttribute("changedAssumption", id);
		return "redirect:/commissioning/needs/assumptions";
	}

	private String editPage(Model model, NeedsAssumption assumption, AssumptionForm form, BindingResult errors) {
		model.addAttribute("assumption", assumption);
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		return "commissioning/needs/assumption-edit";
	}

	@GetMapping("/import")
	String importPage(Model model) {
		model.addAttribute("kinds", kinds());
		return "commissioning/needs/import";
	}

	@PostMapping("/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String source,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String year, Model model,
			RedirectAttributes redirect) throws IOException {
		Map<String, String> problems = new LinkedHashMap<>();
		PopulationImport.Kind chosenKind = null;
		for (PopulationImport.Kind k : PopulationImport.Kind.values()) {
			if (k.name().equals(kind)) {
				chosenKind = k;
			}
		}
		if (file == null || file.isEmpty()) {
			problems.put("file", "population.import.file.required");
		}
		else if (file.getOriginalFilename() != null
				&& !file.getOriginalFilename().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			problems.put("file", "population.import.file.csv");
		}
		if (source == null || source.isBlank()) {
			problems.put("source", "population.import.source.required");
		}
		else if (source.length() > 300) {
			problems.put("source", "population.import.source.tooLong");
		}
		if (chosenKind == null) {
			problems.put("kind", "population.import.kind.required");
		}
		Integer estimateYear = null;
		if (year != null && !year.isBlank()) {
			try {
				estimateYear = Integer.parseInt(year.strip());
				if (estimateYear < 1990 || estimateYear > 2100) {
					problems.put("year", "population.import.year.range");
				}
			}
			catch (NumberFormatException ex) {
				problems.put("year", "population.import.year.number");
			}
		}
		model.addAttribute("kinds", kinds());
		model.addAttribute("source", source);
		model.addAttribute("kind", kind);
		model.addAttribute("year", year);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return "commissioning/needs/import";
		}
		SignedInUser user = this.currentUser.require();
		PopulationImport.Outcome outcome = this.imports.importFile(file.getOriginalFilename(), file.getBytes(),
				source.strip(), chosenKind, estimateYear, user.id(), user.displayName());
		if (!outcome.imported()) {
			model.addAttribute("refused", outcome.checked());
			model.addAttribute("fileName", file.getOriginalFilename());
			return "commissioning/needs/import";
		}
		redirect.addFlashAttribute("imported", outcome.checked().rows().size());
		redirect.addFlashAttribute("importedAreas", outcome.checked().areas());
		return "redirect:/commissioning/needs";
	}

	private static List<Choice> kinds() {
		return List.of(new Choice("ESTIMATES", "population.import.kind.ESTIMATES", null, null),
				new Choice("PROJECTIONS", "population.import.kind.PROJECTIONS", null, null));
	}

	private boolean canImport() {
		return this.currentUser.get().map(u -> u.role() == Role.COMMISSIONER || u.role() == Role.ADMIN).orElse(false);
	}

	private NeedsAssumption assumption(String id) {
		return this.assumptions.find(id).orElseThrow(() -> new RecordNotFoundException("No such assumption"));
	}

	/**
	 * A broad age group's people in each year.
	 *
	 * @param label the message key of the group
	 * @param people how many in each year
	 */
	record Group(String label, Map<Integer, Long> people) {
	}

	static List<Group> groups(List<PopulationFigures.Figure> figures, List<Integer> years) {
		List<Group> groups = new ArrayList<>();
		Map<Integer, Long> all = new LinkedHashMap<>();
		years.forEach(y -> all.put(y, 0L));
		for (int[] range : GROUPS) {
			Map<Integer, Long> people = new LinkedHashMap<>();
			years.forEach(y -> people.put(y, 0L));
			for (PopulationFigures.Figure figure : figures) {
				int lowest = PopulationAgeBands.lowestAge(figure.ageBand());
				if (lowest >= range[0] && lowest <= range[1]) {
					people.merge(figure.year(), figure.people(), Long::sum);
				}
			}
			people.forEach((y, n) -> all.merge(y, n, Long::sum));
			groups.add(new Group("population.group." + range[0], people));
		}
		groups.add(new Group("population.group.all", all));
		return groups;
	}

	static String units(String serviceType) {
		return DemandUnits.of(serviceType);
	}

	static BigDecimal percent(BigDecimal fraction) {
		return fraction.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	static PrevalenceNeed[] needs() {
		return PrevalenceNeed.values();
	}

}
