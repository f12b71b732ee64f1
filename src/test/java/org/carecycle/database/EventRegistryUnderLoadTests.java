package org.carecycle.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carecycle.concerns.Concerns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of concerns from many people at once, with few database connections: every one
 * is saved and every risk recompute that follows finishes. The follow-up work runs on two
 * threads with one connection each, so it cannot take the connections people's requests
 * need (the national benchmark's public form once waited 30 seconds for a connection when
 * eight recomputes held two each).
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=5",
		"spring.datasource.hikari.connection-timeout=10000" })
class EventRegistryUnderLoadTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Test
	void aBurstOfConcernsIsSavedAndEveryRecomputeFinishes() throws Exception {
		List<UUID> services = this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE'
				and exists (select 1 from risk_profile r where r.care_service_id = s.id)
				order by random() limit 12""").query(UUID.class).list();
		long before = this.jdbc.sql("select count(*) from concern").query(Long.class).single();
		ExecutorService people = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				UUID service = services.get(i % services.size());
				sent.add(people.submit(() -> EventRegistryTests.raiseConcern(this.concerns, service)));
			}
			for (Future<?> each : sent) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			people.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from concern").query(Long.class).single()).isEqualTo(before + 60);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

}
