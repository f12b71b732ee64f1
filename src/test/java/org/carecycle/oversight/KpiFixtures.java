package org.carecycle.oversight;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.SignIn;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo provider's commissioned services, one for each test class that sends returns
 * (so that they never send for the same service and period), and a clean slate for it.
 */
final class KpiFixtures {

	private final JdbcClient jdbc;

	private final KpiDefinitions definitions;

	KpiFixtures(JdbcClient jdbc, KpiDefinitions definitions) {
		this.jdbc = jdbc;
		this.definitions = definitions;
	}

	SignedInUser providerUser() {
		return this.jdbc.sql("select id, email, display_name, provider_id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query((rs, n) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), Role.PROVIDER,
					new ProviderId(rs.getObject("provider_id", UUID.class))))
			.single();
	}

	ProviderScope scope() {
		return providerUser().scope();
	}

	/**
	 * The {@code index}th of the demo provider's services commissioned through both
	 * periods.
	 */
	UUID service(int index, KpiPeriod from, KpiPeriod to) {
		List<UUID> services = this.jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE'
				  and exists (select 1 from contract c where c.care_service_id = s.id and c.starts_on <= :from
				              and c.ends_on >= :to)
				order by s.id""")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.param("from", Date.valueOf(from.end()))
			.param("to", Date.valueOf(to.end()))
			.query(UUID.class)
			.list();
		return services.get(index);
	}

	ServiceType type(UUID service) {
		return ServiceType.valueOf(this.jdbc.sql("select service_type from care_service where id = :id")
			.param("id", service)
			.query(String.class)
			.single());
	}

	void forget(UUID service, KpiPeriod... periods) {
		for (KpiPeriod period : periods) {
			this.jdbc.sql("delete from kpi_return where care_service_id = :id and frequency = :f and period_start = :s")
				.param("id", service)
				.param("f", period.frequency().name())
				.param("s", Date.valueOf(period.start()))
				.update();
		}
	}

	/** Figures for every KPI due, all within tolerance (0), as a provider writes them. */
	Map<String, String> zeros(UUID service, KpiPeriod period) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Kpi kpi : this.definitions.dueFor(type(service), period)) {
			values.put(kpi.code(), "0");
		}
		return values;
	}

	long returns() {
		return this.jdbc.sql("select count(*) from kpi_return").query(Long.class).single();
	}

	static BigDecimal decimal(String text) {
		return new BigDecimal(text);
	}

	static LocalDate today() {
		return LocalDate.now(UkTime.ZONE);
	}

}
