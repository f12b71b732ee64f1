package org.carecycle.oversight;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.carecycle.quality.PlanningSignal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What oversight tells the annual review programme: a service at high or critical risk,
 * or on the escalation ladder, is reviewed sooner. Each is a named reason with its points
 * on the programme page.
 */
@Configuration(proxyBeanMethods = false)
class OversightPlanningSignals {

	/** Points for a high risk score, and for a critical one. */
	static final int HIGH_RISK = 20;

	static final int CRITICAL_RISK = 35;

	@Bean
	PlanningSignal riskSignal(JdbcClient jdbc) {
		return new PlanningSignal() {

			@Override
			public String reasonKey() {
				return "programme.reason.risk";
			}

			@Override
			public Map<UUID, Integer> points() {
				Map<UUID, Integer> points = new HashMap<>();
				jdbc.sql("select care_service_id, band from risk_profile where band in ('HIGH', 'CRITICAL')")
					.query((rs, n) -> points.put(rs.getObject(1, UUID.class),
							"CRITICAL".equals(rs.getString(2)) ? CRITICAL_RISK : HIGH_RISK))
					.list();
				return points;
			}

		};
	}

	@Bean
	PlanningSignal escalationSignal(JdbcClient jdbc) {
		return new PlanningSignal() {

			@Override
			public String reasonKey() {
				return "programme.reason.escalation";
			}

			@Override
			public Map<UUID, Integer> points() {
				Map<UUID, Integer> points = new HashMap<>();
				jdbc.sql(
						"""
								select s.id, max(case e.stage when 'ENHANCED' then 15 when 'PROVIDER_CONCERNS' then 30 else 40 end)
								from providers_service s
								join escalation e on (e.subject_kind = 'SERVICE' and e.care_service_id = s.id)
								                  or (e.subject_kind = 'PROVIDER' and e.provider_id = s.provider_id)
								where e.stage <> 'ROUTINE'
								group by s.id""")
					.query((rs, n) -> points.put(rs.getObject(1, UUID.class), rs.getInt(2)))
					.list();
				return points;
			}

		};
	}

}
