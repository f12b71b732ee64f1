package org.carecycle.providers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carecycle.identity.Organisation;
import org.carecycle.identity.OrganisationDirectory;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.SqlText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Tells identity which provider organisations exist, for provider users' accounts. */
@Component
class ProviderOrganisations implements OrganisationDirectory {

	private final JdbcClient jdbc;

	ProviderOrganisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Organisation> find(ProviderId id) {
		return this.jdbc.sql("select id, name from provider where id = :id")
			.param("id", id.value())
			.query((rs, row) -> new Organisation(id, rs.getString("name")))
			.optional();
	}

	@Override
	public Map<ProviderId, String> names(Set<ProviderId> ids) {
		Map<ProviderId, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from provider where id in (:ids)")
			.param("ids", ids.stream().map(ProviderId::value).toList())
			.query((rs, row) -> names.put(new ProviderId(rs.getObject("id", java.util.UUID.class)),
					rs.getString("name")))
			.list();
		return names;
	}

	@Override
	public List<Organisation> search(String text, int limit) {
		String where = StringUtils.hasText(text) ? "where lower(name) like :text" : "";
		var statement = this.jdbc.sql("select id, name from provider " + where + " order by lower(name) limit :limit")
			.param("limit", limit);
		if (StringUtils.hasText(text)) {
			statement = statement.param("text", SqlText.containing(text));
		}
		return statement
			.query((rs, row) -> new Organisation(new ProviderId(rs.getObject("id", java.util.UUID.class)),
					rs.getString("name")))
			.list();
	}

}
