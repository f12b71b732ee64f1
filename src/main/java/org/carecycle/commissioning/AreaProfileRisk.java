package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.oversight.RiskBand;
import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Risk in a locality: its active services by oversight risk band, those at the alert
 * threshold or above by name, and every service on the escalation ladder above routine
 * monitoring, its own or its provider's, with suspensions of new placements (embargoes)
 * first. Read from oversight's published views.
 */
@Component
class AreaProfileRisk implements AreaProfileSection {

	private final JdbcClient jdbc;

	AreaProfileRisk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean isShownTo(Role role) {
		// the people who read the risk register and the escalation ladder
		return Escalations.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "commissioning/area-sections :: risk";
	}

	/** A service at or above the alert threshold. */
	record AtRisk(UUID serviceId, String serviceName, RiskBand band, int score) {
	}

	/** A service on the escalation ladder above routine monitoring. */
	record Escalated(UUID serviceId, String serviceName, EscalationStage stage, LocalDate since,
			boolean wholeProvider) {
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		Map<RiskBand, Long> bands = new EnumMap<>(RiskBand.class);
		for (RiskBand band : RiskBand.values()) {
			bands.put(band, 0L);
		}
		long[] unscored = { 0 };
		List<AtRisk> atRisk = new ArrayList<>();
		this.jdbc.sql("""
				select s.id, s.name, r.band, r.score
				from providers_service s
				left join oversight_risk_band r on r.care_service_id = s.id
				where s.locality_id = :locality and s.status = 'ACTIVE'
				order by r.score desc nulls last, s.name""").param("locality", localityId).query((rs, n) -> {
			if (rs.getString("band") == null) {
				unscored[0]++;
				return n;
			}
			RiskBand band = RiskBand.valueOf(rs.getString("band"));
			bands.merge(band, 1L, Long::sum);
			if (band.isAlert()) {
				atRisk.add(new AtRisk(rs.getObject("id", UUID.class), rs.getString("name"), band, rs.getInt("score")));
			}
			return n;
		}).list();
		Map<UUID, Escalated> escalated = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.id, s.name, e.stage, e.stage_since, false as whole_provider
				from providers_service s
				join oversight_escalation_stage e on e.subject_kind = 'SERVICE' and e.care_service_id = s.id
				where s.locality_id = :locality and s.status = 'ACTIVE' and e.stage <> 'ROUTINE'
				union all
				select s.id, s.name, e.stage, e.stage_since, true
				from providers_service s
				join oversight_escalation_stage e on e.subject_kind = 'PROVIDER' and e.provider_id = s.provider_id
				where s.locality_id = :locality and s.status = 'ACTIVE' and e.stage <> 'ROUTINE'""")
			.param("locality", localityId)
			.query((rs, n) -> {
				Escalated row = new Escalated(rs.getObject("id", UUID.class), rs.getString("name"),
						EscalationStage.valueOf(rs.getString("stage")), rs.getObject("stage_since", LocalDate.class),
						rs.getBoolean("whole_provider"));
				// a service under its own ladder and its provider's shows the higher
				// stage
				escalated.merge(row.serviceId(), row, (a, b) -> (a.stage().ordinal() >= b.stage().ordinal()) ? a : b);
				return n;
			})
			.list();
		List<Escalated> ladder = new ArrayList<>(escalated.values());
		ladder.sort(java.util.Comparator.comparing((Escalated e) -> e.stage().ordinal())
			.reversed()
			.thenComparing(Escalated::serviceName));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("bands", bands);
		model.put("unscored", unscored[0]);
		model.put("atRisk", atRisk);
		model.put("ladder", ladder);
		model.put("embargoed", ladder.stream().filter(e -> e.stage().isEmbargo()).count());
		return model;
	}

}
