package org.carecycle.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the quality assurance framework. Administrators change it by drafting a
 * new version (a copy of the one in use), editing the draft's standards and publishing
 * it; a published version never changes again, so the reviews scored against it keep
 * their meaning.
 */
@Service
public class Frameworks {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final Clock clock;

	/** Versions that can no longer change, by id. */
	private final Map<UUID, Framework> settled = new ConcurrentHashMap<>();

	Frameworks(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** The version new reviews are scored against. */
	public Framework current() {
		UUID id = this.jdbc.sql("select id from qa_framework_version where status = 'PUBLISHED'")
			.query(UUID.class)
			.single();
		return get(id);
	}

	public Framework get(UUID id) {
		Framework known = this.settled.get(id);
		if (known != null) {
			return known;
		}
		Framework framework = load(id).orElseThrow(() -> new RecordNotFoundException("No such framework version"));
		if (framework.status() != Framework.Status.DRAFT) {
			this.settled.put(id, framework);
		}
		return framework;
	}

	/** Every version, newest first. */
	public List<Framework> versions() {
		return this.jdbc.sql("select id from qa_framework_version order by number desc")
			.query(UUID.class)
			.list()
			.stream()
			.map(this::get)
			.toList();
	}

	public Optional<Framework> draft() {
		return this.jdbc.sql("select id from qa_framework_version where status = 'DRAFT'")
			.query(UUID.class)
			.optional()
			.map(this::get);
	}

	/** Starts a new version as a copy of the one in use. */
	@Transactional
	public Framework startDraft(String notes) {
		if (draft().isPresent()) {
			throw new IllegalStateException("A new version is already being drafted");
		}
		Framework current = current();
		UUID id = UUID.randomUUID();
		int number = current.number() + 1;
		Integer highest = this.jdbc.sql("select max(number) from qa_framework_version").query(Integer.class).single();
		number = Math.max(number, highest + 1);
		this.jdbc.sql("""
				insert into qa_framework_version (id, number, status, notes, created_at, created_by)
				values (:id, :number, 'DRAFT', :notes, :now, :by)""")
			.param("id", id)
			.param("number", number)
			.param("notes", notes)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.update();
		this.jdbc
			.sql("""
					insert into qa_framework_domain (version_id, key, position, name, weight, caps_overall)
					select :id, key, position, name, weight, caps_overall from qa_framework_domain where version_id = :from""")
			.param("id", id)
			.param("from", current.id())
			.update();
		this.jdbc
			.sql("""
					insert into qa_framework_standard (version_id, key, domain_key, position, name, prompts, evidence,
					                                   cqc_key_questions, cqc_statements, weight)
					select :id, key, domain_key, position, name, prompts, evidence, cqc_key_questions, cqc_statements, weight
					from qa_framework_standard where version_id = :from""")
			.param("id", id)
			.param("from", current.id())
			.update();
		this.audit.record(AuditAction.CREATED, "QaFramework", id, "Draft of version " + number);
		return get(id);
	}

	/** Changes a standard of the draft. */
	@Transactional
	public void changeStandard(UUID draftId, String key, String name, String prompts, String evidence, int weight) {
		Framework draft = requireDraft(draftId);
		Framework.Standard before = draft.standard(key)
			.orElseThrow(() -> new RecordNotFoundException("No such standard"));
		this.jdbc
			.sql("""
					update qa_framework_standard set name = :name, prompts = :prompts, evidence = :evidence, weight = :weight
					where version_id = :id and key = :key""")
			.param("name", name)
			.param("prompts", prompts)
			.param("evidence", evidence)
			.param("weight", weight)
			.param("id", draftId)
			.param("key", key)
			.update();
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("name", before.name());
		was.put("prompts", before.prompts());
		was.put("evidence", before.evidence());
		was.put("weight", before.weight());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("name", name);
		now.put("prompts", prompts);
		now.put("evidence", evidence);
		now.put("weight", weight);
		this.audit.changed("QaFrameworkStandard", draftId + "/" + key, was, now);
	}

	/** Changes a domain's weight and whether a Poor standard in it limits the overall. */
	@Transactional
	public void changeDomain(UUID draftId, String key, int weight, boolean capsOverall) {
		Framework draft = requireDraft(draftId);
		Framework.Domain before = draft.domain(key).orElseThrow(() -> new RecordNotFoundException("No such domain"));
		this.jdbc.sql("""
				update qa_framework_domain set weight = :weight, caps_overall = :caps
				where version_id = :id and key = :key""")
			.param("weight", weight)
			.param("caps", capsOverall)
			.param("id", draftId)
			.param("key", key)
			.update();
		this.audit.changed("QaFrameworkDomain", draftId + "/" + key,
				Map.of("weight", before.weight(), "capsOverall", before.capsOverall()),
				Map.of("weight", weight, "capsOverall", capsOverall));
	}

	/** Puts the draft in use; the version it replaces is retired. */
	@Transactional
	public void publish(UUID draftId) {
		Framework draft = requireDraft(draftId);
		UUID retired = current().id();
		this.jdbc.sql("update qa_framework_version set status = 'RETIRED' where status = 'PUBLISHED'").update();
		this.jdbc.sql("update qa_framework_version set status = 'PUBLISHED', published_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", draftId)
			.update();
		this.settled.remove(retired);
		this.audit.record(AuditAction.CHANGED, "QaFramework", draftId, "Published version " + draft.number());
	}

	@Transactional
	public void discard(UUID draftId) {
		Framework draft = requireDraft(draftId);
		this.jdbc.sql("delete from qa_framework_version where id = :id").param("id", draftId).update();
		this.audit.record(AuditAction.DELETED, "QaFramework", draftId, "Discarded draft of version " + draft.number());
	}

	private Framework requireDraft(UUID id) {
		Framework framework = get(id);
		if (framework.status() != Framework.Status.DRAFT) {
			throw new IllegalStateException("Only a draft version can be changed");
		}
		return framework;
	}

	private Optional<Framework> load(UUID id) {
		record Version(UUID id, int number, String status, String notes, Timestamp publishedAt) {
		}
		Optional<Version> version = this.jdbc
			.sql("select id, number, status, notes, published_at from qa_framework_version where id = :id")
			.param("id", id)
			.query((rs, n) -> new Version(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("status"),
					rs.getString("notes"), rs.getTimestamp("published_at")))
			.optional();
		if (version.isEmpty()) {
			return Optional.empty();
		}
		Map<String, List<Framework.Standard>> byDomain = new LinkedHashMap<>();
		this.jdbc.sql("""
				select key, domain_key, name, prompts, evidence, cqc_key_questions, cqc_statements, weight
				from qa_framework_standard where version_id = :id order by position""")
			.param("id", id)
			.query((rs, n) -> new Framework.Standard(rs.getString("key"), rs.getString("domain_key"),
					rs.getString("name"), rs.getString("prompts"), rs.getString("evidence"),
					Arrays.asList((String[]) rs.getArray("cqc_key_questions").getArray()),
					rs.getString("cqc_statements"), rs.getInt("weight")))
			.list()
			.forEach(standard -> byDomain.computeIfAbsent(standard.domainKey(), k -> new ArrayList<>()).add(standard));
		List<Framework.Domain> domains = this.jdbc.sql(
				"select key, name, weight, caps_overall from qa_framework_domain where version_id = :id order by position")
			.param("id", id)
			.query((rs, n) -> new Framework.Domain(rs.getString("key"), rs.getString("name"), rs.getInt("weight"),
					rs.getBoolean("caps_overall"), List.copyOf(byDomain.getOrDefault(rs.getString("key"), List.of()))))
			.list();
		Version v = version.get();
		return Optional.of(new Framework(v.id(), v.number(), Framework.Status.valueOf(v.status()), v.notes(),
				(v.publishedAt() != null) ? v.publishedAt().toInstant() : null, domains));
	}

}
