package org.carecycle.safeguarding.web;

import java.util.List;

import org.carecycle.safeguarding.Enquiry;
import org.carecycle.safeguarding.EnquiryStatus;

/**
 * One line of an enquiry's task list (the GOV.UK task list pattern): the step, where to
 * take it if it can be taken now, and its status.
 *
 * @param step the step's name in its address and messages
 * @param href where to take it, or null when it cannot be taken now
 * @param status the message key of its status
 * @param done whether it is completed
 */
record Task(String step, String href, String status, boolean done) {

	static List<Task> of(Enquiry enquiry) {
		String base = "/safeguarding/concerns/" + enquiry.concernId() + "/enquiry/";
		EnquiryStatus status = enquiry.status();
		boolean making = status == EnquiryStatus.IN_PROGRESS || status == EnquiryStatus.AWAITING_PROVIDER;
		boolean planned = enquiry.planningHeldOn() != null;
		boolean concluded = enquiry.concludedOn() != null;
		return List.of(task(base, "planning", status.isOpen(), planned, true),
				task(base, "maker", status == EnquiryStatus.PLANNING && planned, status != EnquiryStatus.PLANNING,
						planned),
				task(base, "capacity", making, enquiry.lackedCapacity() != null, making || concluded),
				task(base, "outcomes", making, enquiry.outcomesAsked() != null, making || concluded),
				(status == EnquiryStatus.AWAITING_PROVIDER)
						? new Task("conclusion", null, "safeguarding.enquiry.task.waitingForProvider", false)
						: task(base, "conclusion",
								status == EnquiryStatus.IN_PROGRESS && enquiry.lackedCapacity() != null
										&& enquiry.outcomesAsked() != null,
								concluded, status == EnquiryStatus.IN_PROGRESS || concluded),
				task(base, "close", status == EnquiryStatus.CONCLUDED, status == EnquiryStatus.CLOSED, concluded));
	}

	private static Task task(String base, String step, boolean available, boolean done, boolean startable) {
		String statusKey = done ? "safeguarding.enquiry.task.completed"
				: startable ? "safeguarding.enquiry.task.notStarted" : "safeguarding.enquiry.task.cannotStartYet";
		return new Task(step, available ? base + step : null, statusKey, done);
	}

	public String label() {
		return "safeguarding.enquiry.task." + this.step;
	}

}
