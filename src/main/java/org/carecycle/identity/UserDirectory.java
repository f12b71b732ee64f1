package org.carecycle.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.SqlText;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/** Finding user accounts: the read side of identity, in plain SQL. */
@Service
public class UserDirectory {

	/** The columns a user list can be sorted by, and the SQL for each. */
	public static final Map<String, String> SORTABLE = Map.of("name", "lower(display_name)", "email", "email", "role",
			"role", "lastSignedIn", "last_signed_in_at");

	private final JdbcClient jdbc;

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Accounts matching a search.
	 * @param text part of a name or email address, or blank
	 * @param role only this role, or null for any
	 * @param enabled only enabled (true) or disabled (false) accounts, or null for both
	 */
	public Paged<UserSummary> search(String text, Role role, Boolean enabled, SortOrder sort, int page, int pageSize) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("where true");
		if (StringUtils.hasText(text)) {
			where.append(" and (lower(display_name) like :text or email like :text)");
			params.put("text", SqlText.containing(text));
		}
		if (role != null) {
			where.append(" and role = :role");
			params.put("role", role.name());
		}
		if (enabled != null) {
			where.append(" and enabled = :enabled");
			params.put("enabled", enabled);
		}
		long total = this.jdbc.sql("select count(*) from app_user " + where).params(params).query(Long.class).single();
		String orderBy = SORTABLE.getOrDefault(sort.column(), "lower(display_name)") + " " + sort.sqlDirection()
				+ " nulls last, id";
		List<UserSummary> users = this.jdbc
			.sql("select * from app_user " + where + " order by " + orderBy + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(UserDirectory::map)
			.list();
		return new Paged<>(users, page, pageSize, total);
	}

	public Optional<UserSummary> find(UUID id) {
		return this.jdbc.sql("select * from app_user where id = :id")
			.param("id", id)
			.query(UserDirectory::map)
			.optional();
	}

	public Optional<UserSummary> findByEmail(String email) {
		return this.jdbc.sql("select * from app_user where email = :email")
			.param("email", UserAccount.normaliseEmail(email))
			.query(UserDirectory::map)
			.optional();
	}

	public List<UserSummary> withRole(Role role) {
		return this.jdbc.sql("select * from app_user where role = :role and enabled order by lower(display_name)")
			.param("role", role.name())
			.query(UserDirectory::map)
			.list();
	}

	public List<UserSummary> ofProvider(ProviderId provider) {
		return this.jdbc.sql("select * from app_user where provider_id = :provider order by lower(display_name)")
			.param("provider", provider.value())
			.query(UserDirectory::map)
			.list();
	}

	/** How many enabled accounts each role has. */
	public Map<Role, Long> enabledCountsByRole() {
		Map<Role, Long> counts = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			counts.put(role, 0L);
		}
		this.jdbc.sql("select role, count(*) as n from app_user where enabled group by role")
			.query((rs, row) -> counts.put(Role.valueOf(rs.getString("role")), rs.getLong("n")))
			.list();
		return counts;
	}

	public long countDisabled() {
		return this.jdbc.sql("select count(*) from app_user where not enabled").query(Long.class).single();
	}

	private static UserSummary map(ResultSet rs, int row) throws SQLException {
		UUID provider = rs.getObject("provider_id", UUID.class);
		Timestamp lastSignedIn = rs.getTimestamp("last_signed_in_at");
		return new UserSummary(rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("email"),
				Role.valueOf(rs.getString("role")), (provider != null) ? new ProviderId(provider) : null,
				rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				rs.getTimestamp("created_at").toInstant(), (lastSignedIn != null) ? lastSignedIn.toInstant() : null);
	}

	/** Sort keys users may choose, for {@link SortOrder#parse}. */
	public static Set<String> sortKeys() {
		return SORTABLE.keySet();
	}

}
