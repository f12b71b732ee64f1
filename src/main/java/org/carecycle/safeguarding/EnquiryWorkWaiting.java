package org.carecycle.safeguarding;

import java.time.Clock;
import java.util.List;

import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enquiries waiting on the home page: for a provider, the enquiries caused to its own
 * organisation that it has still to answer, overdue first; for a safeguarding lead, the
 * caused enquiries past their due date and the providers' findings still to conclude; for
 * a QA officer, the findings on cases they are named on.
 */
@Component
class EnquiryWorkWaiting implements WorkWaiting {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final Clock clock;

	EnquiryWorkWaiting(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		return switch (role) {
			case PROVIDER -> this.currentUser.scope().provider().map(this::forProvider).orElse(List.of());
			case SAFEGUARDING_LEAD -> forCouncil("true");
			case QA_OFFICER -> forCouncil(
					"exists (select 1 from safeguarding_case_officer o where o.concern_id = e.concern_id and o.user_id = :user)");
			default -> List.of();
		};
	}

	private List<WorkItem> forProvider(ProviderId provider) {
		return this.jdbc.sql("""
				select count(*) filter (where caused_due_on < :today) as overdue,
				       count(*) filter (where caused_due_on >= :today) as waiting
				from safeguarding_enquiry
				where status = 'AWAITING_PROVIDER' and caused_to_provider_id = :provider""")
			.param("today", UkTime.today(this.clock))
			.param("provider", provider.value())
			.query((rs, n) -> List.of(
					new WorkItem(Urgency.OVERDUE, rs.getLong("overdue"), "safeguarding.caused.todo.overdue",
							"/my-organisation/safeguarding"),
					new WorkItem(Urgency.DUE_SOON, rs.getLong("waiting"), "safeguarding.caused.todo.waiting",
							"/my-organisation/safeguarding")))
			.single();
	}

	private List<WorkItem> forCouncil(String where) {
		boolean lead = where.equals("true");
		return this.jdbc
			.sql("""
					select count(*) filter (where e.status = 'AWAITING_PROVIDER' and e.caused_due_on < :today) as overdue,
					       count(*) filter (where e.status = 'IN_PROGRESS' and e.caused_responded_at is not null) as findings
					from safeguarding_enquiry e where %s"""
				.formatted(where))
			.param("today", UkTime.today(this.clock))
			.param("user", this.currentUser.require().id())
			.query((rs, n) -> lead
					? List.of(
							new WorkItem(Urgency.OVERDUE, rs.getLong("overdue"), "safeguarding.enquiry.todo.overdue",
									"/safeguarding/enquiries?view=overdue"),
							new WorkItem(Urgency.DUE_SOON, rs.getLong("findings"), "safeguarding.enquiry.todo.findings",
									"/safeguarding/enquiries?view=findings"))
					: List.of(new WorkItem(Urgency.DUE_SOON, rs.getLong("findings"),
							"safeguarding.enquiry.todo.findings", "/safeguarding/enquiries?view=findings")))
			.single();
	}

}
