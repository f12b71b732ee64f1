package org.carecycle.identity.web;

import java.util.UUID;

import org.carecycle.identity.ApiTokens;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.web.FormText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A provider's API tokens: make one for a system that sends KPI returns (its secret shown
 * once), see when each was last used, and revoke one that is no longer needed or may have
 * leaked.
 */
@Controller
@RequestMapping("/my-organisation/api-tokens")
class ApiTokenController {

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	ApiTokenController(ApiTokens tokens, CurrentUser currentUser) {
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(Model model) {
		return page(model, null, null, null);
	}

	@PostMapping
	String issue(@RequestParam(required = false) String name, Model model) {
		String clean = FormText.clean(name);
		if (clean == null) {
			return page(model, null, "apiTokens.name.missing", name);
		}
		if (clean.length() > 100) {
			return page(model, null, "apiTokens.name.tooLong", name);
		}
		ApiTokens.Issued issued = this.tokens.issue(this.currentUser.require(), clean);
		return page(model, issued, null, null);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		this.tokens.revoke(this.currentUser.require(), id);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/my-organisation/api-tokens";
	}

	private String page(Model model, ApiTokens.Issued issued, String problemKey, String name) {
		SignedInUser user = this.currentUser.require();
		model.addAttribute("tokens", this.tokens.of(user.provider().orElseThrow()));
		model.addAttribute("issued", issued);
		model.addAttribute("problemKey", problemKey);
		model.addAttribute("name", name);
		return "identity/api-tokens";
	}

}
