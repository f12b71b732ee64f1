package org.carecycle.quality.web;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.quality.QualityViews;
import org.carecycle.quality.QualityViews.View;
import org.carecycle.web.FormText;
import org.carecycle.web.TableDownload;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviews list as CSV or Excel: every review of the tab and search chosen, with the
 * list's columns; each download is written to the audit log.
 */
@Controller
@RequestMapping("/quality/reviews")
class ReviewExportController {

	static final List<String> HEADINGS = List.of("reviews.reference", "qaReport.kind", "coverage.service",
			"qaReport.provider", "reviews.status", "reviews.next", "reviews.officer", "reviews.rating");

	private final QualityViews views;

	private final CurrentUser currentUser;

	private final TableDownload download;

	private final AuditLog auditLog;

	ReviewExportController(QualityViews views, CurrentUser currentUser, TableDownload download, AuditLog auditLog) {
		this.views = views;
		this.currentUser = currentUser;
		this.download = download;
		this.auditLog = auditLog;
	}

	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "MINE") String view, @RequestParam(required = false) String q,
			@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
		View chosen = ReviewController.parse(View.class, view).orElse(View.MINE);
		String text = (q != null && q.length() <= 100) ? FormText.clean(q) : null;
		OptionalLong rows = this.download.send(format, "reviews", HEADINGS, out -> this.views.eachReview(chosen,
				this.currentUser.require().id(), text,
				row -> out.cells(row.reference(), this.download.text(row.kind().messageKey()), row.serviceName(),
						row.providerName(), this.download.text(row.status().messageKey()), row.nextDue(),
						row.officerName(),
						(row.overallRating() != null) ? this.download.text(row.overallRating().messageKey()) : null)),
				response);
		if (rows.isPresent()) {
			this.auditLog.record(AuditAction.EXPORTED, "Review", null, "Downloaded reviews ("
					+ this.download.text(chosen.messageKey()) + ", " + format + "): " + rows.getAsLong() + " rows");
		}
	}

}
