package org.carecycle.concerns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every concern for signs of abuse or neglect and says, in plain words, why. Three
 * layers, any of which flags: the answer "someone is at risk of harm right now"; the
 * phrase rules, a short visible list administrators edit; and the meaning layer, which
 * compares what the concern says with labelled examples of how people describe each type
 * of risk (and of what is not safeguarding), whatever words they use. Spelling slips are
 * put right before the phrases and the meaning are read. A flagged concern goes to the
 * safeguarding team the same day.
 */
@Component
public class SafeguardingScreen {

	private static final Logger log = LoggerFactory.getLogger(SafeguardingScreen.class);

	/** Text beyond this is not read by the phrase rules (the form allows far less). */
	static final int MAX_TEXT = 20_000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final Clock clock;

	/**
	 * The enabled rules, with their phrases compiled once rather than for every concern.
	 */
	private final AtomicReference<List<Compiled>> enabled = new AtomicReference<>();

	/** The meaning layer with the shipped and the council's enabled examples. */
	private final AtomicReference<Meaning> meaning = new AtomicReference<>();

	private record Compiled(SafeguardingRule rule, java.util.regex.Pattern pattern) {
	}

	/**
	 * The layer, with its check-set figures worked out once, on first asking: rules and
	 * examples change only by building a new layer.
	 */
	private record Meaning(MeaningScreen screen, SpellingCorrector spelling, int shippedExamples,
			AtomicReference<SafeguardingExamples.Figures> figures) {
	}

	SafeguardingScreen(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** How a reason was found. */
	public enum Kind {

		ANSWER, PHRASE, MEANING

	}

	/**
	 * Why a concern was flagged.
	 *
	 * @param kind the layer that found it
	 * @param type the type of risk it suggests
	 * @param rule the rule, for an answer or a phrase
	 * @param found the words of the concern that matched a phrase, as written
	 * @param readAs the same words as the screen read them, when a spelling slip was put
	 * right; otherwise null
	 * @param example the nearest example, for the meaning layer
	 * @param similarity how alike the concern and the example are, from 0 to 1
	 */
	public record Reason(Kind kind, AbuseType type, SafeguardingRule rule, String found, String readAs, String example,
			double similarity) {

		/** The similarity as a whole percentage. */
		public int percentAlike() {
			return (int) Math.round(Math.max(0, this.similarity) * 100);
		}

	}

	/** The reasons to flag a concern with this text and answer; empty when none. */
	public List<Reason> screen(AtRisk atRisk, String... texts) {
		List<Reason> reasons = new ArrayList<>();
		String text = plain(texts);
		Meaning layer = meaningOrNull();
		String corrected = (layer != null) ? layer.spelling().correct(text) : text;
		Set<UUID> matched = new LinkedHashSet<>();
		for (Compiled compiled : enabledRules()) {
			SafeguardingRule rule = compiled.rule();
			if (rule.kind() == SafeguardingRule.Kind.ANSWER) {
				if (SafeguardingRule.AT_RISK_NOW.equals(rule.phrase()) && atRisk == AtRisk.YES) {
					reasons.add(new Reason(Kind.ANSWER, rule.abuseType(), rule, null, null, null, 0));
				}
				continue;
			}
			Optional<String> found = SafeguardingRule.find(compiled.pattern(), text);
			if (found.isPresent()) {
				matched.add(rule.id());
				reasons.add(new Reason(Kind.PHRASE, rule.abuseType(), rule, found.get(), null, null, 0));
			}
			else if (!corrected.equals(text)) {
				Optional<String> readAs = SafeguardingRule.find(compiled.pattern(), corrected);
				if (readAs.isPresent() && matched.add(rule.id())) {
					reasons.add(new Reason(Kind.PHRASE, rule.abuseType(), rule, written(text, corrected, readAs.get()),
							readAs.get(), null, 0));
				}
			}
		}
		if (layer != null && !corrected.isBlank()) {
			try {
				MeaningScreen.Judgement judgement = layer.screen().judge(corrected);
				if (judgement.flagged() && judgement.closest() != null) {
					reasons.add(new Reason(Kind.MEANING, judgement.closest().type(), null, null, null,
							judgement.closest().text(), judgement.similarity()));
				}
			}
			catch (RuntimeException ex) {
				log.error("The safeguarding screen's meaning layer failed; the phrase rules still ran", ex);
			}
		}
		return reasons;
	}

	/** The text as the screen reads it: without markup, at most {@link #MAX_TEXT}. */
	static String plain(String... texts) {
		StringBuilder joined = new StringBuilder();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				joined.append(joined.isEmpty() ? "" : "\n").append(text);
			}
		}
		String text = (joined.length() > MAX_TEXT) ? joined.substring(0, MAX_TEXT) : joined.toString();
		if (text.indexOf('<') >= 0) {
			text = Jsoup.parse(text).wholeText();
		}
		return text.replace('\u0000', ' ');
	}

	/**
	 * The words as written that the spelling correction turned into {@code readAs}: the
	 * same number of words at the same place.
	 */
	private static String written(String text, String corrected, String readAs) {
		int at = corrected.toLowerCase(Locale.UK).indexOf(readAs.toLowerCase(Locale.UK));
		if (at < 0) {
			return readAs;
		}
		String[] before = corrected.substring(0, at).split("\\s+", -1);
		String[] words = text.split("\\s+", -1);
		int first = Math.max(0, before.length - 1);
		int count = readAs.split("\\s+").length;
		if (first + count > words.length) {
			return readAs;
		}
		return String.join(" ", java.util.Arrays.copyOfRange(words, first, first + count))
			.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
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
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update();
		if (added == 1) {
			this.audit.created("safeguarding rule", id, Map.of("phrase", normalised, "abuseType", type.name()));
			this.enabled.set(null);
			this.meaning.set(null);
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
		this.meaning.set(null);
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

	// The meaning layer's examples ------------------------------------------------------

	/**
	 * One of the council's own examples.
	 *
	 * @param id its id
	 * @param text the example sentence
	 * @param type the type of risk it shows
	 * @param enabled whether the screen uses it
	 * @param addedBy who added it
	 * @param addedAt when
	 * @param fromConcernId the concern it came from, if any
	 */
	public record CouncilExample(UUID id, String text, AbuseType type, boolean enabled, String addedBy, Instant addedAt,
			UUID fromConcernId) {
	}

	public List<CouncilExample> councilExamples() {
		return this.jdbc.sql("""
				select e.id, e.example_text as text, e.abuse_type as type, e.enabled,
				       coalesce(u.display_name, '') as added_by, e.added_at, e.from_concern_id
				from safeguarding_example e left join identity_user_name u on u.id = e.added_by
				order by e.added_at desc""").query(CouncilExample.class).list();
	}

	/** Adds an example sentence to the meaning layer; false when it is there already. */
	@Transactional
	public boolean addExample(String text, AbuseType type, UUID fromConcernId) {
		UUID id = UUID.randomUUID();
		String clean = SafeguardingExamples.normalise(text);
		int added = this.jdbc
			.sql("""
					insert into safeguarding_example (id, example_text, abuse_type, enabled, from_concern_id, added_by, added_at)
					values (:id, :text, :type, true, :concern, :by, :now) on conflict do nothing""")
			.param("id", id)
			.param("text", clean)
			.param("type", type.name())
			.param("concern", fromConcernId)
			.param("by", this.currentUser.require().id())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (added == 1) {
			Map<String, Object> values = new HashMap<>();
			values.put("example", clean);
			values.put("abuseType", type.name());
			values.put("fromConcernId", fromConcernId);
			this.audit.created("safeguarding example", id, values);
			this.meaning.set(null);
		}
		return added == 1;
	}

	/** Switches one of the council's examples on or off. */
	@Transactional
	public void setExampleEnabled(UUID id, boolean on) {
		CouncilExample example = councilExamples().stream()
			.filter(e -> e.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new org.carecycle.shared.RecordNotFoundException("No such example"));
		this.jdbc.sql("update safeguarding_example set enabled = :on where id = :id")
			.param("on", on)
			.param("id", id)
			.update();
		this.audit.changed("safeguarding example", id, Map.of("example", example.text(), "enabled", example.enabled()),
				Map.of("example", example.text(), "enabled", on));
		this.meaning.set(null);
	}

	/**
	 * What adding an example would do on the check set: the figures before and after, and
	 * the reports whose flag it changes.
	 */
	public SafeguardingExamples.Effect tryExample(String text, AbuseType type) {
		Meaning layer = meaningOrNull();
		if (layer == null) {
			throw new IllegalStateException("The meaning layer is not running");
		}
		String clean = SafeguardingExamples.normalise(text);
		// Calibrated as saving it would calibrate it, so that the preview is what saving
		// does.
		MeaningScreen with = calibrated(
				layer.screen().with(MeaningScreen.example("new", layer.spelling().correct(clean), type)),
				layer.spelling());
		return SafeguardingExamples.effect(this, layer.screen(), with);
	}

	/** The figures of the screen as it is now on the check set. */
	public SafeguardingExamples.Figures checkFigures() {
		Meaning layer = meaningOrNull();
		if (layer == null) {
			return null;
		}
		return layer.figures().updateAndGet(f -> (f != null) ? f : SafeguardingExamples.figures(this, layer.screen()));
	}

	/** How many labelled examples are shipped with CareCycle. */
	public int shippedExampleCount() {
		Meaning layer = meaningOrNull();
		return (layer != null) ? layer.shippedExamples() : SafeguardingCorpus.read(SafeguardingCorpus.EXAMPLES).size();
	}

	/** Whether the meaning layer is running (it is unless its model failed to load). */
	public boolean meaningRunning() {
		return meaningOrNull() != null;
	}

	/** The flag the phrase rules alone would give, without the meaning layer. */
	boolean flaggedByRules(String text) {
		return flaggedByRules(text, corrected(text));
	}

	private boolean flaggedByRules(String text, String corrected) {
		for (Compiled compiled : enabledRules()) {
			if (compiled.pattern() != null && (SafeguardingRule.find(compiled.pattern(), text).isPresent()
					|| SafeguardingRule.find(compiled.pattern(), corrected).isPresent())) {
				return true;
			}
		}
		return false;
	}

	String corrected(String text) {
		Meaning layer = meaningOrNull();
		return (layer != null) ? layer.spelling().correct(text) : text;
	}

	/**
	 * Loads the model and the examples once the application is up, not on the first
	 * concern.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread warmUp = new Thread(this::meaningOrNull, "safeguarding-screen-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	private Meaning meaningOrNull() {
		Meaning layer = this.meaning.get();
		if (layer != null) {
			return layer;
		}
		synchronized (this.meaning) {
			layer = this.meaning.get();
			if (layer == null) {
				try {
					layer = load();
					this.meaning.set(layer);
				}
				catch (RuntimeException | LinkageError ex) {
					log.error("The safeguarding screen's meaning layer could not start; the phrase rules still run",
							ex);
					return null;
				}
			}
			return layer;
		}
	}

	private Meaning load() {
		List<SafeguardingCorpus.Labelled> shipped = SafeguardingCorpus.read(SafeguardingCorpus.EXAMPLES);
		SpellingCorrector spelling = new SpellingCorrector(SafeguardingExamples.wordsByUse(shipped));
		List<MeaningScreen.Example> examples = new ArrayList<>();
		for (SafeguardingCorpus.Labelled row : shipped) {
			examples.add(MeaningScreen.example(row.id(), spelling.correct(row.text()), row.type()));
		}
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (CouncilExample own : councilExamples()) {
			if (own.enabled() && seen.putIfAbsent(own.text(), true) == null) {
				examples.add(MeaningScreen.example(own.id().toString(), spelling.correct(own.text()), own.type()));
			}
		}
		return new Meaning(calibrated(MeaningScreen.learn(examples), spelling), spelling, shipped.size(),
				new AtomicReference<>());
	}

	/** Sets the layer's threshold on the check set, with the phrase rules as they are. */
	private MeaningScreen calibrated(MeaningScreen layer, SpellingCorrector spelling) {
		return calibrated(layer, spelling, this::flaggedByRules);
	}

	/** Sets the layer's threshold on the check set, with the given phrase rules. */
	private static MeaningScreen calibrated(MeaningScreen layer, SpellingCorrector spelling,
			java.util.function.BiPredicate<String, String> byRules) {
		List<Double> scores = new ArrayList<>();
		int safeguarding = 0;
		for (SafeguardingCorpus.Labelled row : SafeguardingCorpus.read(SafeguardingCorpus.CHECK)) {
			if (!row.safeguarding()) {
				continue;
			}
			safeguarding++;
			String corrected = spelling.correct(row.text());
			if (!byRules.test(row.text(), corrected)) {
				scores.add(layer.judge(corrected, SentenceMeaning::remembered).score());
			}
		}
		return layer.calibrate(scores, safeguarding);
	}

	/**
	 * The screen as CareCycle ships it, for measuring: these phrase rules and the shipped
	 * examples only, whatever the council has added or switched off.
	 */
	static java.util.function.Predicate<String> asShipped(List<java.util.regex.Pattern> rules) {
		List<SafeguardingCorpus.Labelled> shipped = SafeguardingCorpus.read(SafeguardingCorpus.EXAMPLES);
		SpellingCorrector spelling = new SpellingCorrector(SafeguardingExamples.wordsByUse(shipped));
		List<MeaningScreen.Example> examples = new ArrayList<>();
		for (SafeguardingCorpus.Labelled row : shipped) {
			examples.add(MeaningScreen.example(row.id(), spelling.correct(row.text()), row.type()));
		}
		java.util.function.BiPredicate<String, String> byRules = (text, corrected) -> rules.stream()
			.anyMatch(rule -> rule.matcher(text).find() || rule.matcher(corrected).find());
		MeaningScreen layer = calibrated(MeaningScreen.learn(examples), spelling, byRules);
		return text -> {
			String plain = plain(text);
			String corrected = spelling.correct(plain);
			return byRules.test(plain, corrected) || layer.judge(corrected).flagged();
		};
	}

}
