package org.carecycle.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.carecycle.shared.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: a start page for the public, and for signed-in users a home page made
 * with the work waiting for them, most urgent first, and the panels that the modules
 * offer their role.
 */
@Controller
class HomeController {

	private final List<HomePanel> panels;

	private final ObjectProvider<WorkWaiting> work;

	HomeController(List<HomePanel> panels, ObjectProvider<WorkWaiting> work) {
		this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
		this.work = work;
	}

	@GetMapping("/")
	String home(Model model) {
		Optional<Role> role = LayoutAdvice.currentRole();
		if (role.isEmpty()) {
			return "home/start";
		}
		model.addAttribute("role", role.get());
		model.addAttribute("todo", todo(role.get()));
		model.addAttribute("panels",
				this.panels.stream()
					.filter(panel -> panel.isShownTo(role.get()))
					.map(panel -> new DrawnPanel(panel.fragment(), panel.model()))
					.toList());
		return "home/home";
	}

	/**
	 * Everything waiting for this role, most urgent first; among equally urgent things,
	 * the most numerous first.
	 */
	private List<WorkItem> todo(Role role) {
		return this.work.orderedStream()
			.flatMap(source -> source.waitingFor(role).stream())
			.filter(item -> item.count() > 0)
			.sorted(Comparator.comparing(WorkItem::urgency)
				.thenComparing(Comparator.comparingLong(WorkItem::count).reversed()))
			.toList();
	}

	/** A panel with its model read, ready for the template. */
	record DrawnPanel(String fragment, Object model) {
	}

}
