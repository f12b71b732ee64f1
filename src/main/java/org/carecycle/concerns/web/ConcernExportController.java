package org.carecycle.concerns.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.ConcernQueue;
import org.carecycle.concerns.ConcernQueue.ConcernRow;
import org.carecycle.concerns.ConcernQueue.View;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.web.TableDownload;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The concerns queue as CSV or Excel: the rows of the tab and filters chosen, every page
 * of them, with the queue's columns. Like the queue, the file names no one who raised a
 * concern and holds nothing they said, so it is not a visit to any one concern's record
 * (ADR 0018); each download is written to the audit log, since the list leaves CareCycle.
 */
@Controller
@RequestMapping("/concerns")
class ConcernExportController {

	static final List<String> HEADINGS = List.of("concerns.reference", "concerns.kind", "concerns.service",
			"concerns.received", "concerns.status", "concerns.due", "concerns.assigned");

	private final ConcernQueue queue;

	private final CurrentUser currentUser;

	private final TableDownload download;

	private final AuditLog auditLog;

	ConcernExportController(ConcernQueue queue, CurrentUser currentUser, TableDownload download, AuditLog auditLog) {
		this.queue = queue;
		this.currentUser = currentUser;
		this.download = download;
		this.auditLog = auditLog;
	}

	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "OPEN") String view, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		View chosen = ConcernController.parse(View.class, view).orElse(View.OPEN);
		ConcernKind chosenKind = ConcernController.parse(ConcernKind.class, kind).orElse(null);
		String text = (q != null && q.length() <= 100) ? q : null;
		OptionalLong rows = this.download.send(format, "concerns", HEADINGS, out -> this.queue.each(chosen, chosenKind,
				text, this.currentUser.require().id(),
				row -> out.cells(row.reference(), this.download.text(row.kind().messageKey()), row.service(),
						row.receivedAt(), status(row), row.dueBy(),
						(row.assignedName() != null) ? row.assignedName() : this.download.text("concerns.unassigned"))),
				response);
		if (rows.isPresent()) {
			this.auditLog.record(AuditAction.EXPORTED, "Concern", null, "Downloaded concerns ("
					+ this.download.text(chosen.messageKey()) + ", " + format + "): " + rows.getAsLong() + " rows");
		}
	}

	/** The status and the flags the queue shows beside it. */
	private String status(ConcernRow row) {
		List<String> parts = new ArrayList<>();
		parts.add(this.download.text(row.status().messageKey()));
		if (row.safeguardingFlag()) {
			parts.add(this.download.text("concern.flag.safeguarding"));
		}
		else if (row.urgent()) {
			parts.add(this.download.text("concern.flag.urgent"));
		}
		if (row.overdue()) {
			parts.add(this.download.text("concern.flag.overdue"));
		}
		return String.join("; ", parts);
	}

}
