package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of commissioning strategies: writing and changing them, their priorities,
 * the evidence they rest on, the Care Act compliance review, the moves of their status
 * and each review. When a strategy is approved the figure of each piece of its evidence
 * is kept as it stood, so that {@link EvidenceChanges} can say what has moved since.
 */
@Service
public class Strategies {

	public static final int LONG_TEXT = 10_000;

	private static final String RECORD = "commissioning strategy";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final UserDirectory users;

	private final EvidenceChanges changes;

	private final Clock clock;

	Strategies(JdbcClient jdbc, AuditLog audit, UserDirectory users, EvidenceChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.changes = changes;
		this.clock = clock;
	}

	/** A line of the register. */
	public record Row(UUID id, String reference, String title, CareGroup careGroup, StrategyStatus status,
			String ownerName, LocalDate periodFrom, LocalDate periodTo, LocalDate reviewDueOn, LocalDate lastLookedAt,
			boolean reviewOverdue) {
	}

	/** What a commissioner writes about a strategy. */
	public record Details(String title, CareGroup careGroup, UUID ownerId, String summary, LocalDate periodFrom,
			LocalDate periodTo, LocalDate reviewDueOn) {
	}

	public record Priority(UUID id, int position, String title, String ownerName, String timetable, LocalDate dueOn,
			String resources) {
	}

	public record NewPriority(String title, String ownerName, String timetable, LocalDate dueOn, String resources) {
	}

	public record Evidence(UUID id, EvidenceKind kind, String label, String href, String subject, BigDecimal figure,
			BigDecimal figureAtApproval, Instant recordedAt) {
	}

	public record NewEvidence(EvidenceKind kind, String label, String href, String subject, BigDecimal figure) {
	}

	public record Review(UUID id, LocalDate reviewedOn, String reviewerName, String notes, LocalDate nextReviewOn) {
	}

	private static final String SELECT = """
			select s.id, s.version, s.reference, s.title, s.care_group, s.owner_id, u.display_name as owner_name,
			       s.summary, s.period_from, s.period_to, s.status, s.review_due_on, s.approved_on, s.last_reviewed_on,
			       s.care_act_reviewed_on, s.care_act_reviewer, s.care_act_findings
			from commissioning_strategy s
			left join identity_user_name u on u.id = s.owner_id
			""";

	public LocalDate today() {
		return UkTime.today(this.clock);
	}

	public List<Row> list(CareGroup group, StrategyStatus status) {
		LocalDate today = today();
		return this.jdbc.sql(SELECT + """
				where (cast(:grp as varchar) is null or s.care_group = :grp)
				  and (cast(:status as varchar) is null or s.status = :status)
				order by s.care_group, case s.status when 'APPROVED' then 0 when 'IN_REVIEW' then 1
				  when 'CONSULTATION' then 2 when 'DRAFT' then 3 else 4 end, s.title""")
			.param("grp", (group != null) ? group.name() : null)
			.param("status", (status != null) ? status.name() : null)
			.query(Strategies::strategy)
			.list()
			.stream()
			.map(s -> new Row(s.id(), s.reference(), s.title(), s.careGroup(), s.status(), s.ownerName(),
					s.periodFrom(), s.periodTo(), s.reviewDueOn(), s.lastLookedAt(), s.isReviewOverdue(today)))
			.toList();
	}

	public Optional<Strategy> find(UUID id) {
		return this.jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(Strategies::strategy).optional();
	}

	public Strategy require(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("No commissioning strategy " + id));
	}

	/** The commissioners who may own a strategy. */
	public List<UserSummary> owners() {
		return this.users.withRole(Role.COMMISSIONER).stream().filter(UserSummary::enabled).toList();
	}

	@Transactional
	public UUID create(Details details) {
		checkOwner(details.ownerId());
		UUID id = UUID.randomUUID();
		long number = this.jdbc.sql("select nextval('commissioning_strategy_number')").query(Long.class).single();
		String reference = String.format("CS-%04d", number);
		this.jdbc
			.sql("""
					insert into commissioning_strategy (id, version, reference, title, care_group, owner_id, summary,
					  period_from, period_to, status, review_due_on, created_at, updated_at)
					values (:id, 0, :reference, :title, :grp, :owner, :summary, :from, :to, 'DRAFT', :review, now(), now())""")
			.param("id", id)
			.param("reference", reference)
			.param("title", details.title())
			.param("grp", details.careGroup().name())
			.param("owner", details.ownerId())
			.param("summary", details.summary())
			.param("from", details.periodFrom())
			.param("to", details.periodTo())
			.param("review", details.reviewDueOn())
			.update();
		this.audit.created(RECORD, id, values(details));
		return id;
	}

	@Transactional
	public void update(UUID id, int version, Details details) {
		Strategy before = require(id);
		if (!before.isEditable()) {
			throw new Strategy.RefusedException("strategy.edit.expired", "An expired strategy cannot be changed");
		}
		checkOwner(details.ownerId());
		int updated = this.jdbc.sql("""
				update commissioning_strategy set title = :title, care_group = :grp, owner_id = :owner,
				  summary = :summary, period_from = :from, period_to = :to, review_due_on = :review,
				  reminded_for = case when review_due_on is distinct from :review then null else reminded_for end,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.param("title", details.title())
			.param("grp", details.careGroup().name())
			.param("owner", details.ownerId())
			.param("summary", details.summary())
			.param("from", details.periodFrom())
			.param("to", details.periodTo())
			.param("review", details.reviewDueOn())
			.update();
		changed(updated);
		this.audit
			.changed(
					RECORD, id, values(new Details(before.title(), before.careGroup(), before.ownerId(),
							before.summary(), before.periodFrom(), before.periodTo(), before.reviewDueOn())),
					values(details));
	}

	@Transactional
	public void recordCareActReview(UUID id, int version, LocalDate reviewedOn, String reviewer, String findings) {
		Strategy before = require(id);
		if (!before.isEditable()) {
			throw new Strategy.RefusedException("strategy.edit.expired", "An expired strategy cannot be changed");
		}
		int updated = this.jdbc.sql("""
				update commissioning_strategy set care_act_reviewed_on = :on, care_act_reviewer = :reviewer,
				  care_act_findings = :findings, version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.param("on", reviewedOn)
			.param("reviewer", reviewer)
			.param("findings", findings)
			.update();
		changed(updated);
		this.audit.changed(RECORD, id,
				Map.of("careActReviewedOn", String.valueOf(before.careActReviewedOn()), "careActReviewer",
						String.valueOf(before.careActReviewer())),
				Map.of("careActReviewedOn", String.valueOf(reviewedOn), "careActReviewer", reviewer));
	}

	/**
	 * Moves a strategy to another status. Approval keeps the figure of each piece of
	 * evidence as it stands now and, on a first approval, the date.
	 */
	@Transactional
	public void move(UUID id, int version, StrategyStatus target) {
		Strategy strategy = require(id);
		LocalDate today = today();
		strategy.checkMove(target, priorities(id).size(), today);
		int updated = this.jdbc.sql("""
				update commissioning_strategy set status = :status,
				  approved_on = case when :status = 'APPROVED' then :today else approved_on end,
				  last_reviewed_on = case when :status = 'APPROVED' and approved_on is not null then :today
				    else last_reviewed_on end,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.param("status", target.name())
			.param("today", today)
			.update();
		changed(updated);
		if (target == StrategyStatus.APPROVED) {
			for (Evidence evidence : evidence(id)) {
				BigDecimal now = this.changes.currentFigure(evidence.kind(), evidence.subject())
					.orElse(evidence.figure());
				this.jdbc.sql("update commissioning_strategy_evidence set figure_at_approval = :figure where id = :id")
					.param("figure", now)
					.param("id", evidence.id())
					.update();
			}
		}
		this.audit.changed(RECORD, id, Map.of("status", strategy.status().name()), Map.of("status", target.name()));
	}

	public List<Priority> priorities(UUID strategyId) {
		return this.jdbc.sql("""
				select id, position, title, owner_name, timetable, due_on, resources
				from commissioning_strategy_priority where strategy_id = :id order by position""")
			.param("id", strategyId)
			.query(Priority.class)
			.list();
	}

	@Transactional
	public UUID addPriority(UUID strategyId, NewPriority priority) {
		Strategy strategy = require(strategyId);
		if (!strategy.isEditable()) {
			throw new Strategy.RefusedException("strategy.edit.expired", "An expired strategy cannot be changed");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_strategy_priority (id, strategy_id, position, title, owner_name, timetable,
				  due_on, resources, created_at)
				values (:id, :strategy, (select coalesce(max(position), 0) + 1 from commissioning_strategy_priority
				  where strategy_id = :strategy), :title, :owner, :timetable, :due, :resources, now())""")
			.param("id", id)
			.param("strategy", strategyId)
			.param("title", priority.title())
			.param("owner", priority.ownerName())
			.param("timetable", priority.timetable())
			.param("due", priority.dueOn())
			.param("resources", priority.resources())
			.update();
		this.audit.created("commissioning priority", id,
				Map.of("strategy", strategy.reference(), "title", priority.title(), "owner", priority.ownerName()));
		return id;
	}

	public List<Evidence> evidence(UUID strategyId) {
		return this.jdbc.sql("""
				select id, kind, label, href, subject, figure, figure_at_approval, recorded_at
				from commissioning_strategy_evidence where strategy_id = :id order by recorded_at, label""")
			.param("id", strategyId)
			.query(Evidence.class)
			.list();
	}

	/**
	 * Adds evidence. A live kind takes its figure from CareCycle (the one typed is kept
	 * only where there is none); on a strategy in force the figure at approval is the one
	 * of today.
	 */
	@Transactional
	public UUID addEvidence(UUID strategyId, NewEvidence evidence) {
		Strategy strategy = require(strategyId);
		if (!strategy.isEditable()) {
			throw new Strategy.RefusedException("strategy.edit.expired", "An expired strategy cannot be changed");
		}
		BigDecimal figure = this.changes.currentFigure(evidence.kind(), evidence.subject()).orElse(evidence.figure());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_strategy_evidence (id, strategy_id, kind, label, href, subject, figure,
				  figure_at_approval, recorded_at)
				values (:id, :strategy, :kind, :label, :href, :subject, :figure, :atApproval, now())""")
			.param("id", id)
			.param("strategy", strategyId)
			.param("kind", evidence.kind().name())
			.param("label", evidence.label())
			.param("href", evidence.href())
			.param("subject", evidence.subject())
			.param("figure", figure)
			.param("atApproval", strategy.status().inForce() ? figure : null)
			.update();
		this.audit.created("commissioning evidence", id,
				Map.of("strategy", strategy.reference(), "kind", evidence.kind().name(), "label", evidence.label()));
		return id;
	}

	public List<Review> reviews(UUID strategyId) {
		return this.jdbc
			.sql("""
					select id, reviewed_on, reviewer_name, notes, next_review_on
					from commissioning_strategy_review where strategy_id = :id order by reviewed_on desc, created_at desc""")
			.param("id", strategyId)
			.query(Review.class)
			.list();
	}

	/**
	 * Records that a strategy in force was read against what has changed, and when it is
	 * next to be reviewed (which a reminder will precede again).
	 */
	@Transactional
	public void recordReview(UUID strategyId, int version, LocalDate reviewedOn, String reviewer, String notes,
			LocalDate nextReviewOn) {
		Strategy strategy = require(strategyId);
		if (!strategy.status().inForce()) {
			throw new Strategy.RefusedException("strategy.review.notInForce",
					"Only an approved strategy, or one in review, is reviewed");
		}
		int updated = this.jdbc.sql("""
				update commissioning_strategy set last_reviewed_on = :on, review_due_on = :next, reminded_for = null,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.param("id", strategyId)
			.param("version", version)
			.param("on", reviewedOn)
			.param("next", nextReviewOn)
			.update();
		changed(updated);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_strategy_review (id, strategy_id, reviewed_on, reviewer_name, notes,
				  next_review_on, created_at)
				values (:id, :strategy, :on, :reviewer, :notes, :next, now())""")
			.param("id", id)
			.param("strategy", strategyId)
			.param("on", reviewedOn)
			.param("reviewer", reviewer)
			.param("notes", notes)
			.param("next", nextReviewOn)
			.update();
		this.audit.created("commissioning strategy review", id, Map.of("strategy", strategy.reference(), "reviewedOn",
				reviewedOn.toString(), "nextReviewOn", nextReviewOn.toString()));
	}

	/** Someone else changed the strategy since it was read. */
	public static class ChangedException extends IllegalStateException {

		ChangedException() {
			super("The strategy was changed by someone else");
		}

	}

	private static void changed(int updated) {
		if (updated == 0) {
			throw new ChangedException();
		}
	}

	private void checkOwner(UUID ownerId) {
		if (owners().stream().noneMatch(user -> user.id().equals(ownerId))) {
			throw new IllegalArgumentException("The owner of a strategy is a commissioner");
		}
	}

	private static Map<String, Object> values(Details details) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", details.title());
		values.put("careGroup", details.careGroup().name());
		values.put("owner", String.valueOf(details.ownerId()));
		values.put("periodFrom", String.valueOf(details.periodFrom()));
		values.put("periodTo", String.valueOf(details.periodTo()));
		values.put("reviewDueOn", String.valueOf(details.reviewDueOn()));
		return values;
	}

	static Strategy strategy(ResultSet rs, int row) throws SQLException {
		return new Strategy(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("reference"),
				rs.getString("title"), CareGroup.valueOf(rs.getString("care_group")),
				rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getString("summary"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				StrategyStatus.valueOf(rs.getString("status")), rs.getObject("review_due_on", LocalDate.class),
				rs.getObject("approved_on", LocalDate.class), rs.getObject("last_reviewed_on", LocalDate.class),
				rs.getObject("care_act_reviewed_on", LocalDate.class), rs.getString("care_act_reviewer"),
				rs.getString("care_act_findings"));
	}

}
