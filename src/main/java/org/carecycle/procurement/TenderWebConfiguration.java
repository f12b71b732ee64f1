package org.carecycle.procurement;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.PublicPages;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tender pages: council staff read tenders; commissioners plan, publish, answer
 * questions and open the bids; providers bid in the portal (under "My organisation");
 * anyone may see the open opportunities and the invitations to tender as open data.
 */
@Configuration(proxyBeanMethods = false)
class TenderWebConfiguration {

	@Bean
	Section tendersSection() {
		return Section.forCouncilStaff("nav.tenders", "/procurement/tenders", 140);
	}

	@Bean
	AccessRule tenderPlanning() {
		return AccessRule.of("/procurement/tenders/new", Role.COMMISSIONER);
	}

	@Bean
	AccessRule tenderRunning() {
		return AccessRule.of("/procurement/tenders/*/{part:lots|criteria|documents|publish|bids}", Role.COMMISSIONER);
	}

	@Bean
	AccessRule tenderAnswers() {
		return AccessRule.of("/procurement/tenders/*/clarifications/**", Role.COMMISSIONER);
	}

	@Bean
	AccessRule tenderBidOpening() {
		return AccessRule.of("/procurement/tenders/*/bids/**", Role.COMMISSIONER);
	}

	@Bean
	PublicPages tenderOpportunities() {
		return new PublicPages("/opportunities", "/open-data/invitations-to-tender.csv");
	}

}
