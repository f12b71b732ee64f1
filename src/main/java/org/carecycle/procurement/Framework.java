package org.carecycle.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A framework or dynamic market: what it buys, and its term.
 *
 * @param id its id
 * @param reference its reference, like FW-0001 or DM-0002
 * @param kind framework or dynamic market
 * @param title its title
 * @param description what it is for
 * @param startsOn the first day of its term
 * @param endsOn the last day of its term (always set for a framework; a dynamic market
 * may be open-ended)
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record Framework(UUID id, String reference, FrameworkKind kind, String title, String description,
		LocalDate startsOn, LocalDate endsOn, Instant createdAt, String createdBy) {

	/** The longest term of a framework under the Procurement Act 2023 (section 47). */
	public static final int FRAMEWORK_MAX_YEARS = 4;

	public boolean isDynamicMarket() {
		return this.kind == FrameworkKind.DYNAMIC_MARKET;
	}

	/** Whether its term has started and not ended on the given day. */
	public boolean inForce(LocalDate today) {
		return !today.isBefore(this.startsOn) && (this.endsOn == null || !today.isAfter(this.endsOn));
	}

	/** Whether providers may apply to it on the given day (dynamic markets in force). */
	public boolean openToApplications(LocalDate today) {
		return isDynamicMarket() && inForce(today);
	}

	/** The key of its state's message: not started, in force or ended. */
	public String stateKey(LocalDate today) {
		if (today.isBefore(this.startsOn)) {
			return "arrangement.state.notStarted";
		}
		return inForce(today) ? "arrangement.state.inForce" : "arrangement.state.ended";
	}

}
