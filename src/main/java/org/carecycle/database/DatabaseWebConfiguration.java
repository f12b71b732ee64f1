package org.carecycle.database;

import java.util.Map;

import org.carecycle.shared.Role;
import org.carecycle.web.HomePanel;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkWaiting;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administrators' page of unfinished work between modules, and a panel on their home
 * page when there is any.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseWebConfiguration {

	@Bean
	Section eventsSection() {
		return Section.of("nav.events", "/admin/events", 925, Role.ADMIN).hidden();
	}

	@Bean
	HomePanel unfinishedWorkPanel(EventPublications publications) {
		return new HomePanel() {

			@Override
			public int order() {
				return 905;
			}

			@Override
			public boolean isShownTo(Role role) {
				return role == Role.ADMIN;
			}

			@Override
			public String fragment() {
				return "database/home-panel :: panel";
			}

			@Override
			public Map<String, Object> model() {
				EventPublications.Counts counts = publications.counts();
				return Map.of("unfinished", counts.unfinished(), "failed", counts.failed());
			}

		};
	}

	@Bean
	WorkWaiting failedWork(EventPublications publications) {
		return role -> (role != Role.ADMIN) ? java.util.List.of()
				: java.util.List.of(new WorkItem(WorkItem.Urgency.OVERDUE, publications.counts().failed(),
						"events.todo.failed", "/admin/events"));
	}

}
