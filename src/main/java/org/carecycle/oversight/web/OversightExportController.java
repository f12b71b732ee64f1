package org.carecycle.oversight.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.ProviderScope;
import org.carecycle.oversight.Escalations;
import org.carecycle.oversight.Kpi;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.web.TableDownload;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Oversight's lists as CSV or Excel, with the pages' columns and every row the page's
 * choice shows: the risk register from a band up, the overdue KPI returns and those out
 * of tolerance, and the open escalations. Each download is written to the audit log.
 */
@Controller
@RequestMapping("/oversight")
class OversightExportController {

	static final List<String> RISK_HEADINGS = List.of("coverage.service", "kpiReturn.provider", "service.locality",
			"risk.score", "risk.band", "risk.mainSignals");

	static final List<String> OVERDUE_HEADINGS = List.of("kpiReturn.service", "kpiReturn.provider", "kpiReturn.period",
			"kpiReturn.dueOn");

	static final List<String> BREACHED_HEADINGS = List.of("kpiReturn.service", "kpiReturn.provider", "kpiReturn.period",
			"kpiReturn.breaches", "kpiReturn.sentOn", "kpiReturn.late");

	static final List<String> ESCALATION_HEADINGS = List.of("escalation.subject", "kpiReturn.provider",
			"escalation.stage", "escalation.since", "escalation.nextDeadline", "escalation.lead");

	/** More than the county has services; the register is read whole. */
	private static final int ALL = 100_000;

	private final RiskProfiles profiles;

	private final KpiReturns returns;

	private final KpiDefinitions definitions;

	private final Escalations escalations;

	private final TableDownload download;

	private final AuditLog auditLog;

	OversightExportController(RiskProfiles profiles, KpiReturns returns, KpiDefinitions definitions,
			Escalations escalations, TableDownload download, AuditLog auditLog) {
		this.profiles = profiles;
		this.returns = returns;
		this.definitions = definitions;
		this.escalations = escalations;
		this.download = download;
		this.auditLog = auditLog;
	}

	@GetMapping("/risk/export")
	void risk(@RequestParam(defaultValue = "LOW") String band, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		RiskBand least = Arrays.stream(RiskBand.values())
			.filter(b -> b.name().equals(band))
			.findFirst()
			.orElse(RiskBand.LOW);
		OptionalLong rows = this.download.send(format, "risk-register", RISK_HEADINGS, out -> {
			List<RiskProfiles.Ranked> ranked = this.profiles.register(least, ALL, 0);
			for (RiskProfiles.Ranked r : ranked) {
				String signals = String.join("; ", r.top()
					.stream()
					.map(c -> this.download.text("risk.signalPoints", this.download.text(c.signal()), c.points()))
					.toList());
				out.cells(r.serviceName(), r.providerName(), r.locality(), r.score(),
						this.download.text(r.band().messageKey()), signals);
			}
			return ranked.size();
		}, response);
		audit(rows, "the risk register (" + least.name() + " and above", format);
	}

	@GetMapping("/returns/export")
	void returns(@RequestParam(defaultValue = "overdue") String list, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		OptionalLong rows;
		if ("breached".equals(list)) {
			Map<String, Kpi> byCode = this.definitions.byCode();
			rows = this.download.send(format, "kpi-returns-out-of-tolerance", BREACHED_HEADINGS, out -> {
				List<KpiReturns.KpiReturn> breached = this.returns.outOfTolerance(this.returns.today().minusMonths(3),
						ALL);
				for (KpiReturns.KpiReturn r : breached) {
					String breaches = String.join("; ",
							r.breaches()
								.stream()
								.map(code -> (byCode.get(code) != null) ? byCode.get(code).name() : code)
								.toList());
					out.cells(r.serviceName(), r.providerName(), r.period().displayName(), breaches, r.submittedAt(),
							this.download.text(r.late() ? "common.yes" : "common.no"));
				}
				return breached.size();
			}, response);
		}
		else {
			rows = this.download.send(format, "kpi-returns-overdue", OVERDUE_HEADINGS, out -> {
				List<KpiReturns.Owed> overdue = this.returns.owed(ProviderScope.everything(), 12, 2_000)
					.stream()
					.filter(KpiReturns.Owed::overdue)
					.toList();
				for (KpiReturns.Owed o : overdue) {
					out.cells(o.serviceName(), o.providerName(), o.period().displayName(), o.dueOn());
				}
				return overdue.size();
			}, response);
		}
		audit(rows, "KPI returns (" + ("breached".equals(list) ? "out of tolerance" : "overdue"), format);
	}

	@GetMapping("/escalations/export")
	void escalations(@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
		OptionalLong rows = this.download.send(format, "escalations", ESCALATION_HEADINGS, out -> {
			List<Escalations.Open> open = this.escalations.open();
			for (Escalations.Open e : open) {
				out.cells(e.subjectName(),
						(e.serviceName() != null) ? e.providerName() : this.download.text("escalation.wholeProvider"),
						this.download.text(e.stage().messageKey()), e.stageSince(), e.nextDeadline(),
						e.leadOfficerName());
			}
			return open.size();
		}, response);
		audit(rows, "open escalations (", format);
	}

	private void audit(OptionalLong rows, String what, String format) {
		if (rows.isPresent()) {
			this.auditLog.record(AuditAction.EXPORTED, "Oversight", null, "Downloaded " + what
					+ (what.endsWith("(") ? "" : ", ") + format + "): " + rows.getAsLong() + " rows");
		}
	}

}
