package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.carecycle.shared.ReadCache;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What has moved in a strategy's evidence since it was approved. For the kinds CareCycle
 * can work out again it reads the figure now (the gap for a type of service through
 * {@link NeedsEvidence}, when the needs data is there; the register's quality; concerns
 * by theme; council reviews) and says, in a sentence, where it has moved far enough to
 * matter: a gap grown by half or more, a share of good services down by five points or
 * more, concerns up by half, services of the type rated below Good since approval.
 */
@Component
public class EvidenceChanges {

	/** A gap or a count that has grown by this share is worth a commissioner's look. */
	static final double GROWTH = 0.5;

	/** A share of good services that fell by this many points is worth a look. */
	static final double POINTS = 5.0;

	private final JdbcClient jdbc;

	private final ObjectProvider<NeedsEvidence> needs;

	private final Clock clock;

	/**
	 * Today's figures, kept for a few minutes: they are counts over other modules' data
	 * (a year of concerns, every service's rating) that a strategy page need not read
	 * afresh on every visit, and that this module cannot see change.
	 */
	private final ReadCache<String, Optional<BigDecimal>> figures;

	EvidenceChanges(JdbcClient jdbc, ObjectProvider<NeedsEvidence> needs, Clock clock) {
		this.jdbc = jdbc;
		this.needs = needs;
		this.clock = clock;
		this.figures = new ReadCache<>(clock, Duration.ofMinutes(10), 500);
	}

	/**
	 * One piece of evidence read again: its figure at approval and now, and what has
	 * changed (a message key with its arguments), or no change.
	 */
	public record Change(Strategies.Evidence evidence, BigDecimal now, String messageKey, List<Object> arguments,
			boolean needsAttention) {
	}

	/** Whether the needs data (another part of the module) is there to ask. */
	public boolean hasNeedsData() {
		return this.needs.getIfAvailable() != null;
	}

	/** The figure of a live kind of evidence now, or empty when there is none. */
	public Optional<BigDecimal> currentFigure(EvidenceKind kind, String subject) {
		if (subject == null || !kind.isLive()) {
			return Optional.empty();
		}
		LocalDate today = UkTime.today(this.clock);
		return this.figures.get(kind + ":" + subject + ":" + today, () -> read(kind, subject, today));
	}

	private Optional<BigDecimal> read(EvidenceKind kind, String subject, LocalDate today) {
		return switch (kind) {
			case NEEDS_GAP -> gap(subject);
			case SERVICE_QUALITY -> goodShare(subject);
			case CONCERN_THEME -> Optional.of(BigDecimal.valueOf(this.jdbc.sql("""
					select count(*) from concerns_signal
					where kind = 'CONCERN' and :theme = any(themes) and received_at >= :since""")
				.param("theme", subject)
				.param("since", java.sql.Timestamp.valueOf(today.minusYears(1).atStartOfDay()))
				.query(Long.class)
				.single()));
			case REVIEW_FINDINGS -> belowGoodReviewShare(subject, today);
			default -> Optional.empty();
		};
	}

	/** Each piece of evidence, with what has changed since approval. */
	public List<Change> changes(Strategy strategy, List<Strategies.Evidence> evidence) {
		List<Change> changes = new ArrayList<>();
		for (Strategies.Evidence each : evidence) {
			changes.add(change(strategy, each));
		}
		return changes;
	}

	private Change change(Strategy strategy, Strategies.Evidence evidence) {
		if (!evidence.kind().isLive()) {
			return new Change(evidence, null, "strategy.change.notLive", List.of(), false);
		}
		if (evidence.kind() == EvidenceKind.NEEDS_GAP && !hasNeedsData()) {
			return new Change(evidence, null, "strategy.change.noNeedsData", List.of(), false);
		}
		Optional<BigDecimal> now = currentFigure(evidence.kind(), evidence.subject());
		BigDecimal then = evidence.figureAtApproval();
		if (now.isEmpty()) {
			return new Change(evidence, null, "strategy.change.noFigure", List.of(), false);
		}
		if (then == null) {
			return new Change(evidence, now.get(), "strategy.change.notApproved", List.of(), false);
		}
		double before = then.doubleValue();
		double after = now.get().doubleValue();
		String grown = "strategy.change." + evidence.kind().name() + ".grown";
		return switch (evidence.kind()) {
			case NEEDS_GAP, CONCERN_THEME -> {
				if (before > 0 && after >= before * 2) {
					yield new Change(evidence, now.get(), "strategy.change." + evidence.kind().name() + ".doubled",
							List.of(figure(then), figure(now.get())), true);
				}
				if ((before > 0 && after >= before * (1 + GROWTH)) || (before <= 0 && after > 0)) {
					yield new Change(evidence, now.get(), grown, List.of(figure(then), figure(now.get())), true);
				}
				yield new Change(evidence, now.get(), "strategy.change.steady",
						List.of(figure(then), figure(now.get())), false);
			}
			case SERVICE_QUALITY -> {
				long fell = fellBelowGood(evidence.subject(), strategy.lastLookedAt());
				if (before - after >= POINTS || fell > 0) {
					yield new Change(evidence, now.get(), "strategy.change.SERVICE_QUALITY.fell",
							List.of(figure(then), figure(now.get()), fell), true);
				}
				yield new Change(evidence, now.get(), "strategy.change.steadyShare",
						List.of(figure(then), figure(now.get())), false);
			}
			case REVIEW_FINDINGS -> {
				if (after - before >= POINTS) {
					yield new Change(evidence, now.get(), grown, List.of(figure(then), figure(now.get())), true);
				}
				yield new Change(evidence, now.get(), "strategy.change.steadyShare",
						List.of(figure(then), figure(now.get())), false);
			}
			default -> new Change(evidence, now.get(), "strategy.change.notLive", List.of(), false);
		};
	}

	private static String figure(BigDecimal value) {
		BigDecimal scaled = value.setScale(value.scale() > 0 && value.stripTrailingZeros().scale() > 0 ? 1 : 0,
				RoundingMode.HALF_UP);
		return String.format("%,." + scaled.scale() + "f", scaled);
	}

	private Optional<BigDecimal> gap(String serviceType) {
		NeedsEvidence evidence = this.needs.getIfAvailable();
		if (evidence == null) {
			return Optional.empty();
		}
		try {
			return evidence.gaps(0)
				.stream()
				.filter(gap -> gap.serviceType() != null && gap.serviceType().equalsIgnoreCase(serviceType))
				.findFirst()
				.map(gap -> BigDecimal.valueOf(gap.gap()));
		}
		catch (RuntimeException ex) {
			// the needs data may not be loaded yet; the strategy says it has no figure
			return Optional.empty();
		}
	}

	private Optional<BigDecimal> goodShare(String serviceType) {
		record Share(long rated, long good) {
		}
		Share share = this.jdbc.sql("""
				select count(*) filter (where cqc_overall in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT',
				  'INADEQUATE')) as rated,
				  count(*) filter (where cqc_overall in ('OUTSTANDING', 'GOOD')) as good
				from providers_service where status = 'ACTIVE' and service_type = :type""")
			.param("type", serviceType)
			.query(Share.class)
			.single();
		if (share.rated() == 0) {
			return Optional.empty();
		}
		return Optional.of(BigDecimal.valueOf(100.0 * share.good() / share.rated()).setScale(1, RoundingMode.HALF_UP));
	}

	private long fellBelowGood(String serviceType, LocalDate since) {
		if (since == null) {
			return 0;
		}
		return this.jdbc.sql("""
				select count(*) from providers_service
				where status = 'ACTIVE' and service_type = :type
				  and cqc_overall in ('REQUIRES_IMPROVEMENT', 'INADEQUATE') and cqc_overall_on > :since""")
			.param("type", serviceType)
			.param("since", Date.valueOf(since))
			.query(Long.class)
			.single();
	}

	private Optional<BigDecimal> belowGoodReviewShare(String serviceType, LocalDate today) {
		record Share(long published, long below) {
		}
		Share share = this.jdbc.sql("""
				select count(*) as published,
				  count(*) filter (where r.overall_rating in ('REQUIRES_IMPROVEMENT', 'POOR')) as below
				from quality_review r
				join providers_service s on s.id = r.care_service_id
				where r.published_on >= :since and s.service_type = :type""")
			.param("type", serviceType)
			.param("since", Date.valueOf(today.minusYears(1)))
			.query(Share.class)
			.single();
		if (share.published() == 0) {
			return Optional.empty();
		}
		return Optional
			.of(BigDecimal.valueOf(100.0 * share.below() / share.published()).setScale(1, RoundingMode.HALF_UP));
	}

}
