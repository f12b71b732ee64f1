package org.carecycle.providers.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carecycle.ApplicationTest;
import org.carecycle.providers.imports.CqcFiles.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two imports of the same CQC file at the same moment (two officers uploading it, or two
 * CareCycle servers sharing the database) add each provider, service and rating once, and
 * both finish: the second waits for the first and then finds everything up to date.
 */
@ApplicationTest
class ParallelImportTests {

	private static final int LOCATIONS = 300;

	private static final int PER_PROVIDER = 10;

	@Autowired
	CqcImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void twoImportsOfTheSameFileAtOnceAddEverythingOnce() throws Exception {
		String prefix = "1-9"
				+ String.format("%07d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000));
		List<Location> locations = new ArrayList<>();
		for (int i = 0; i < LOCATIONS; i++) {
			int provider = i / PER_PROVIDER;
			Location location = new Location(prefix + String.format("%03d", i), "Concurrent House " + i,
					prefix + String.format("9%02d", provider), "Concurrent Care " + provider + " Ltd");
			location.rating = (i % 3 == 0) ? "Requires improvement" : "Good";
			locations.add(location);
		}
		Path file = CqcFiles.csv(this.folder.resolve("same.csv"), CqcFiles.locationSheet(locations));

		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService officers = Executors.newFixedThreadPool(2);
		List<Future<ImportJob>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(officers.submit(() -> {
				together.await();
				return this.imports.importNow(file, true);
			}));
		}
		List<ImportJob> jobs = new ArrayList<>();
		for (Future<ImportJob> run : runs) {
			jobs.add(run.get(120, TimeUnit.SECONDS));
		}
		officers.shutdown();

		// they overlapped: each was asked for before the other had finished
		assertThat(jobs.get(0).requestedAt()).isBefore(jobs.get(1).finishedAt());
		assertThat(jobs.get(1).requestedAt()).isBefore(jobs.get(0).finishedAt());
		assertThat(jobs)
			.allSatisfy(job -> assertThat(job.status()).as(job.message()).isEqualTo(ImportStatus.SUCCEEDED));
		assertThat(jobs).extracting(ImportJob::created).containsExactlyInAnyOrder((long) LOCATIONS, 0L);
		assertThat(jobs).extracting(ImportJob::unchanged).containsExactlyInAnyOrder(0L, (long) LOCATIONS);

		String like = prefix + "%";
		assertThat(duplicates("care_service", "cqc_location_id", "cqc_location_id", like)).isEmpty();
		assertThat(duplicates("provider", "cqc_provider_id", "cqc_provider_id", like)).isEmpty();
		assertThat(duplicates("cqc_rating", "cqc_location_id || ' ' || key_question || ' ' || published_on",
				"cqc_location_id", like))
			.isEmpty();
		assertThat(count("care_service", "cqc_location_id", like)).isEqualTo(LOCATIONS);
		assertThat(count("provider", "cqc_provider_id", like)).isEqualTo(LOCATIONS / PER_PROVIDER);
		assertThat(count("cqc_rating", "cqc_location_id", like)).isEqualTo(LOCATIONS);
	}

	/** Values of {@code key} held by more than one row. */
	private List<String> duplicates(String table, String key, String column, String like) {
		return this.jdbc
			.sql("select %s from %s where %s like :like group by 1 having count(*) > 1".formatted(key, table, column))
			.param("like", like)
			.query(String.class)
			.list();
	}

	private long count(String table, String column, String like) {
		return this.jdbc.sql("select count(*) from %s where %s like :like".formatted(table, column))
			.param("like", like)
			.query(Long.class)
			.single();
	}

}
