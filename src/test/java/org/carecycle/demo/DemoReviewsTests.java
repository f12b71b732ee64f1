package org.carecycle.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.carecycle.concerns.ConcernLoader.PastConcern;
import org.carecycle.demo.DemoReviewRows.Batch;
import org.carecycle.demo.DemoReviewRows.FindingRow;
import org.carecycle.demo.DemoReviews.Present;
import org.carecycle.demo.DemoReviewRows.ReviewRow;
import org.carecycle.geography.Boundaries;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.quality.Framework;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.RatingRule;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's review history without a database: the framework as the migration defines
 * it, the Cornwall-sized county, and the rules every generated review must keep.
 */
class DemoReviewsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static DemoCounty county;

	private static Map<String, org.carecycle.geography.Coordinates> centroids;

	private static Framework framework;

	private static DemoReviews.Cast cast;

	private static Batch batch;

	private static DemoReviews reviews;

	@BeforeAll
	static void generate() throws Exception {
		centroids = DemoCountyGeneratorTests.centroidsFromMigration();
		DemoGeography cornwall = DemoGeographies.cornwall(centroids);
		county = new DemoCountyGenerator(cornwall, new Boundaries().localAuthority("Cornwall").orElseThrow(), 1, 2026,
				TODAY, "Cornwall")
			.generate();
		framework = frameworkFromMigration();
		cast = castOf(county);
		reviews = newReviews();
		batch = generateAll(reviews);
	}

	private static DemoReviews.Cast castOf(DemoCounty county) {
		List<DemoReviews.Person> officers = new ArrayList<>();
		DemoReviews.Person senior = null;
		DemoReviews.Person provider = null;
		UUID demoProvider = null;
		for (DemoCounty.DemoUser user : county.users()) {
			DemoReviews.Person person = new DemoReviews.Person(UUID.nameUUIDFromBytes(user.email().getBytes()),
					user.name());
			if (user.role() == Role.QA_OFFICER) {
				officers.add(person);
			}
			else if (user.role() == Role.COMMISSIONER) {
				senior = person;
			}
			else if (user.role() == Role.PROVIDER) {
				provider = person;
				demoProvider = user.provider().id();
			}
		}
		return new DemoReviews.Cast(officers, senior, provider, demoProvider);
	}

	private static DemoReviews newReviews() {
		return new DemoReviews(county, framework, TODAY, 2026, 3, 2, 1, cast,
				(key, fallback, args) -> new java.text.MessageFormat(fallback, java.util.Locale.UK).format(args));
	}

	private static Batch generateAll(DemoReviews reviews) {
		DemoConcerns concerns = new DemoConcerns(county.ratings(), TODAY, county.services().size(), 2, 1);
		List<PastConcern> past = concerns.generate(county.services());
		Batch all = reviews.generate(county.services(), past);
		List<Long> numbers = new ArrayList<>();
		for (long n = 1; n <= all.reviews.size(); n++) {
			numbers.add(n);
		}
		all.number(numbers);
		return all;
	}

	@Test
	void isTheSameHistoryEveryTime() {
		Batch again = generateAll(newReviews());
		assertThat(again.reviews).hasSameSizeAs(batch.reviews);
		for (int i = 0; i < batch.reviews.size(); i++) {
			ReviewRow a = batch.reviews.get(i);
			ReviewRow b = again.reviews.get(i);
			assertThat(b.id).isEqualTo(a.id);
			assertThat(b.reference).isEqualTo(a.reference);
			assertThat(b.status).isEqualTo(a.status);
			assertThat(b.summary).isEqualTo(a.summary);
			assertThat(b.updatedAt).isEqualTo(a.updatedAt);
		}
		assertThat(again.findings).isEqualTo(batch.findings);
		assertThat(again.actions).isEqualTo(batch.actions);
	}

	@Test
	void publishesTheRatingThatTheRuleGivesItsFindings() {
		Map<UUID, Map<String, QaRating>> ratings = ratingsByReview();
		long published = 0;
		for (ReviewRow review : batch.reviews) {
			if (review.publishedAt == null) {
				continue;
			}
			published++;
			RatingRule.Calculation calculation = RatingRule.calculate(framework, ratings.get(review.id));
			assertThat(review.overallRating).as(review.reference).isEqualTo(calculation.overall());
			assertThat(review.overallPercent).as(review.reference)
				.isEqualByComparingTo(calculation.roundedOverallPercent());
			boolean needsAction = review.overallRating.isBelowGood()
					|| ratings.get(review.id).values().stream().anyMatch(QaRating::isBelowGood);
			assertThat(review.actionPlanDueOn != null).as(review.reference).isEqualTo(needsAction);
			assertThat(review.status).isIn(ReviewStatus.PUBLISHED);
		}
		assertThat(published).isGreaterThan(800);
	}

	@Test
	void keepsAtMostOneReviewInProgressForEachService() {
		Map<UUID, Long> inProgress = batch.reviews.stream()
			.filter(r -> ReviewStatus.IN_PROGRESS.contains(r.status))
			.collect(Collectors.groupingBy(r -> r.careServiceId, Collectors.counting()));
		assertThat(inProgress.values()).allMatch(n -> n == 1);
	}

	@Test
	void followsEveryStepInOrder() {
		for (ReviewRow r : batch.reviews) {
			assertThat(r.createdAt).isBefore(TODAY.atStartOfDay(UkTime.ZONE).toInstant());
			assertThat(r.updatedAt).isAfterOrEqualTo(r.createdAt);
			if (r.visitEndedOn != null) {
				assertThat(r.visitEndedOn).isBefore(TODAY).isAfterOrEqualTo(r.visitStartedOn);
			}
			if (r.publishedAt != null) {
				assertThat(r.sentToProviderAt).isBefore(r.publishedAt);
				assertThat(r.publishedOn).isAfter(r.visitEndedOn);
			}
			if (r.status == ReviewStatus.FOLLOW_UP) {
				assertThat(r.followUpReviewId).isNotNull();
				assertThat(r.actionPlanApprovedAt).isAfter(r.actionPlanSubmittedAt);
			}
			if (r.kind == ReviewKind.FOLLOW_UP) {
				assertThat(r.followsReviewId).isNotNull();
			}
		}
		Map<UUID, ReviewRow> byId = batch.reviews.stream().collect(Collectors.toMap(r -> r.id, r -> r));
		for (ReviewRow r : batch.reviews) {
			if (r.followUpReviewId != null) {
				ReviewRow followUp = byId.get(r.followUpReviewId);
				assertThat(followUp.followsReviewId).isEqualTo(r.id);
				assertThat(r.status == ReviewStatus.CLOSED).isEqualTo(followUp.publishedAt != null);
			}
		}
		Set<String> references = new HashSet<>();
		batch.reviews.forEach(r -> assertThat(references.add(r.reference)).isTrue());
	}

	@Test
	void setsUpThePresentForAWalkthrough() {
		Map<ReviewStatus, Long> byStatus = batch.reviews.stream()
			.collect(Collectors.groupingBy(r -> r.status, () -> new EnumMap<>(ReviewStatus.class),
					Collectors.counting()));
		System.out.println("Demo reviews by status: " + byStatus + ", " + batch.findings.size() + " findings, "
				+ batch.events.size() + " events, " + batch.actions.size() + " actions");
		assertThat(byStatus.get(ReviewStatus.DRAFT)).isEqualTo(1);
		assertThat(byStatus.get(ReviewStatus.EVIDENCE)).isBetween(3L, 30L);
		assertThat(byStatus.get(ReviewStatus.PLANNED)).isBetween(8L, 120L);
		List<ReviewRow> demoProvider = batch.reviews.stream()
			.filter(r -> r.providerId.equals(cast.demoProviderId()))
			.toList();
		assertThat(demoProvider).anySatisfy(r -> {
			assertThat(r.status).isEqualTo(ReviewStatus.FACTUAL_ACCURACY);
			assertThat(r.providerRespondedAt).isNull();
			assertThat(r.commentsDueOn).isAfter(TODAY);
			assertThat(r.sentToProviderAt).isAfter(TODAY.minusDays(7).atStartOfDay(UkTime.ZONE).toInstant());
			assertThat(r.officerId).isEqualTo(cast.lead().id());
		});
		assertThat(demoProvider).anySatisfy(r -> {
			assertThat(r.status).isEqualTo(ReviewStatus.ACTION_PLAN_DUE);
			assertThat(r.overallRating).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
			assertThat(r.publishedOn).isAfter(TODAY.minusDays(7));
			assertThat(r.officerId).isEqualTo(cast.lead().id());
		});
	}

	@Test
	void keepsNearlyEveryServiceReviewedWithinTheYearAndAFewOverdue() {
		Map<UUID, LocalDate> firstContract = new HashMap<>();
		Set<UUID> inForce = new HashSet<>();
		for (NewContract contract : county.contracts()) {
			firstContract.merge(contract.serviceId(), contract.startsOn(), (a, b) -> a.isBefore(b) ? a : b);
			if (!contract.startsOn().isAfter(TODAY) && !contract.endsOn().isBefore(TODAY)) {
				inForce.add(contract.serviceId());
			}
		}
		Map<UUID, LocalDate> lastVisit = new HashMap<>();
		for (ReviewRow r : batch.reviews) {
			if (r.visitEndedOn != null) {
				lastVisit.merge(r.careServiceId, r.visitEndedOn, (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		int reviewed = 0;
		int overdue = 0;
		for (UUID service : inForce) {
			LocalDate last = lastVisit.get(service);
			LocalDate promise = (last != null) ? last.plusMonths(12) : firstContract.get(service).plusMonths(12);
			if (last != null && !last.isBefore(TODAY.minusMonths(12))) {
				reviewed++;
			}
			else if (promise.isBefore(TODAY)) {
				overdue++;
				assertThat(reviews.presentOf(service)).isIn(Present.OVERDUE_PLANNED, Present.OVERDUE_UNPLANNED);
			}
		}
		double share = 100.0 * reviewed / inForce.size();
		System.out.printf("Commissioned %d, reviewed in the year %d (%.1f%%), overdue %d%n", inForce.size(), reviewed,
				share, overdue);
		assertThat(share).isBetween(95.0, 98.5);
		assertThat(overdue).isBetween(3, 8);
	}

	@Test
	void ratesRiskierServicesLowerAndSomeDeteriorate() {
		Map<QaRating, Long> published = batch.reviews.stream()
			.filter(r -> r.publishedAt != null)
			.collect(Collectors.groupingBy(r -> r.overallRating, () -> new EnumMap<>(QaRating.class),
					Collectors.counting()));
		long total = published.values().stream().mapToLong(Long::longValue).sum();
		long followUps = batch.reviews.stream().filter(r -> r.kind == ReviewKind.FOLLOW_UP).count();
		System.out
			.println("Published ratings: " + published + ", follow-ups " + followUps + " of " + batch.reviews.size());
		assertThat(published.get(QaRating.GOOD) / (double) total).isBetween(0.55, 0.85);
		assertThat(published.get(QaRating.REQUIRES_IMPROVEMENT) / (double) total).isBetween(0.08, 0.3);
		assertThat(published.get(QaRating.POOR)).isPositive();
		assertThat(published.get(QaRating.EXCELLENT)).isPositive();
		Map<UUID, List<ReviewRow>> byService = batch.reviews.stream()
			.filter(r -> r.publishedAt != null)
			.sorted(Comparator.comparing((ReviewRow r) -> r.publishedAt))
			.collect(Collectors.groupingBy(r -> r.careServiceId, LinkedHashMap::new, Collectors.toList()));
		long falling = byService.values().stream().filter(list -> {
			int n = list.size();
			return n >= 3 && list.get(n - 1).overallRating.points() < list.get(n - 2).overallRating.points()
					&& list.get(n - 2).overallRating.points() < list.get(n - 3).overallRating.points();
		}).count();
		System.out.println("Services whose last three ratings fell each time: " + falling);
		assertThat(falling).isBetween(3L, 40L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-05", "2026-03-29", "2026-06-14", "2026-08-31", "2027-02-28" })
	void keepsTheRulesWhateverTheDay(String day) {
		LocalDate today = LocalDate.parse(day);
		DemoCounty other = new DemoCountyGenerator(DemoGeographies.cornwall(centroids),
				new Boundaries().localAuthority("Cornwall").orElseThrow(), 1, 2026, today, "Cornwall")
			.generate();
		DemoReviews generator = new DemoReviews(other, framework, today, 2026, 3, 2, 1, castOf(other),
				(key, fallback, args) -> fallback);
		Batch generated = generator.generate(other.services(),
				new DemoConcerns(other.ratings(), today, other.services().size(), 2, 1).generate(other.services()));
		Map<UUID, Map<String, QaRating>> ratings = new HashMap<>();
		generated.findings
			.forEach(f -> ratings.computeIfAbsent(f.reviewId(), k -> new HashMap<>()).put(f.standardKey(), f.rating()));
		Map<UUID, Long> inProgress = new HashMap<>();
		Map<UUID, LocalDate> lastVisit = new HashMap<>();
		long drafts = 0;
		for (ReviewRow r : generated.reviews) {
			if (r.publishedAt != null) {
				assertThat(r.overallRating).isEqualTo(RatingRule.calculate(framework, ratings.get(r.id)).overall());
			}
			if (ReviewStatus.IN_PROGRESS.contains(r.status)) {
				inProgress.merge(r.careServiceId, 1L, Long::sum);
			}
			if (r.visitEndedOn != null) {
				lastVisit.merge(r.careServiceId, r.visitEndedOn, (a, b) -> a.isAfter(b) ? a : b);
			}
			drafts += (r.status == ReviewStatus.DRAFT) ? 1 : 0;
			assertThat(r.updatedAt).isBefore(today.atStartOfDay(UkTime.ZONE).toInstant());
		}
		assertThat(inProgress.values()).allMatch(n -> n == 1);
		assertThat(drafts).isEqualTo(1);
		Map<UUID, LocalDate> firstContract = new HashMap<>();
		for (NewContract contract : other.contracts()) {
			if (!contract.startsOn().isAfter(today) && !contract.endsOn().isBefore(today)) {
				firstContract.merge(contract.serviceId(), contract.startsOn(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		long overdue = firstContract.entrySet().stream().filter(e -> {
			LocalDate last = lastVisit.get(e.getKey());
			return ((last != null) ? last : e.getValue()).plusMonths(12).isBefore(today);
		})
			.peek(e -> assertThat(generator.presentOf(e.getKey())).as(day + " " + e.getKey())
				.isIn(Present.OVERDUE_PLANNED, Present.OVERDUE_UNPLANNED))
			.count();
		assertThat(overdue).isBetween(3L, 8L);
	}

	private static Map<UUID, Map<String, QaRating>> ratingsByReview() {
		Map<UUID, Map<String, QaRating>> ratings = new HashMap<>();
		for (FindingRow finding : batch.findings) {
			ratings.computeIfAbsent(finding.reviewId(), k -> new HashMap<>())
				.put(finding.standardKey(), finding.rating());
		}
		return ratings;
	}

	/** The framework version the migration publishes, read from its SQL. */
	static Framework frameworkFromMigration() throws Exception {
		String sql = new ClassPathResource("db/migration/V13__quality_reviews.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher domains = Pattern.compile("\\('[0-9a-f-]{36}', '([A-Z_]+)', (\\d+), '([^']+)', (\\d+), (true|false)\\)")
			.matcher(sql);
		String text = "E'((?:[^']|'')*)'";
		Matcher standards = Pattern
			.compile("\\('[0-9a-f-]{36}', '([A-Z_]+)', '([A-Z_]+)', (\\d+), '([^']+)',\\s*" + text + ",\\s*" + text
					+ ",\\s*'\\{([A-Z_,]+)\\}', " + text + ", (\\d+)\\)")
			.matcher(sql);
		Map<String, List<Framework.Standard>> byDomain = new LinkedHashMap<>();
		while (standards.find()) {
			byDomain.computeIfAbsent(standards.group(2), k -> new ArrayList<>())
				.add(new Framework.Standard(standards.group(1), standards.group(2), standards.group(4),
						unescape(standards.group(5)), unescape(standards.group(6)),
						List.of(standards.group(7).split(",")), unescape(standards.group(8)),
						Integer.parseInt(standards.group(9))));
		}
		List<Framework.Domain> list = new ArrayList<>();
		while (domains.find()) {
			list.add(new Framework.Domain(domains.group(1), domains.group(3), Integer.parseInt(domains.group(4)),
					Boolean.parseBoolean(domains.group(5)), byDomain.get(domains.group(1))));
		}
		Framework framework = new Framework(UUID.fromString("6f1c7a52-0000-4000-8000-000000000001"), 1,
				Framework.Status.PUBLISHED, null, Instant.EPOCH, list);
		assertThat(framework.standards()).hasSize(16);
		return framework;
	}

	private static String unescape(String text) {
		return text.replace("''", "'").replace("\\n", "\n");
	}

}
