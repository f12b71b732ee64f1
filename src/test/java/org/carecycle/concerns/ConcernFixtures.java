package org.carecycle.concerns;

import java.util.UUID;

import org.carecycle.SignIn;
import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Lookups the concerns tests share: the demo provider's service, a concern's version. */
final class ConcernFixtures {

	private ConcernFixtures() {
	}

	/** The first active service of the demo provider user's organisation, by name. */
	static UUID demoProvidersService(JdbcClient jdbc) {
		return jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE' order by s.name limit 1""")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(UUID.class)
			.single();
	}

	/** A concern's version as stored, for the next form post. */
	static int version(JdbcClient jdbc, UUID concernId) {
		return jdbc.sql("select version from concern where id = :id")
			.param("id", concernId)
			.query(Integer.class)
			.single();
	}

}
