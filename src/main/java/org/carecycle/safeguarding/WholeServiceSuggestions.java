package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.safeguarding.WholeServiceEnquiry.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks for services that may need a whole-service enquiry, and suggests one for a senior
 * manager to decide: several safeguarding concerns about one service within a window (by
 * default 3 in 90 days), a concern marked as a serious incident, or a signal from a
 * module above safeguarding (oversight's early warnings, through
 * {@link WholeServiceSignals}).
 * <p>
 * A sweep rather than a listener on concern creation: concerns are written by other code
 * paths (a flagged PPMF, staff, partners, the demo county), and a sweep over the table
 * catches them all. It is idempotent: a service with a live suggestion or enquiry is
 * skipped (one live per service, kept by a unique index), and evidence no newer than the
 * service's last suggestion does not suggest again, so a declined suggestion stays
 * declined until something new happens.
 */
@Component
public class WholeServiceSuggestions {

	private static final Logger log = LoggerFactory.getLogger(WholeServiceSuggestions.class);

	private final JdbcClient jdbc;

	private final WholeServiceEnquiries enquiries;

	private final List<WholeServiceSignals> signals;

	private final Clock clock;

	private final int clusterCount;

	private final int clusterDays;

	WholeServiceSuggestions(JdbcClient jdbc, WholeServiceEnquiries enquiries, List<WholeServiceSignals> signals,
			Clock clock, @Value("${carecycle.safeguarding.whole-service.cluster-count:3}") int clusterCount,
			@Value("${carecycle.safeguarding.whole-service.cluster-days:90}") int clusterDays) {
		this.jdbc = jdbc;
		this.enquiries = enquiries;
		this.signals = signals;
		this.clock = clock;
		this.clusterCount = clusterCount;
		this.clusterDays = clusterDays;
	}

	@Scheduled(fixedDelayString = "${carecycle.safeguarding.whole-service.sweep-interval:PT15M}",
			initialDelayString = "PT2M")
	void scheduled() {
		try {
			AuditLog.asSystem("Whole-service enquiry suggestions", this::sweep);
		}
		catch (RuntimeException ex) {
			log.warn("Whole-service enquiries could not be suggested", ex);
		}
	}

	/** Looks at every service once; returns how many suggestions it made. */
	@Transactional
	public int sweep() {
		Instant now = this.clock.instant();
		Instant from = now.minus(Duration.ofDays(this.clusterDays));
		int made = 0;
		record Found(UUID service, long concerns, String references) {
		}
		List<Found> clusters = this.jdbc
			.sql("""
					select c.care_service_id, count(*), string_agg(c.reference, ', ' order by c.received_at)
					from safeguarding_concern c
					where c.care_service_id is not null and c.status <> 'MERGED' and c.received_at >= :from
					group by c.care_service_id
					having count(*) >= :count
					   and max(c.received_at) > coalesce((select max(w.suggested_at) from safeguarding_whole_service_enquiry w
					                                      where w.care_service_id = c.care_service_id), '-infinity')""")
			.param("from", Timestamp.from(from))
			.param("count", this.clusterCount)
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3)))
			.list();
		for (Found found : clusters) {
			made += suggested(found.service(), Reason.CLUSTER,
					"%d safeguarding concerns about this service in the last %d days: %s".formatted(found.concerns(),
							this.clusterDays, found.references()));
		}
		List<Found> serious = this.jdbc
			.sql("""
					select c.care_service_id, count(*), string_agg(c.reference, ', ' order by c.received_at)
					from safeguarding_concern c
					where c.care_service_id is not null and c.status <> 'MERGED' and c.serious_incident and c.received_at >= :from
					  and c.received_at > coalesce((select max(w.suggested_at) from safeguarding_whole_service_enquiry w
					                                where w.care_service_id = c.care_service_id), '-infinity')
					group by c.care_service_id""")
			.param("from", Timestamp.from(from))
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3)))
			.list();
		for (Found found : serious) {
			made += suggested(found.service(), Reason.SERIOUS_INCIDENT,
					"A safeguarding concern marked as a serious incident: " + found.references());
		}
		for (WholeServiceSignals source : this.signals) {
			for (WholeServiceSignals.Signal signal : source.openSignals()) {
				if (!newerThanLastSuggestion(signal.careServiceId(), signal.raisedOn())) {
					continue;
				}
				made += suggested(signal.careServiceId(), Reason.EARLY_WARNING, signal.detail());
			}
		}
		return made;
	}

	private boolean newerThanLastSuggestion(UUID service, LocalDate raisedOn) {
		return this.jdbc.sql("""
				select not exists (select 1 from safeguarding_whole_service_enquiry
				                   where care_service_id = :service and suggested_at >= :raised)""")
			.param("service", service)
			.param("raised", Timestamp.from(raisedOn.atStartOfDay().toInstant(ZoneOffset.UTC)))
			.query(Boolean.class)
			.single();
	}

	private int suggested(UUID service, Reason reason, String detail) {
		return this.enquiries.suggest(service, reason, detail).isPresent() ? 1 : 0;
	}

}
