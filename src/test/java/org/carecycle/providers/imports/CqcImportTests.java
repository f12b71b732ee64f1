package org.carecycle.providers.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.carecycle.ApplicationTest;
import org.carecycle.RealData;
import org.carecycle.providers.imports.CqcFiles.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing CQC's files: whatever their layout and format, idempotently, all or nothing,
 * with every refused row explained.
 */
@ApplicationTest
class CqcImportTests {

	@Autowired
	CqcImports imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void importsTheActiveLocationsDirectoryWhateverItsLayout() throws IOException {
		String p = unique();
		Location truro = new Location(p + "01", "Lemon Street House", "1-8" + p.substring(3) + "9",
				"Kernow Test Care Ltd");
		Location newquay = new Location(p + "02", "Atlantic View Home Care", truro.providerId, truro.providerName)
			.homeCare();
		newquay.postcode = "TR7 1HF";
		newquay.rating = "Requires Improvement";
		Location devon = new Location(p + "03", "Plymouth Place", truro.providerId, truro.providerName);
		devon.authority = "Plymouth";
		Location surgery = new Location(p + "04", "Lemon Street Surgery", truro.providerId, truro.providerName);
		surgery.sector = "Primary Medical Services";
		surgery.directorate = "Primary medical services";
		Location badPostcode = new Location(p + "05", "Nowhere House", truro.providerId, truro.providerName);
		badPostcode.postcode = "TR99 ZZZ";
		Location again = new Location(p + "01", "Lemon Street House again", truro.providerId, truro.providerName);
		Path file = CqcFiles.csv(this.folder.resolve("HSCA_Active_Locations.csv"),
				CqcFiles.locationSheet(List.of(truro, newquay, devon, surgery, badPostcode, again)));

		ImportJob job = this.imports.importNow(file, true);

		assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.kind()).isEqualTo(ImportKind.CQC_LOCATIONS);
		assertThat(job.format()).isEqualTo("CSV");
		assertThat(job.rowsRead()).isEqualTo(6);
		assertThat(job.created()).isEqualTo(2);
		assertThat(job.skipped()).isEqualTo(2);
		assertThat(job.rejected()).isEqualTo(2);
		Map<String, Object> home = service(truro.id);
		assertThat(home).containsEntry("name", "Lemon Street House")
			.containsEntry("service_type", "CARE_HOME")
			.containsEntry("beds", 30)
			.containsEntry("locality", "Truro and Roseland")
			.containsEntry("cqc_overall", "GOOD")
			.containsEntry("registered_manager", "Demelza Angove");
		assertThat(home.get("latitude")).isNotNull();
		assertThat(service(newquay.id)).containsEntry("service_type", "HOME_CARE")
			.containsEntry("locality", "Newquay and St Columb")
			.containsEntry("cqc_overall", "REQUIRES_IMPROVEMENT");
		assertThat(count("care_service where cqc_location_id in ('" + devon.id + "', '" + surgery.id + "')")).isZero();
		assertThat(count("provider where cqc_provider_id = '" + truro.providerId + "'")).isEqualTo(1);

		String report = refusals(job.id());
		assertThat(report).contains("The postcode TR99 ZZZ is not a real postcode")
			.contains("The location appears more than once in the file")
			.contains(badPostcode.id);
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws IOException {
		String p = unique();
		Path file = CqcFiles.csv(this.folder.resolve("twice.csv"),
				CqcFiles.locationSheet(List.of(
						new Location(p + "11", "Twice House", "1-7" + p.substring(3) + "1", "Twice Care Ltd"),
						new Location(p + "12", "Twice Lodge", "1-7" + p.substring(3) + "1", "Twice Care Ltd"))));
		ImportJob first = this.imports.importNow(file, true);
		long auditBefore = count("audit_event");
		ImportJob second = this.imports.importNow(file, true);

		assertThat(first.created()).isEqualTo(2);
		assertThat(second.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(count("care_service where cqc_location_id like '" + p + "%'")).isEqualTo(2);
		assertThat(count("cqc_rating where cqc_location_id like '" + p + "%'")).isEqualTo(2);
		assertThat(count("audit_event")).isEqualTo(auditBefore + 1);
	}

	@Test
	void readsTheSameDirectoryFromSpreadsheetsWithRenamedColumns() throws IOException {
		String p = unique();
		Location home = new Location(p + "21", "Spreadsheet House", "1-6" + p.substring(3) + "1", "Sheet Care Ltd");
		List<List<String>> rows = new ArrayList<>(CqcFiles.locationSheet(List.of(home)));
		List<String> header = new ArrayList<>(rows.get(7));
		header.set(header.indexOf("Location Postal Code"), "Location Post Code");
		header.set(header.indexOf("Care home?"), "CARE HOME?");
		rows.set(7, header);

		ImportJob fromOds = this.imports.importNow(CqcFiles.ods(this.folder.resolve("active.ods"), rows), true);
		ImportJob fromXlsx = this.imports.importNow(CqcFiles.xlsx(this.folder.resolve("active.xlsx"), rows), true);

		assertThat(fromOds.format()).isEqualTo("ODS");
		assertThat(fromOds.created()).isEqualTo(1);
		assertThat(fromXlsx.format()).isEqualTo("XLSX");
		assertThat(fromXlsx.unchanged()).isEqualTo(1);
		assertThat(service(home.id)).containsEntry("postcode", "TR1 2QD").containsEntry("service_type", "CARE_HOME");
	}

	@Test
	void changedDetailsUpdateTheServiceAndMoveItsVersionOn() throws IOException {
		String p = unique();
		Location home = new Location(p + "31", "Old Name House", "1-5" + p.substring(3) + "1", "Change Care Ltd");
		this.imports.importNow(CqcFiles.csv(this.folder.resolve("before.csv"), CqcFiles.locationSheet(List.of(home))),
				true);
		int versionBefore = (Integer) service(home.id).get("version");
		home.name = "New Name House";
		home.beds = "34";
		home.type = "with nursing";
		ImportJob job = this.imports
			.importNow(CqcFiles.csv(this.folder.resolve("after.csv"), CqcFiles.locationSheet(List.of(home))), true);

		assertThat(job.updated()).isEqualTo(1);
		assertThat(service(home.id)).containsEntry("name", "New Name House")
			.containsEntry("beds", 34)
			.containsEntry("service_type", "CARE_HOME_NURSING")
			.containsEntry("version", versionBefore + 1);
	}

	@Test
	void aFileThatBreaksHalfwayChangesNothing() throws IOException {
		String p = unique();
		List<Location> locations = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			locations.add(new Location(p + String.format("%04d", i), "Halfway House " + i, "1-4" + p.substring(3) + "1",
					"Halfway Care Ltd"));
		}
		Path file = CqcFiles.csv(this.folder.resolve("broken.csv"), CqcFiles.locationSheet(locations));
		Files.writeString(file, "1-999,\"never closed,\r\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		long servicesBefore = count("care_service");
		long providersBefore = count("provider");

		ImportJob job = this.imports.importNow(file, true);

		assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(job.message()).contains("Nothing was imported", "row 3009 has a quotation mark that is not closed");
		assertThat(job.rowsRead()).isGreaterThanOrEqualTo(2000);
		assertThat(count("care_service")).isEqualTo(servicesBefore);
		assertThat(count("provider")).isEqualTo(providersBefore);
		assertThat(count("import_rejection where job_id = '" + job.id() + "'")).isZero();
	}

	@Test
	void importsLatestRatingsIntoEachServicesHistory() throws IOException {
		String p = unique();
		Location home = new Location(p + "41", "Rated House", "1-3" + p.substring(3) + "1", "Rated Care Ltd");
		this.imports.importNow(CqcFiles.csv(this.folder.resolve("rated.csv"), CqcFiles.locationSheet(List.of(home))),
				true);
		List<List<String>> ratings = new ArrayList<>();
		ratings
			.add(List.of("Location ID", "Location Name", "Care Home?", "Location Post Code", "Location Local Authority",
					"Service / Population Group", "Domain", "Latest Rating", "Publication Date", "Provider ID"));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Overall", "Overall",
				"Requires Improvement", "2026-08-20", home.providerId));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Overall", "Safe", "Inadequate",
				"2026-08-20", home.providerId));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Overall", "Well-led",
				"Requires improvement", "2026-08-20", home.providerId));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Older people", "Overall", "Good",
				"2026-08-20", home.providerId));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Overall", "Kindness", "Good", "2026-08-20",
				home.providerId));
		ratings.add(List.of(home.id, home.name, "Y", "TR1 2QD", "Cornwall", "Overall", "Caring", "Excellent",
				"2026-08-20", home.providerId));
		Path file = CqcFiles.csv(this.folder.resolve("Latest_ratings.csv"), ratings);

		ImportJob job = this.imports.importNow(file, true);
		ImportJob again = this.imports.importNow(file, true);

		assertThat(job.kind()).isEqualTo(ImportKind.CQC_RATINGS);
		assertThat(job.created()).isEqualTo(3);
		assertThat(job.skipped()).isEqualTo(1);
		assertThat(job.rejected()).isEqualTo(2);
		assertThat(again.created()).isZero();
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(service(home.id)).containsEntry("cqc_overall", "REQUIRES_IMPROVEMENT");
		assertThat(count("cqc_rating where cqc_location_id = '" + home.id + "'")).isEqualTo(4);
		assertThat(refusals(job.id())).contains("The key question Kindness is not one of CQC's",
				"The rating Excellent is not one of CQC's");
	}

	@Test
	void importsTheWholeRealRatingHistory() throws IOException {
		Path history = RealData.CQC_HISTORY;
		Set<String> reports = new HashSet<>();
		long lines;
		try (Stream<String> rows = Files.lines(history)) {
			List<String> all = rows.skip(1).toList();
			lines = all.size();
			for (String line : all) {
				String[] cells = line.replace("\"", "").split(",");
				reports.add(cells[4] + "|" + cells[1]);
			}
		}
		long before = count("cqc_rating where source = 'CQC rating history'");

		ImportJob job = this.imports.importNow(history, false);

		assertThat(job.status()).as(job.message()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.kind()).isEqualTo(ImportKind.CQC_RATING_HISTORY);
		assertThat(job.rowsRead()).isEqualTo(lines).isEqualTo(29_459);
		assertThat(job.rejected()).isZero();
		assertThat(job.created() + job.updated() + job.unchanged()).isEqualTo(reports.size());
		assertThat(count("cqc_rating where source = 'CQC rating history'") - before).isEqualTo(job.created());
		assertThat(count("(select distinct cqc_location_id from cqc_rating where source = 'CQC rating history') x"))
			.isEqualTo(15_648);
	}

	@Test
	void refusesFilesItCannotReadWithAReasonAndNoJob() throws IOException {
		long jobsBefore = count("import_job");
		assertThat(problem(new byte[0])).isEqualTo("The selected file is empty");
		assertThat(problem("%PDF-1.7 not a spreadsheet".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(CqcImports.WHAT_IT_TAKES);
		assertThat(problem(
				"Location ID,Caf\u0092 name\r\n1-123456789,Caf\u0092\r\n".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("The file must be saved as CSV UTF-8");
		assertThat(problem("{\"locations\": []}".getBytes(StandardCharsets.UTF_8))).isEqualTo(CqcImports.WHAT_IT_TAKES);
		assertThat(problem("Name,Town\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(CqcImports.WHAT_IT_TAKES);
		assertThat(accept("Name,Town\r\nA,B\r\n".getBytes(StandardCharsets.UTF_8)).needsMapping()).isTrue();
		assertThat(accept("Location ID,Colour\r\n1-123456789,Blue\r\n".getBytes(StandardCharsets.UTF_8)).needsMapping())
			.isTrue();
		assertThat(
				problem("Location ID,Location Name,Provider ID\r\n\"1-1,broken\r\n".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		InputStream huge = new InputStream() {
			long left = CqcImports.MAX_BYTES + 1024;

			@Override
			public int read() {
				return (this.left-- > 0) ? 'x' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
				this.left -= count;
				return count;
			}
		};
		assertThat(this.imports.accept("huge.csv", huge, true).problem())
			.isEqualTo("The selected file must be smaller than 80 MB");
		assertThat(count("import_job")).isEqualTo(jobsBefore + 1);
	}

	@Test
	void parallelImportsOfTheSameFileDoNotDuplicateAnything() throws Exception {
		String p = unique();
		List<Location> locations = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			locations.add(new Location(p + String.format("%03d", i), "Parallel House " + i,
					"1-2" + p.substring(3) + "1", "Parallel Care Ltd"));
		}
		Path file = CqcFiles.csv(this.folder.resolve("parallel.csv"), CqcFiles.locationSheet(locations));
		CompletableFuture<ImportJob> one = CompletableFuture.supplyAsync(() -> this.imports.importNow(file, true));
		CompletableFuture<ImportJob> two = CompletableFuture.supplyAsync(() -> this.imports.importNow(file, true));

		assertThat(List.of(one.get(), two.get()))
			.allSatisfy(job -> assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED));
		assertThat(one.get().created() + two.get().created()).isEqualTo(200);
		assertThat(count("care_service where cqc_location_id like '" + p + "%'")).isEqualTo(200);
		assertThat(count("provider where cqc_provider_id = '1-2" + p.substring(3) + "1'")).isEqualTo(1);
	}

	private String problem(byte[] content) throws IOException {
		return accept(content).problem();
	}

	private CqcImports.Accepted accept(byte[] content) throws IOException {
		return this.imports.accept("file.csv", new ByteArrayInputStream(content), true);
	}

	private String refusals(UUID jobId) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.imports.writeRefusals(jobId, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private Map<String, Object> service(String locationId) {
		return this.jdbc.sql("""
				select s.*, l.name as locality from care_service s left join locality l on l.id = s.locality_id
				where s.cqc_location_id = :id""").param("id", locationId).query().singleRow();
	}

	private long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	/**
	 * A prefix for this test's CQC ids: 1-9 then seven digits, unused by the demo county.
	 */
	private static String unique() {
		return "1-9" + String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
	}

}
