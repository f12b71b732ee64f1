package org.carecycle.quality;

import java.util.EnumSet;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quality module's pages: coverage, the programme and reviews for the officers who
 * carry them out (and the staff who need to read them), the framework for administrators.
 */
@Configuration(proxyBeanMethods = false)
class QualityWebConfiguration {

	@Bean
	Section qualitySection() {
		return new Section("nav.quality", "/quality", Reviews.READERS, 110, true);
	}

	@Bean
	AccessRule reviewProgrammeChanges() {
		return new AccessRule("/quality/programme/{step:accept|capacity}", Reviews.OFFICERS);
	}

	@Bean
	AccessRule reviewSteps() {
		return new AccessRule(
				"/quality/reviews/*/{step:plan|visit|standards|summary|draft|send|publish|decide|action-plan|reschedule|cancel|evidence}",
				Reviews.OFFICERS);
	}

	@Bean
	AccessRule reviewStepDetails() {
		return new AccessRule("/quality/reviews/*/{step:standards|decide|evidence}/**", Reviews.OFFICERS);
	}

	@Bean
	AccessRule planReview() {
		return new AccessRule("/quality/reviews/new", Reviews.OFFICERS);
	}

	@Bean
	Section frameworkSection() {
		return new Section("nav.qaFramework", "/admin/qa-framework", EnumSet.of(Role.ADMIN), 930, true);
	}

}
