package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.documents.Documents;
import org.carecycle.documents.StoredDocument;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.procurement.TenderViews.Clarification;
import org.carecycle.procurement.TenderViews.Criterion;
import org.carecycle.procurement.TenderViews.Lot;
import org.carecycle.procurement.TenderViews.TenderDocument;
import org.carecycle.procurement.TenderViews.TenderPage;
import org.carecycle.procurement.TenderViews.TenderRow;
import org.carecycle.procurement.TenderViews.TenderView;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenders from planning to publication: details, lots, award criteria with their weights,
 * documents, publication to the providers registered in the portal, and clarification
 * questions answered to every bidder without naming who asked. The bids themselves are
 * {@link TenderBids}'.
 */
@Service
public class Tenders {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy",
			Locale.forLanguageTag("en-GB"));

	private final JdbcClient jdbc;

	private final TenderSeal seal;

	private final Documents documents;

	private final UserDirectory users;

	private final Outbox outbox;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final String siteAddress;

	private final org.carecycle.shared.Council council;

	Tenders(JdbcClient jdbc, TenderSeal seal, Documents documents, UserDirectory users, Outbox outbox,
			AuditLog auditLog, CurrentUser currentUser, Clock clock, @Value("${carecycle.base-url}") String siteAddress,
			org.carecycle.shared.Council council) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.documents = documents;
		this.users = users;
		this.outbox = outbox;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
		this.siteAddress = siteAddress;
		this.council = council;
	}

	/** A new tender's details, as planned. */
	public record TenderDetails(String title, String description, String intentionReference, TenderProcedure procedure,
			BigDecimal estimatedValue, Integer contractMonths, Instant closesAt) {
	}

	// Planning
	// --------------------

	@Transactional
	public UUID create(TenderDetails details) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		int next = this.jdbc.sql("select count(*) + 1 from procurement_tender").query(Integer.class).single();
		String reference = "TEN-" + UkTime.today(this.clock).getYear() + "-" + String.format("%03d", next);
		while (this.jdbc.sql("select count(*) from procurement_tender where reference = :r")
			.param("r", reference)
			.query(Integer.class)
			.single() > 0) {
			next++;
			reference = "TEN-" + UkTime.today(this.clock).getYear() + "-" + String.format("%03d", next);
		}
		this.jdbc.sql("""
				insert into procurement_tender (id, version, reference, title, description, intention_reference,
				    procedure, estimated_value, contract_months, status, closes_at, created_by, created_at, updated_at)
				values (:id, 0, :reference, :title, :description, :intention, :procedure, :value, :months,
				    'PLANNING', :closes, :by, :now, :now)""")
			.param("id", id)
			.param("reference", reference)
			.param("title", details.title())
			.param("description", details.description())
			.param("intention", details.intentionReference())
			.param("procedure", details.procedure().name())
			.param("value", details.estimatedValue())
			.param("months", details.contractMonths())
			.param("closes", timestamp(truncated(details.closesAt())))
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("now", timestamp(now))
			.update();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("reference", reference);
		values.put("title", details.title());
		values.put("procedure", details.procedure().name());
		values.put("closesAt", details.closesAt());
		this.auditLog.created("tender", id, values);
		return id;
	}

	@Transactional
	public void addLot(UUID tenderId, String title, String description, BigDecimal estimatedValue) {
		planning(tenderId);
		int number = this.jdbc
			.sql("select coalesce(max(number), 0) + 1 from procurement_tender_lot where tender_id = :t")
			.param("t", tenderId)
			.query(Integer.class)
			.single();
		if (number > 99) {
			throw new IllegalStateException("A tender has at most 99 lots.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into procurement_tender_lot (id, tender_id, number, title, description, estimated_value)
				values (:id, :t, :number, :title, :description, :value)""")
			.param("id", id)
			.param("t", tenderId)
			.param("number", number)
			.param("title", title)
			.param("description", description)
			.param("value", estimatedValue)
			.update();
		this.auditLog.created("tender-lot", id, Map.of("tender", tenderId, "number", number, "title", title));
	}

	@Transactional
	public void addCriterion(UUID tenderId, UUID parentId, CriterionKind kind, String title, String guidance,
			Integer weight) {
		planning(tenderId);
		if (parentId != null) {
			Criterion parent = criteria(tenderId).stream()
				.filter(c -> c.id().equals(parentId) && c.topLevel())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Choose a criterion of this tender to add it under."));
			if (!parent.kind().weighted() || parent.kind() == CriterionKind.PRICE) {
				throw new IllegalStateException("Only quality and social value criteria have sub-criteria.");
			}
			kind = parent.kind();
		}
		if (kind.weighted() == (weight == null)) {
			throw new IllegalStateException(kind.weighted() ? "Enter a weight for a weighted criterion."
					: "A pass/fail question has no weight.");
		}
		UUID id = UUID.randomUUID();
		int position = this.jdbc
			.sql("select coalesce(max(position), 0) + 1 from procurement_tender_criterion where tender_id = :t")
			.param("t", tenderId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					insert into procurement_tender_criterion (id, tender_id, parent_id, kind, title, guidance, weight, position)
					values (:id, :t, :parent, :kind, :title, :guidance, :weight, :position)""")
			.param("id", id)
			.param("t", tenderId)
			.param("parent", parentId)
			.param("kind", kind.name())
			.param("title", title)
			.param("guidance", guidance)
			.param("weight", weight)
			.param("position", position)
			.update();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("tender", tenderId);
		values.put("kind", kind.name());
		values.put("title", title);
		values.put("weight", weight);
		this.auditLog.created("tender-criterion", id, values);
	}

	/**
	 * Adds a stored document (checked by the documents module) to the tender's documents.
	 */
	@Transactional
	public void addDocument(UUID tenderId, String title, UUID documentId) {
		TenderView tender = require(tenderId);
		if (tender.status() != TenderStatus.PLANNING && tender.status() != TenderStatus.PUBLISHED) {
			throw new IllegalStateException("Documents can only be added before the bids are opened.");
		}
		this.jdbc.sql("""
				insert into procurement_tender_document (tender_id, document_id, title, added_at)
				values (:t, :d, :title, :now)""")
			.param("t", tenderId)
			.param("d", documentId)
			.param("title", title)
			.param("now", timestamp(this.clock.instant()))
			.update();
		this.auditLog.created("tender-document", documentId, Map.of("tender", tenderId, "title", title));
	}

	/**
	 * Why the award criteria cannot be published yet, as message keys with their
	 * arguments; empty when the weights are right.
	 */
	public record WeightProblem(String messageKey, List<Object> arguments) {
	}

	public List<WeightProblem> weightProblems(UUID tenderId) {
		return weightProblems(criteria(tenderId));
	}

	static List<WeightProblem> weightProblems(List<Criterion> criteria) {
		List<WeightProblem> problems = new ArrayList<>();
		List<Criterion> top = criteria.stream().filter(Criterion::topLevel).filter(c -> c.kind().weighted()).toList();
		if (top.stream().noneMatch(c -> c.kind() == CriterionKind.PRICE)) {
			problems.add(new WeightProblem("tenders.weights.noPrice", List.of()));
		}
		if (top.stream().noneMatch(c -> c.kind() == CriterionKind.QUALITY)) {
			problems.add(new WeightProblem("tenders.weights.noQuality", List.of()));
		}
		int total = top.stream().mapToInt(Criterion::weight).sum();
		if (total != 100) {
			problems.add(new WeightProblem("tenders.weights.total", List.of(total)));
		}
		for (Criterion parent : top) {
			List<Criterion> children = criteria.stream().filter(c -> parent.id().equals(c.parentId())).toList();
			if (!children.isEmpty()) {
				int sum = children.stream().mapToInt(Criterion::weight).sum();
				if (sum != parent.weight()) {
					problems.add(new WeightProblem("tenders.weights.children",
							List.of(parent.title(), sum, parent.weight())));
				}
			}
		}
		return problems;
	}

	// Publication
	// --------------------

	/**
	 * Publishes the tender notice: makes the tender's keys, opens it for bids until its
	 * deadline, and emails every provider registered in the portal.
	 * @return how many people were emailed
	 */
	@Transactional
	public int publish(UUID tenderId) {
		return publish(tenderId, true);
	}

	/**
	 * Publishes the tender notice, emailing providers or not (the demo county publishes
	 * its tenders without emailing anyone).
	 */
	@Transactional
	public int publish(UUID tenderId, boolean notifyProviders) {
		TenderView tender = planning(tenderId);
		Instant now = this.clock.instant();
		if (tender.closesAt() == null || !tender.closesAt().isAfter(now)) {
			throw new IllegalStateException("The deadline for bids must be in the future.");
		}
		if (lots(tenderId).isEmpty()) {
			throw new IllegalStateException("Add at least one lot before publishing.");
		}
		if (!weightProblems(tenderId).isEmpty()) {
			throw new IllegalStateException("The award criteria's weights must add up to 100 before publishing.");
		}
		TenderSeal.TenderKeys keys = this.seal.newTenderKeys();
		this.jdbc.sql("insert into procurement_tender_seal (tender_id, wrapped_private_key) values (:t, :key)")
			.param("t", tenderId)
			.param("key", keys.wrappedPrivateKey())
			.update();
		this.jdbc.sql("""
				update procurement_tender set status = 'PUBLISHED', published_at = :now, seal_public_key = :key,
				    version = version + 1, updated_at = :now
				where id = :t""")
			.param("t", tenderId)
			.param("now", timestamp(now))
			.param("key", keys.publicKey())
			.update();
		this.auditLog.changed("tender", tenderId, Map.of("status", tender.status().name()),
				Map.of("status", TenderStatus.PUBLISHED.name(), "publishedAt", now));
		int emailed = 0;
		String closes = WHEN.format(ZonedDateTime.ofInstant(tender.closesAt(), UkTime.ZONE))
			.replace("AM", "am")
			.replace("PM", "pm");
		for (UserSummary user : notifyProviders ? this.users.withRole(Role.PROVIDER) : List.<UserSummary>of()) {
			if (!user.enabled() || user.providerId() == null) {
				continue;
			}
			this.outbox.queue("tender-notice:" + tenderId + ":" + user.id(), user.email(),
					"Invitation to tender: " + tender.title(),
					"""
							%s is inviting bids for %s (%s).

							Bids must be received by %s. Read the tender documents, ask clarification questions and submit your bid in the provider portal:
							%s/my-organisation/opportunities/%s
							"""
						.formatted(councilName(), tender.title(), tender.reference(), closes, this.siteAddress,
								tenderId));
			emailed++;
		}
		return emailed;
	}

	private String councilName() {
		return this.council.name();
	}

	// Clarifications
	// --------------------

	/** A provider's question; the asker is kept, but never shown to other bidders. */
	@Transactional
	public UUID ask(UUID tenderId, ProviderId provider, String question) {
		TenderView tender = require(tenderId);
		if (!tender.openForBids(this.clock.instant())) {
			throw new IllegalStateException("Questions can only be asked while the tender is open for bids.");
		}
		UUID id = UUID.randomUUID();
		// numbers are per tender: the row lock keeps two questions from taking the same
		// one
		this.jdbc.sql("select id from procurement_tender where id = :t for update")
			.param("t", tenderId)
			.query()
			.listOfRows();
		int number = this.jdbc
			.sql("select coalesce(max(number), 0) + 1 from procurement_clarification where tender_id = :t")
			.param("t", tenderId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					insert into procurement_clarification (id, tender_id, number, asked_by_provider, asked_by_user, question, asked_at)
					values (:id, :t, :number, :provider, :user, :question, :now)""")
			.param("id", id)
			.param("t", tenderId)
			.param("number", number)
			.param("provider", provider.value())
			.param("user", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("question", question)
			.param("now", timestamp(this.clock.instant()))
			.update();
		this.auditLog.created("tender-clarification", id, Map.of("tender", tenderId, "number", number));
		return id;
	}

	/** Answers a question; the answer is published to every bidder at once. */
	@Transactional
	public void answer(UUID tenderId, UUID clarificationId, String answer) {
		TenderView tender = require(tenderId);
		if (tender.status() != TenderStatus.PUBLISHED) {
			throw new IllegalStateException("Questions can only be answered while the tender is published.");
		}
		String before = this.jdbc
			.sql("select answer from procurement_clarification where id = :id and tender_id = :t for update")
			.param("id", clarificationId)
			.param("t", tenderId)
			.query(String.class)
			.optional()
			.orElse(null);
		int changed = this.jdbc.sql("""
				update procurement_clarification set answer = :answer, answered_at = :now, answered_by = :by
				where id = :id and tender_id = :t""")
			.param("answer", answer)
			.param("now", timestamp(this.clock.instant()))
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("id", clarificationId)
			.param("t", tenderId)
			.update();
		if (changed == 0) {
			throw new RecordNotFoundException("No such question");
		}
		Map<String, Object> old = new LinkedHashMap<>();
		old.put("answer", before);
		this.auditLog.changed("tender-clarification", clarificationId, old, Map.of("answer", answer));
	}

	// Reading
	// --------------------

	public Optional<TenderView> find(UUID id) {
		return this.jdbc.sql("select * from procurement_tender where id = :id")
			.param("id", id)
			.query((rs, row) -> new TenderView(rs.getObject("id", UUID.class), rs.getInt("version"),
					rs.getString("reference"), rs.getString("title"), rs.getString("description"),
					rs.getString("intention_reference"), TenderProcedure.valueOf(rs.getString("procedure")),
					rs.getBigDecimal("estimated_value"), (Integer) rs.getObject("contract_months"),
					TenderStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("closes_at")),
					instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("opened_at")),
					instant(rs.getTimestamp("created_at"))))
			.optional();
	}

	/** A published tender (what a provider may see), or nothing. */
	public Optional<TenderView> findPublished(UUID id) {
		return find(id).filter(t -> t.status() == TenderStatus.PUBLISHED || t.status() == TenderStatus.OPENED);
	}

	public TenderPage page(UUID id, ProviderId viewer) {
		TenderView tender = require(id);
		return new TenderPage(tender, lots(id), criteria(id), documents(id), clarifications(id, viewer));
	}

	/** Every tender, newest first, for council staff. */
	public List<TenderRow> all() {
		return rows("true");
	}

	/** Published tenders, those still open first, for providers and the public. */
	public List<TenderRow> published() {
		return rows("t.status in ('PUBLISHED', 'OPENED')");
	}

	private List<TenderRow> rows(String where) {
		return this.jdbc
			.sql("""
					select t.id, t.reference, t.title, t.procedure, t.status, t.published_at, t.closes_at, t.estimated_value,
					       (select count(*) from procurement_tender_lot l where l.tender_id = t.id) as lots,
					       (select count(*) from procurement_bid b where b.tender_id = t.id) as bids
					from procurement_tender t
					where %s
					order by (t.status = 'PUBLISHED' and t.closes_at > now()) desc, t.closes_at desc nulls first, t.created_at desc
					limit 500"""
				.formatted(where))
			.query((rs, row) -> new TenderRow(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("title"), TenderProcedure.valueOf(rs.getString("procedure")),
					TenderStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("published_at")),
					instant(rs.getTimestamp("closes_at")), rs.getBigDecimal("estimated_value"), rs.getInt("lots"),
					rs.getInt("bids")))
			.list();
	}

	public List<Lot> lots(UUID tenderId) {
		return this.jdbc.sql("""
				select id, number, title, description, estimated_value from procurement_tender_lot
				where tender_id = :t order by number""").param("t", tenderId).query(Lot.class).list();
	}

	public List<Criterion> criteria(UUID tenderId) {
		return this.jdbc.sql("""
				select id, parent_id, kind, title, guidance, weight, position from procurement_tender_criterion
				where tender_id = :t order by position""")
			.param("t", tenderId)
			.query((rs, row) -> new Criterion(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					CriterionKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("guidance"),
					(Integer) rs.getObject("weight"), rs.getInt("position")))
			.list()
			.stream()
			.sorted(java.util.Comparator
				.comparing((Criterion c) -> (c.parentId() == null) ? c.position() : positionOf(tenderId, c.parentId()))
				.thenComparing(c -> c.parentId() != null)
				.thenComparing(Criterion::position))
			.toList();
	}

	private int positionOf(UUID tenderId, UUID criterionId) {
		return this.jdbc.sql("select position from procurement_tender_criterion where id = :id")
			.param("id", criterionId)
			.query(Integer.class)
			.single();
	}

	public List<TenderDocument> documents(UUID tenderId) {
		List<TenderDocument> result = new ArrayList<>();
		this.jdbc.sql(
				"select document_id, title, added_at from procurement_tender_document where tender_id = :t order by added_at")
			.param("t", tenderId)
			.query((rs,
					row) -> new Object[] { rs.getObject("document_id", UUID.class), rs.getString("title"),
							rs.getTimestamp("added_at").toInstant() })
			.list()
			.forEach(row -> {
				Optional<StoredDocument> stored = this.documents.find((UUID) row[0]);
				result.add(new TenderDocument((UUID) row[0], (String) row[1],
						stored.map(StoredDocument::fileName).orElse(""), stored.map(StoredDocument::size).orElse(""),
						(Instant) row[2]));
			});
		return result;
	}

	/** Whether a document is one of the tender's, so it may be downloaded with it. */
	public boolean hasDocument(UUID tenderId, UUID documentId) {
		return this.jdbc
			.sql("select count(*) from procurement_tender_document where tender_id = :t and document_id = :d")
			.param("t", tenderId)
			.param("d", documentId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The questions: for a provider, the answered ones and its own; for council staff
	 * (viewer null), all of them.
	 */
	public List<Clarification> clarifications(UUID tenderId, ProviderId viewer) {
		return this.jdbc
			.sql("""
					select id, number, question, asked_at, answer, answered_at, asked_by_provider = :viewer as mine
					from procurement_clarification
					where tender_id = :t and (cast(:viewer as uuid) is null or answer is not null or asked_by_provider = :viewer)
					order by number""")
			.param("t", tenderId)
			.param("viewer", (viewer != null) ? viewer.value() : null)
			.query((rs, row) -> new Clarification(rs.getObject("id", UUID.class), rs.getInt("number"),
					rs.getString("question"), rs.getTimestamp("asked_at").toInstant(), rs.getString("answer"),
					instant(rs.getTimestamp("answered_at")), rs.getBoolean("mine")))
			.list();
	}

	/** The tender, or "not found". */
	public TenderView require(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("No such tender"));
	}

	private TenderView planning(UUID id) {
		TenderView tender = require(id);
		if (tender.status() != TenderStatus.PLANNING) {
			throw new IllegalStateException("A published tender's lots and criteria cannot be changed.");
		}
		return tender;
	}

	static Instant truncated(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	static java.sql.Timestamp timestamp(Instant instant) {
		return (instant != null) ? java.sql.Timestamp.from(instant) : null;
	}

	static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
