package org.carecycle.providers.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.ProfileSection;
import org.carecycle.shared.Role;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the register's pages need to know about the person: what they may change. */
@ControllerAdvice(basePackageClasses = RegisterAdvice.class)
class RegisterAdvice {

	private final CurrentUser currentUser;

	RegisterAdvice(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@ModelAttribute("canEditRegister")
	boolean canEditRegister() {
		return canEdit(this.currentUser);
	}

	@ModelAttribute("canManageContracts")
	boolean canManageContracts() {
		return this.currentUser.get().map(user -> user.role() == Role.COMMISSIONER).orElse(false);
	}

	static boolean canEdit(CurrentUser currentUser) {
		return currentUser.get()
			.map(user -> user.role() == Role.COMMISSIONER || user.role() == Role.QA_OFFICER)
			.orElse(false);
	}

	/** The sections other modules add to a profile, drawn for the current person. */
	static List<DrawnSection> sections(List<ProfileSection> sections, ProfileSection.Subject subject, UUID id,
			CurrentUser currentUser) {
		Role role = currentUser.require().role();
		return sections.stream()
			.filter(section -> section.appliesTo(subject) && section.isShownTo(role))
			.sorted(Comparator.comparingInt(ProfileSection::order))
			.map(section -> new DrawnSection(section.fragment(), section.model(subject, id)))
			.toList();
	}

	/** A section with its model read, ready for the template. */
	record DrawnSection(String fragment, Map<String, Object> model) {
	}

}
