package org.carecycle.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.carecycle.shared.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: a start page for the public, and for signed-in users a home page made
 * of the panels that the modules offer their role.
 */
@Controller
class HomeController {

	private final List<HomePanel> panels;

	HomeController(List<HomePanel> panels) {
		this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
	}

	@GetMapping("/")
	String home(Model model) {
		Optional<Role> role = LayoutAdvice.currentRole();
		if (role.isEmpty()) {
			return "home/start";
		}
		model.addAttribute("role", role.get());
		model.addAttribute("panels",
				this.panels.stream()
					.filter(panel -> panel.isShownTo(role.get()))
					.map(panel -> new DrawnPanel(panel.fragment(), panel.model()))
					.toList());
		return "home/home";
	}

	/** A panel with its model read, ready for the template. */
	record DrawnPanel(String fragment, Object model) {
	}

}
