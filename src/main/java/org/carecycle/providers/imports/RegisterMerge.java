package org.carecycle.providers.imports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves what an import staged into the register, in the import's transaction: new
 * providers and services are added, those whose details differ are changed (their version
 * moves on, so anyone editing them at the time is told), those already as the file says
 * are left alone, and ratings are added as history. Running the same file twice changes
 * nothing.
 */
final class RegisterMerge {

	private static final String LATEST_PROVIDERS = """
			(select distinct on (provider_id) provider_id, provider_name
			 from import_row where kind = 'L' order by provider_id, row_number)""";

	private static final String FIRST_LOCATIONS = """
			(select distinct on (location_id) * from import_row where kind = 'L' order by location_id, row_number)""";

	private final JdbcClient jdbc;

	private final Timestamp now;

	private final Date today;

	RegisterMerge(JdbcClient jdbc, Instant now, LocalDate today) {
		this.jdbc = jdbc;
		this.now = Timestamp.from(now);
		this.today = Date.valueOf(today);
	}

	/** Counts of what changed. */
	record Merged(long providersAdded, long providersChanged, long servicesAdded, long servicesChanged,
			long servicesStaged, long ratingsAdded, long ratingsChanged, long ratingsStaged) {
	}

	Merged merge(String ratingSource) {
		long providersAdded = this.jdbc
			.sql("""
					insert into provider (id, version, name, cqc_provider_id, ownership, created_at, updated_at)
					select gen_random_uuid(), 0, x.provider_name, x.provider_id,
					       case when x.provider_id like '1-%%' then 'PRIVATE' else 'NHS' end, :now, :now
					from %s x
					where not exists (select 1 from provider p where p.cqc_provider_id = x.provider_id)"""
				.formatted(LATEST_PROVIDERS))
			.param("now", this.now)
			.update();
		long providersChanged = this.jdbc
			.sql("""
					update provider p set name = x.provider_name, version = p.version + 1, updated_at = :now
					from %s x
					where p.cqc_provider_id = x.provider_id and p.name is distinct from x.provider_name"""
				.formatted(LATEST_PROVIDERS))
			.param("now", this.now)
			.update();
		// ratings first: a service added below then takes its current rating as it is
		// inserted, rather than every new service being updated again afterwards
		long ratingsChanged = this.jdbc.sql("""
				update cqc_rating r set rating = x.rating, source = :source
				from (select distinct on (location_id, key_question, published_on) location_id, key_question, rating,
				             published_on
				      from import_row where kind = 'R' order by location_id, key_question, published_on, row_number) x
				where r.cqc_location_id = x.location_id and r.key_question = x.key_question
				  and r.published_on = x.published_on and r.rating is distinct from x.rating""")
			.param("source", ratingSource)
			.update();
		long ratingsAdded = this.jdbc.sql("""
				insert into cqc_rating (cqc_location_id, key_question, rating, published_on, source)
				select distinct on (location_id, key_question, published_on) location_id, key_question, rating,
				       published_on, :source
				from import_row where kind = 'R'
				order by location_id, key_question, published_on, row_number
				on conflict (cqc_location_id, key_question, published_on) do nothing""")
			.param("source", ratingSource)
			.update();
		long servicesChanged = this.jdbc
			.sql("""
					update care_service s
					set provider_id = p.id, name = i.name, service_type = i.service_type, client_groups = i.client_groups,
					    address_line1 = i.address1, address_line2 = i.address2, town = i.town,
					    latitude = case when s.postcode is distinct from i.postcode then d.latitude else s.latitude end,
					    longitude = case when s.postcode is distinct from i.postcode then d.longitude else s.longitude end,
					    postcode = i.postcode, postcode_district = d.outcode, locality_id = d.locality_id,
					    beds = coalesce(i.beds, s.beds), registered_manager = i.manager, status = i.status, closed_on = null,
					    dormant_since = case when i.status = 'DORMANT' then coalesce(s.dormant_since, cast(:today as date)) end,
					    registered_on = coalesce(i.registered_on, s.registered_on), version = s.version + 1,
					    updated_at = :now
					from %s i
					join provider p on p.cqc_provider_id = i.provider_id
					left join geography_postcode_district d on d.outcode = i.district
					where s.cqc_location_id = i.location_id
					  and (s.provider_id, s.name, s.service_type, s.client_groups, s.address_line1, s.address_line2, s.town,
					       s.postcode, s.beds, s.registered_manager, s.status, s.registered_on)
					      is distinct from
					      (p.id, i.name, i.service_type, i.client_groups, i.address1, i.address2, i.town,
					       i.postcode, coalesce(i.beds, s.beds), i.manager, i.status, coalesce(i.registered_on, s.registered_on))"""
				.formatted(FIRST_LOCATIONS))
			.param("now", this.now)
			.param("today", this.today)
			.update();
		long servicesAdded = this.jdbc
			.sql("""
					insert into care_service (id, version, provider_id, cqc_location_id, name, service_type, client_groups,
					                          address_line1, address_line2, town, postcode, postcode_district, locality_id,
					                          latitude, longitude, beds, registered_manager, status, registered_on,
					                          dormant_since, created_at, updated_at)
					select gen_random_uuid(), 0, p.id, i.location_id, i.name, i.service_type, coalesce(i.client_groups, '{}'),
					       i.address1, i.address2, i.town, i.postcode, d.outcode, d.locality_id, d.latitude, d.longitude,
					       i.beds, i.manager, i.status, i.registered_on, case when i.status = 'DORMANT' then cast(:today as date) end,
					       :now, :now
					from %s i
					join provider p on p.cqc_provider_id = i.provider_id
					left join geography_postcode_district d on d.outcode = i.district
					where not exists (select 1 from care_service s where s.cqc_location_id = i.location_id)"""
				.formatted(FIRST_LOCATIONS))
			.param("now", this.now)
			.param("today", this.today)
			.update();
		long servicesStaged = count("select count(distinct location_id) from import_row where kind = 'L'");
		long ratingsStaged = count(
				"select count(*) from (select distinct location_id, key_question, published_on from import_row where kind = 'R') x");
		return new Merged(providersAdded, providersChanged, servicesAdded, servicesChanged, servicesStaged,
				ratingsAdded, ratingsChanged, ratingsStaged);
	}

	/** Keeps the refused rows for the job's report. */
	void keepRefusals(java.util.UUID jobId) {
		this.jdbc.sql("""
				insert into import_rejection (job_id, row_number, location_id, reason, row_text)
				select :job, row_number, left(location_id, 40), left(reason, 500), left(row_text, 4000)
				from import_row where kind = 'X'
				on conflict do nothing""").param("job", jobId).update();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
