package org.carecycle.commissioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Theme;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Concerns and compliments about a locality's services over the last 12 months, against
 * the 12 months before, and the themes concerns were most often about. Read from the
 * concerns module's published signals ({@code concerns_signal}): never what was said or
 * who said it. Repeats linked to an earlier concern are counted once.
 */
@Component
class AreaProfileConcerns implements AreaProfileSection {

	/** How many themes the section names. */
	static final int TOP_THEMES = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	AreaProfileConcerns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public boolean isShownTo(Role role) {
		// the people who may read the concerns themselves
		return Concerns.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "commissioning/area-sections :: concerns";
	}

	/** How many concerns in the last 12 months were about a theme. */
	record ThemeCount(Theme theme, long concerns) {
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		LocalDate today = UkTime.today(this.clock);
		Timestamp yearAgo = Timestamp.from(UkTime.startOf(today.minusMonths(12)));
		Timestamp twoYearsAgo = Timestamp.from(UkTime.startOf(today.minusMonths(24)));
		Map<String, Object> model = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select count(*) filter (where c.kind = 'CONCERN' and c.received_at >= :year) as concerns,
					       count(*) filter (where c.kind = 'CONCERN' and c.received_at < :year) as concerns_before,
					       count(*) filter (where c.kind = 'COMPLIMENT' and c.received_at >= :year) as compliments,
					       count(*) filter (where c.kind = 'CONCERN' and c.received_at >= :year and c.safeguarding_flag) as flagged,
					       count(*) filter (where c.kind = 'CONCERN' and c.status <> 'CLOSED') as open,
					       count(distinct c.care_service_id) filter (where c.kind = 'CONCERN' and c.received_at >= :year) as services
					from providers_service s
					join concerns_signal c on c.care_service_id = s.id
					where s.locality_id = :locality and c.received_at >= :twoYears and c.duplicate_of is null""")
			.param("locality", localityId)
			.param("year", yearAgo)
			.param("twoYears", twoYearsAgo)
			.query((rs, n) -> {
				model.put("concerns", rs.getLong("concerns"));
				model.put("concernsBefore", rs.getLong("concerns_before"));
				model.put("compliments", rs.getLong("compliments"));
				model.put("flagged", rs.getLong("flagged"));
				model.put("open", rs.getLong("open"));
				model.put("services", rs.getLong("services"));
				return n;
			})
			.single();
		List<ThemeCount> themes = this.jdbc
			.sql("""
					select t.theme, count(*) as concerns
					from providers_service s
					join concerns_signal c on c.care_service_id = s.id
					cross join lateral unnest(c.themes) as t(theme)
					where s.locality_id = :locality and c.received_at >= :year and c.kind = 'CONCERN' and c.duplicate_of is null
					group by t.theme
					order by count(*) desc, t.theme
					limit :top""")
			.param("locality", localityId)
			.param("year", yearAgo)
			.param("top", TOP_THEMES)
			.query((rs, n) -> new ThemeCount(Theme.valueOf(rs.getString("theme")), rs.getLong("concerns")))
			.list();
		model.put("themes", themes);
		model.put("since", today.minusMonths(12));
		return model;
	}

}
