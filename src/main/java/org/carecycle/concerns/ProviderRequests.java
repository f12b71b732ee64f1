package org.carecycle.concerns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.UkTime;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What the council asked providers about concerns and what they answered: the rounds on a
 * concern's page, and the provider portal's view, which shows the officer's summary and
 * never the reporter or their words.
 */
@Component
public class ProviderRequests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]\\n]{0,300}]");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	/** Working days a provider has to respond. */
	public static final int RESPONSE_DAYS = 10;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	ProviderRequests(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** One round of asking and answering. */
	public record Request(UUID id, UUID concernId, int round, String summary, Instant askedAt, LocalDate dueOn,
			String response, UUID documentId, Instant respondedAt, String decision, String decisionNote,
			Instant decidedAt) {

		public boolean answered() {
			return this.respondedAt != null;
		}

		public boolean overdue(LocalDate today) {
			return this.respondedAt == null && this.dueOn.isBefore(today);
		}

	}

	/** A request as the provider sees it. */
	public record ProviderView(UUID id, UUID concernId, String reference, String serviceName, int round, String summary,
			Instant askedAt, LocalDate dueOn, String response, UUID documentId, Instant respondedAt, String decision,
			String decisionNote) {

		public boolean answered() {
			return this.respondedAt != null;
		}

		public String stateKey(LocalDate today) {
			if (this.respondedAt == null) {
				return this.dueOn.isBefore(today) ? "providerConcerns.state.overdue" : "providerConcerns.state.waiting";
			}
			if (this.decision == null) {
				return "providerConcerns.state.responded";
			}
			return "providerConcerns.state." + this.decision;
		}

	}

	private static final String PROVIDER_VIEW = """
			select r.id, r.concern_id, c.reference, s.name as service_name, r.round, r.summary, r.asked_at, r.due_on,
			       r.response, r.document_id, r.responded_at, r.decision, r.decision_note
			from concern_provider_request r
			join concern c on c.id = r.concern_id
			left join providers_service s on s.id = c.care_service_id
			""";

	public List<Request> of(UUID concernId) {
		return this.jdbc.sql("""
				select id, concern_id, round, summary, asked_at, due_on, response, document_id, responded_at, decision,
				       decision_note, decided_at
				from concern_provider_request where concern_id = :id order by round""")
			.param("id", concernId)
			.query(Request.class)
			.list();
	}

	public Optional<Request> latest(UUID concernId) {
		List<Request> rounds = of(concernId);
		return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
	}

	/** Everything the council asked this provider, newest first. */
	public List<ProviderView> forProvider(ProviderId provider) {
		return this.jdbc.sql(PROVIDER_VIEW + " where c.provider_id = :provider order by r.asked_at desc limit 200")
			.param("provider", provider.value())
			.query(ProviderView.class)
			.list();
	}

	/** One request, only when it is about this provider's service. */
	public Optional<ProviderView> forProvider(ProviderId provider, UUID requestId) {
		return this.jdbc.sql(PROVIDER_VIEW + " where r.id = :id and c.provider_id = :provider")
			.param("id", requestId)
			.param("provider", provider.value())
			.query(ProviderView.class)
			.optional();
	}

	/** The earlier rounds of the same concern, for the provider to see what was said. */
	public List<ProviderView> rounds(ProviderId provider, UUID concernId) {
		return this.jdbc
			.sql(PROVIDER_VIEW + " where r.concern_id = :concern and c.provider_id = :provider order by r.round")
			.param("concern", concernId)
			.param("provider", provider.value())
			.query(ProviderView.class)
			.list();
	}

	/** An incident or notification the provider reported itself. */
	public record SelfReport(UUID id, String reference, String serviceName, Instant receivedAt, ConcernStatus status) {
	}

	/** What the provider has reported about its own services, newest first. */
	public List<SelfReport> selfReports(ProviderId provider) {
		return this.jdbc.sql("""
				select c.id, c.reference, s.name as service_name, c.received_at, c.status
				from concern c left join providers_service s on s.id = c.care_service_id
				where c.provider_id = :provider and c.channel = 'PROVIDER_PORTAL'
				order by c.received_at desc limit 100""")
			.param("provider", provider.value())
			.query(SelfReport.class)
			.list();
	}

	/**
	 * A first draft of the summary for the provider, which the officer completes. It is a
	 * neutral template: what the concern is about (the themes the officer chose), the
	 * service and the month. It never copies what the person who told us wrote, because
	 * their words, their way of writing and the details in them can identify them to
	 * their employer (ADR 0027). The words in square brackets are for the officer to
	 * replace.
	 */
	public String draftSummary(Concern concern, String serviceName) {
		Locale uk = Locale.UK;
		List<String> themes = concern.themes()
			.stream()
			.map(t -> this.messages.getMessage(t.messageKey(), null, uk).toLowerCase(uk))
			.toList();
		String about = themes.isEmpty() ? this.messages.getMessage("providerSummary.draft.about", null, uk)
				: (themes.size() == 1) ? themes.get(0)
						: String.join(", ", themes.subList(0, themes.size() - 1)) + " "
								+ this.messages.getMessage("providerSummary.draft.and", null, uk) + " "
								+ themes.get(themes.size() - 1);
		String where = StringUtils.hasText(serviceName) ? serviceName
				: this.messages.getMessage("providerSummary.draft.service", null, uk);
		LocalDate when = (concern.happenedOn() != null) ? concern.happenedOn()
				: LocalDate.ofInstant(concern.receivedAt(), UkTime.ZONE);
		return this.messages.getMessage("providerSummary.draft", new Object[] { about, where, when.format(MONTH) }, uk);
	}

	/** Whether the summary still has words in square brackets from the draft. */
	public static boolean hasPlaceholders(String summary) {
		return summary != null && PLACEHOLDER.matcher(summary).find();
	}

}
