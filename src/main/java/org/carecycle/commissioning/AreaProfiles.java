package org.carecycle.commissioning;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.geography.Coordinates;
import org.carecycle.geography.Locality;
import org.carecycle.geography.Places;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Area profiles: the council's localities with their headline figures, and one locality's
 * profile assembled from every {@link AreaProfileSection} in order, each drawn only for
 * the roles it is shown to. The page knows none of the sections.
 */
@Service
public class AreaProfiles {

	/** Who may open area profiles: council staff, never providers or the public. */
	public static final java.util.Set<Role> READERS = java.util.Collections.unmodifiableSet(java.util.EnumSet
		.of(Role.COMMISSIONER, Role.QA_OFFICER, Role.SAFEGUARDING_LEAD, Role.CASE_MANAGER, Role.ADMIN));

	private final JdbcClient jdbc;

	private final Places places;

	private final List<AreaProfileSection> sections;

	private final Clock clock;

	private final int staleAfterDays;

	AreaProfiles(JdbcClient jdbc, Places places, List<AreaProfileSection> sections, Clock clock,
			@Value("${carecycle.vacancies.stale-after-days:14}") int staleAfterDays) {
		this.jdbc = jdbc;
		this.places = places;
		this.sections = sections.stream().sorted(Comparator.comparingInt(AreaProfileSection::order)).toList();
		this.clock = clock;
		this.staleAfterDays = staleAfterDays;
	}

	/**
	 * One locality's headline figures: its active services, their beds, places and weekly
	 * hours, how many the council commissions (a contract in force today), the share of
	 * those CQC has rated that are rated Good or Outstanding, and the vacancies reported
	 * within the last {@code carecycle.vacancies.stale-after-days}.
	 */
	public record Summary(UUID id, String code, String name, long services, long beds, long places, long weeklyHours,
			long commissioned, long cqcRated, long cqcGoodOrBetter, long vacancies) {

		/** Percentage of rated services rated Good or Outstanding, or null if none. */
		public Long goodOrBetterPercent() {
			return (this.cqcRated == 0) ? null : Math.round(100.0 * this.cqcGoodOrBetter / this.cqcRated);
		}

	}

	/** Every locality of the council, by name, with its headline figures. */
	public List<Summary> localities() {
		LocalDate today = UkTime.today(this.clock);
		return this.jdbc
			.sql("""
					select l.id, l.code, l.name,
					       count(s.id) as services,
					       coalesce(sum(s.beds) filter (where s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING')), 0) as beds,
					       coalesce(sum(s.places) filter (where s.service_type not in ('CARE_HOME', 'CARE_HOME_NURSING', 'HOME_CARE')), 0) as places,
					       coalesce(sum(s.weekly_hours) filter (where s.service_type = 'HOME_CARE'), 0) as weekly_hours,
					       count(s.id) filter (where exists (select 1 from providers_contract c where c.care_service_id = s.id
					                                         and c.starts_on <= :today and c.ends_on >= :today)) as commissioned,
					       count(s.id) filter (where s.cqc_overall in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')) as cqc_rated,
					       count(s.id) filter (where s.cqc_overall in ('OUTSTANDING', 'GOOD')) as cqc_good,
					       coalesce(sum(v.vacancies) filter (where v.vacancies_reported_at >= :fresh), 0) as vacancies
					from geography_locality l
					left join providers_service s on s.locality_id = l.id and s.status = 'ACTIVE'
					left join providers_service_vacancy v on v.care_service_id = s.id
					group by l.id, l.code, l.name
					order by l.name""")
			.param("today", Date.valueOf(today))
			.param("fresh",
					java.sql.Timestamp.from(today.minusDays(this.staleAfterDays).atStartOfDay(UkTime.ZONE).toInstant()))
			.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getLong("services"), rs.getLong("beds"), rs.getLong("places"), rs.getLong("weekly_hours"),
					rs.getLong("commissioned"), rs.getLong("cqc_rated"), rs.getLong("cqc_good"),
					rs.getLong("vacancies")))
			.list();
	}

	/** Where each locality lies: the mean centre of its postcode districts. */
	public Map<UUID, Coordinates> centres() {
		Map<UUID, Coordinates> centres = new HashMap<>();
		this.jdbc.sql("""
				select locality_id, avg(latitude) as latitude, avg(longitude) as longitude
				from geography_postcode_district where locality_id is not null group by locality_id""")
			.query((rs, n) -> centres.put(rs.getObject("locality_id", UUID.class),
					new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude"))))
			.list();
		return centres;
	}

	/** An active service of a locality with a place on the map. */
	public record Place(UUID id, String name, Coordinates at, org.carecycle.providers.CqcRating rating) {
	}

	/** The locality's active services that have coordinates, for its map. */
	public List<Place> places(UUID localityId) {
		return this.jdbc.sql("""
				select id, name, latitude, longitude, coalesce(cqc_overall, 'NOT_RATED') as rating
				from providers_service
				where locality_id = :locality and status = 'ACTIVE' and latitude is not null and longitude is not null
				order by name""")
			.param("locality", localityId)
			.query((rs, n) -> new Place(rs.getObject("id", UUID.class), rs.getString("name"),
					new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
					org.carecycle.providers.CqcRating.valueOf(rs.getString("rating"))))
			.list();
	}

	/** A locality by its code, as in the profile's address. */
	public Optional<Locality> locality(String code) {
		if (code == null || code.isBlank() || code.length() > 40) {
			return Optional.empty();
		}
		return this.places.localityByCode(code);
	}

	/** The sections of one locality's profile that a role may see, in order, read. */
	public List<Drawn> sections(UUID localityId, Role role) {
		return this.sections.stream()
			.filter(section -> section.isShownTo(role))
			.map(section -> new Drawn(section.fragment(), section.model(localityId)))
			.toList();
	}

	/** A section with its model read, ready for the template. */
	public record Drawn(String fragment, Map<String, Object> model) {
	}

}
