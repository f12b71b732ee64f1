package org.carecycle.oversight;

import java.util.EnumSet;
import java.util.Set;

import org.carecycle.shared.Role;

/**
 * The stages of the council's policy for working with services which deliver poor
 * outcomes, from routine monitoring up to contract action. Who may decide a move depends
 * on the higher of the two stages: officers manage routine and enhanced monitoring; a
 * senior manager (the commissioner role) decides anything from provider concerns up.
 */
public enum EscalationStage {

	ROUTINE("green"), ENHANCED("yellow"), PROVIDER_CONCERNS("orange"), SUSPENSION("red"), CONTRACT_ACTION("purple");

	private static final Set<Role> OFFICERS = EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER);

	private static final Set<Role> SENIOR = EnumSet.of(Role.COMMISSIONER);

	private final String colour;

	EscalationStage(String colour) {
		this.colour = colour;
	}

	public String colour() {
		return this.colour;
	}

	public String messageKey() {
		return "escalationStage." + name();
	}

	/** Whether new placements are suspended at this stage (an embargo). */
	public boolean isEmbargo() {
		return this == SUSPENSION || this == CONTRACT_ACTION;
	}

	/** Who may decide a move from one stage to another. */
	public static Set<Role> decidersOf(EscalationStage from, EscalationStage to) {
		EscalationStage higher = (from.ordinal() > to.ordinal()) ? from : to;
		return (higher.ordinal() >= PROVIDER_CONCERNS.ordinal()) ? SENIOR : OFFICERS;
	}

}
