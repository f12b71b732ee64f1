package org.carecycle.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecycle.ApplicationTest;
import org.carecycle.identity.ProviderScope;
import org.carecycle.quality.Framework;
import org.carecycle.quality.Frameworks;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.RatingRule;
import org.carecycle.quality.Review;
import org.carecycle.quality.ReviewProgramme;
import org.carecycle.quality.ReviewProgramme.Coverage;
import org.carecycle.quality.ReviewProgramme.ServiceStanding;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.quality.Reviews;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's review history as the quality module sees it: the annual programme's
 * coverage, the rating rule, the walkthrough's reviews and the one-review-at-a-time rule.
 */
@ApplicationTest
class DemoReviewHistoryTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewProgramme programme;

	@Autowired
	Reviews reviews;

	@Autowired
	Frameworks frameworks;

	@Autowired
	DemoCountyLoader loader;

	@Autowired
	DemoProperties properties;

	@Autowired
	Clock clock;

	private Set<UUID> countyServices;

	private LocalDate today;

	@BeforeEach
	void readTheCounty() {
		// other tests add services and contracts: look at the county's own
		this.countyServices = this.loader.generate(this.properties)
			.services()
			.stream()
			.map(s -> s.id())
			.collect(Collectors.toSet());
		this.today = UkTime.today(this.clock);
	}

	@Test
	void keepsNearlyEveryCommissionedServiceReviewedWithinTheYearAndNamesTheFewOverdue() {
		Coverage coverage = this.programme.coverage();
		List<ServiceStanding> county = this.programme.standings()
			.stream()
			.filter(s -> this.countyServices.contains(s.serviceId()))
			.toList();
		long reviewed = county.stream().filter(s -> s.reviewedInYear(this.today)).count();
		List<ServiceStanding> overdue = coverage.overdue()
			.stream()
			.filter(s -> this.countyServices.contains(s.serviceId()))
			.toList();
		System.out.printf(
				"Coverage: %s%% kept, %s%% reviewed in the year; the county's %d services, %d reviewed, "
						+ "%d overdue: %s%n",
				coverage.total().keptPercent(), coverage.total().reviewedPercent(), county.size(), reviewed,
				overdue.size(), overdue.stream().map(ServiceStanding::serviceName).toList());
		assertThat(coverage.total().keptPercent()).isBetween(90.0, 100.0);
		assertThat(100.0 * reviewed / county.size()).isBetween(94.0, 99.0);
		assertThat(overdue).hasSizeBetween(3, 8).allSatisfy(s -> {
			assertThat(s.serviceName()).isNotBlank();
			assertThat(s.promiseDate()).isBefore(this.today);
		});
		assertThat(coverage.dueSoon()).isNotEmpty();
		assertThat(coverage.byLocality()).hasSizeGreaterThanOrEqualTo(19);
	}

	@Test
	void publishesEveryReviewWithTheRatingTheRuleGivesItsFindings() {
		record Finding(UUID review, UUID framework, String overall, java.math.BigDecimal percent, String standard,
				String rating) {
		}
		Map<UUID, List<Finding>> byReview = this.jdbc.sql("""
				select r.id as review, r.framework_version_id as framework, r.overall_rating as overall,
				       r.overall_percent as percent, f.standard_key as standard, f.rating
				from qa_review r join qa_finding f on f.review_id = r.id
				where r.published_at is not null""")
			.query(Finding.class)
			.stream()
			.collect(Collectors.groupingBy(Finding::review));
		assertThat(byReview).hasSizeGreaterThan(1000);
		byReview.forEach((id, findings) -> {
			Framework framework = this.frameworks.get(findings.get(0).framework());
			Map<String, QaRating> ratings = new HashMap<>();
			findings.forEach(f -> ratings.put(f.standard(), QaRating.parse(f.rating())));
			RatingRule.Calculation calculation = RatingRule.calculate(framework, ratings);
			assertThat(findings.get(0).overall()).as(id.toString()).isEqualTo(calculation.overall().name());
			assertThat(findings.get(0).percent()).as(id.toString())
				.isEqualByComparingTo(calculation.roundedOverallPercent());
		});
	}

	@Test
	void givesTheDemoProviderADraftOpenForCommentsAndAReportNeedingAnActionPlan() {
		UUID provider = this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
		UUID officer = this.jdbc.sql("select id from app_user where email = 'qa.officer@carecycle.example'")
			.query(UUID.class)
			.single();
		List<Review> theirs = this.jdbc.sql("select id from qa_review where provider_id = :provider")
			.param("provider", provider)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> this.reviews.get(id, ProviderScope.everything()))
			.toList();
		assertThat(theirs).anySatisfy(review -> {
			assertThat(review.status()).isEqualTo(ReviewStatus.FACTUAL_ACCURACY);
			assertThat(review.isOpenForComments(this.today)).isTrue();
			assertThat(review.sentToProviderAt()).isAfter(this.clock.instant().minus(java.time.Duration.ofDays(7)));
			assertThat(review.officerId()).isEqualTo(officer);
		});
		assertThat(theirs).anySatisfy(review -> {
			assertThat(review.status()).isEqualTo(ReviewStatus.ACTION_PLAN_DUE);
			assertThat(review.overallRating()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
			assertThat(review.publishedOn()).isAfter(this.today.minusDays(7));
			assertThat(review.isActionPlanOpen()).isTrue();
			assertThat(review.findingsNeedingAction()).isNotEmpty();
			assertThat(review.officerId()).isEqualTo(officer);
		});
	}

	@Test
	void neverHasTwoReviewsOfAServiceInProgress() {
		assertThat(this.jdbc.sql("""
				select care_service_id from qa_review
				where status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW')
				group by care_service_id having count(*) > 1""").query(UUID.class).list()).isEmpty();
	}

	@Test
	void leavesThePresentInEveryStepOfTheProcess() {
		Map<String, Long> byStatus = this.jdbc.sql("select status, count(*) from qa_review group by status")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		System.out.println("Demo reviews by status: " + byStatus);
		assertThat(byStatus.get("DRAFT")).isEqualTo(1);
		assertThat(byStatus.get("EVIDENCE")).isPositive();
		assertThat(byStatus.get("PLANNED")).isPositive();
		assertThat(byStatus.get("FOLLOW_UP")).isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from qa_review where status = 'PLANNED' and planned_for < current_date + 28""")
			.query(Long.class)
			.single()).as("planned in the coming weeks").isBetween(5L, 60L);
		assertThat(this.jdbc.sql("select count(*) from qa_review_event where note like '%{0}%'")
			.query(Long.class)
			.single()).as("timeline notes in words").isZero();
		long references = this.jdbc
			.sql("select max(cast(substring(reference from 9) as bigint)) from qa_review where reference like 'QA-%'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select last_value from qa_review_number").query(Long.class).single())
			.as("the sequence is past every reference")
			.isGreaterThanOrEqualTo(references);
	}

	@Test
	void givesThePlannerATeamOfOfficersAndWorkToBalance() {
		List<ReviewProgramme.Officer> officers = this.programme.officers();
		assertThat(officers).extracting(ReviewProgramme.Officer::name)
			.contains("Morwenna Hicks", "Jago Nancarrow", "Lowenna Curnow", "Tomasz Nowak");
		assertThat(officers).extracting(ReviewProgramme.Officer::perMonth).contains(12, 14, 10, 6);
		ReviewProgramme.Plan plan = this.programme.propose();
		System.out.println("The planner proposed " + plan.proposals().size() + " reviews in " + plan.millis()
				+ " ms; already planned " + plan.alreadyPlanned());
		assertThat(plan.proposals()).hasSizeGreaterThan(100);
		assertThat(plan.proposals()).anySatisfy(p -> assertThat(p.officerId()).isNotNull());
	}

}
