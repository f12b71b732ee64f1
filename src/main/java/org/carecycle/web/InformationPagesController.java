package org.carecycle.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages linked from every footer. */
@Controller
class InformationPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "info/accessibility";
	}

	@GetMapping("/cookies")
	String cookies() {
		return "info/cookies";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "info/privacy";
	}

}
