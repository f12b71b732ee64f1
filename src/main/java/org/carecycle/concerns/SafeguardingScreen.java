package org.carecycle.concerns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.carecycle.identity.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every concern against the safeguarding rules and says, in plain words, why it may
 * be abuse or neglect. The rules are a short, visible list that administrators edit; a
 * concern matching any of them is flagged for the safeguarding team the same day.
 */
@Component
public class SafeguardingScreen {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * The enabled rules, with their phrases compiled once rather than for every concern.
	 */
	private final AtomicReference<List<Compiled>> enabled = new AtomicReference<>();

	private record Compiled(SafeguardingRule rule, java.util.regex.Pattern pattern) {
	}

	SafeguardingScreen(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why a concern was flagged: one line per rule that matched. */
	public record Reason(SafeguardingRule rule, String found) {
	}

	/** The reasons to flag a concern with this text and answer; empty when none. */
	public List<Reason> screen(AtRisk atRisk, String... texts) {
		List<Reason> reasons = new ArrayList<>();
		Map<UUID, Boolean> seen = new LinkedHashMap<>();
		for (Compiled compiled : enabledRules()) {
			SafeguardingRule rule = compiled.rule();
			if (rule.kind() == SafeguardingRule.Kind.ANSWER) {
				if (SafeguardingRule.AT_RISK_NOW.equals(rule.phrase()) && atRisk == AtRisk.YES) {
					reasons.add(new Reason(rule, null));
				}
				continue;
			}
			for (String text : texts) {
				Optional<String> found = SafeguardingRule.find(compiled.pattern(), text);
				if (found.isPresent() && seen.putIfAbsent(rule.id(), true) == null) {
					reasons.add(new Reason(rule, found.get()));
				}
			}
		}
		return reasons;
	}

	public List<SafeguardingRule> all() {
		return this.jdbc.sql("""
				select id, rule_kind as kind, phrase, abuse_type, enabled from safeguarding_rule
				order by rule_kind, abuse_type, phrase""").query(SafeguardingRule.class).list();
	}

	/** Adds a phrase rule; false when the phrase is a rule already. */
	@Transactional
	public boolean addPhrase(String phrase, AbuseType type) {
		String normalised = SafeguardingRule.normalise(phrase);
		UUID id = UUID.randomUUID();
		int added = this.jdbc.sql("""
				insert into safeguarding_rule (id, rule_kind, phrase, abuse_type, enabled, created_at)
				values (:id, 'PHRASE', :phrase, :type, true, :now) on conflict do nothing""")
			.param("id", id)
			.param("phrase", normalised)
			.param("type", type.name())
			.param("now", java.sql.Timestamp.from(Instant.now(this.clock)))
			.update();
		if (added == 1) {
			this.audit.created("safeguarding rule", id, Map.of("phrase", normalised, "abuseType", type.name()));
			this.enabled.set(null);
		}
		return added == 1;
	}

	/** Switches a rule on or off. */
	@Transactional
	public void setEnabled(UUID id, boolean on) {
		SafeguardingRule rule = this.jdbc
			.sql("select id, rule_kind as kind, phrase, abuse_type, enabled from safeguarding_rule where id = :id")
			.param("id", id)
			.query(SafeguardingRule.class)
			.optional()
			.orElseThrow(() -> new org.carecycle.shared.RecordNotFoundException("No such rule"));
		this.jdbc.sql("update safeguarding_rule set enabled = :on where id = :id")
			.param("on", on)
			.param("id", id)
			.update();
		this.audit.changed("safeguarding rule", id, Map.of("phrase", rule.phrase(), "enabled", rule.enabled()),
				Map.of("phrase", rule.phrase(), "enabled", on));
		this.enabled.set(null);
	}

	private List<Compiled> enabledRules() {
		List<Compiled> rules = this.enabled.get();
		if (rules == null) {
			rules = all().stream()
				.filter(SafeguardingRule::enabled)
				.map(rule -> new Compiled(rule, (rule.kind() == SafeguardingRule.Kind.PHRASE) ? rule.pattern() : null))
				.toList();
			this.enabled.set(rules);
		}
		return rules;
	}

}
