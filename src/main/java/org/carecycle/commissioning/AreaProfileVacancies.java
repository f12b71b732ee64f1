package org.carecycle.commissioning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vacancies in a locality as its services last reported them on the register, each with
 * its age: a report older than {@code carecycle.vacancies.stale-after-days} "may be out
 * of date", as on the register's search, and is not counted in the total available now.
 */
@Component
class AreaProfileVacancies implements AreaProfileSection {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int staleAfterDays;

	AreaProfileVacancies(JdbcClient jdbc, Clock clock,
			@Value("${carecycle.vacancies.stale-after-days:14}") int staleAfterDays) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.staleAfterDays = staleAfterDays;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public boolean isShownTo(Role role) {
		return AreaProfiles.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "commissioning/area-sections :: vacancies";
	}

	/** A service's last report of its vacancies, and how many days old it is. */
	record Report(UUID serviceId, String serviceName, ServiceType type, int vacancies, LocalDate reportedOn,
			long ageInDays, boolean stale) {
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		LocalDate today = UkTime.today(this.clock);
		long[] unreported = { 0 };
		List<Report> reports = this.jdbc
			.sql("""
					select s.id, s.name, s.service_type, v.vacancies, v.vacancies_reported_at
					from providers_service s
					join providers_service_vacancy v on v.care_service_id = s.id
					where s.locality_id = :locality and s.status = 'ACTIVE'
					  and s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES')
					order by v.vacancies_reported_at desc nulls last, s.name""")
			.param("locality", localityId)
			.query((rs, n) -> {
				Instant at = (rs.getTimestamp("vacancies_reported_at") != null)
						? rs.getTimestamp("vacancies_reported_at").toInstant() : null;
				if (at == null || rs.getObject("vacancies") == null) {
					unreported[0]++;
					return null;
				}
				LocalDate on = UkTime.dateOf(at);
				long age = ChronoUnit.DAYS.between(on, today);
				return new Report(rs.getObject("id", UUID.class), rs.getString("name"),
						ServiceType.valueOf(rs.getString("service_type")), rs.getInt("vacancies"), on, age,
						age > this.staleAfterDays);
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("reports", reports);
		model.put("availableNow", reports.stream().filter(r -> !r.stale()).mapToLong(Report::vacancies).sum());
		model.put("servicesWithVacanciesNow", reports.stream().filter(r -> !r.stale() && r.vacancies() > 0).count());
		model.put("stale", reports.stream().filter(Report::stale).count());
		model.put("unreported", unreported[0]);
		model.put("staleAfterDays", this.staleAfterDays);
		return model;
	}

}
