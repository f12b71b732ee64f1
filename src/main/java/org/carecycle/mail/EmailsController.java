package org.carecycle.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators see every email: sent, waiting to be sent, or given up. */
@Controller
@RequestMapping("/admin/emails")
class EmailsController {

	private static final int PAGE_SIZE = 50;

	private final OutboxEntries entries;

	EmailsController(OutboxEntries entries) {
		this.entries = entries;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("emails", this.entries.newestFirst(Math.max(page, 1), PAGE_SIZE));
		model.addAttribute("maxAttempts", OutboxSender.MAX_ATTEMPTS);
		return "mail/emails";
	}

}
