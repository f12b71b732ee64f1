package org.carecycle.providers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.imports.table.HeaderRow;
import org.carecycle.providers.imports.table.TabularFileException;
import org.carecycle.providers.imports.table.TabularReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Imports CQC's files into the register. A file is checked as it arrives (its type, its
 * header row, what it holds) so that an unreadable file is refused on the upload page; a
 * readable one becomes a job that runs in the background, one at a time, and whose
 * progress and report of refused rows can be followed.
 */
@Service
public class CqcImports implements DisposableBean {

	/** What the page takes, for a file that is not a table of locations. */
	public static final String WHAT_IT_TAKES = "The selected file must be a CSV file, an Excel spreadsheet (.xlsx) "
			+ "or an OpenDocument spreadsheet (.ods), with a header row and one row per location";

	/** The largest file accepted. */
	public static final long MAX_BYTES = 80L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CqcImports.class);

	private final ImportJobs jobs;

	private final ImportRun run;

	private final CurrentUser currentUser;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "cqc-import");
		thread.setDaemon(true);
		return thread;
	});

	private final MappedImportRun mappedRun;

	private final PendingUploads pending;

	private final SavedMappings mappings;

	CqcImports(ImportJobs jobs, ImportRun run, CurrentUser currentUser, MappedImportRun mappedRun,
			PendingUploads pending, SavedMappings mappings) {
		this.jobs = jobs;
		this.run = run;
		this.currentUser = currentUser;
		this.mappedRun = mappedRun;
		this.pending = pending;
		this.mappings = mappings;
	}

	/**
	 * What became of an upload: a queued job, or why the file was refused.
	 *
	 * @param jobId the job, when queued
	 * @param problem a sentence saying what is wrong, when refused
	 * @param uploadId the upload kept for its columns to be mapped, when its headers are
	 * not CQC's
	 */
	public record Accepted(UUID jobId, String problem, UUID uploadId) {

		public boolean isQueued() {
			return this.jobId != null;
		}

		public boolean needsMapping() {
			return this.uploadId != null;
		}

	}

	/**
	 * Checks a file and queues its import.
	 * @param fileName the name it was uploaded with
	 * @param content the file's bytes, read once
	 * @param areaOnly whether to import only locations in the council's area
	 */
	public Accepted accept(String fileName, InputStream content, boolean areaOnly) throws IOException {
		Path file = Files.createTempFile("carecycle-import-", ".upload");
		try {
			long size = copy(content, file);
			if (size == 0) {
				return refuse(file, "The selected file is empty");
			}
			if (size > MAX_BYTES) {
				return refuse(file, "The selected file must be smaller than 80 MB");
			}
			if (FileSniffing.looksLikeJson(file)) {
				return refuse(file, WHAT_IT_TAKES);
			}
			long headerRow = 0;
			boolean cqcFile;
			try (TabularReader reader = TabularReader.open(file)) {
				HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
				cqcFile = ImportRun.kindOf(header) != null;
				headerRow = header.rowNumber();
			}
			catch (TabularFileException ex) {
				cqcFile = false;
			}
			if (!cqcFile) {
				return keepForMapping(file, fileName, headerRow);
			}
			UUID id = UUID.randomUUID();
			Optional<SignedInUser> user = this.currentUser.get();
			this.jobs.queue(id, safeName(fileName), areaOnly, user.map(SignedInUser::id).orElse(null),
					user.map(u -> u.displayName() + " (" + u.email() + ")").orElse("System"));
			this.executor.submit(() -> this.run.run(id, file, areaOnly));
			return new Accepted(id, null, null);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Runs an import now, in this thread: for tools and tests that import a file they
	 * have.
	 */
	public ImportJob importNow(Path file, boolean areaOnly) {
		UUID id = UUID.randomUUID();
		this.jobs.queue(id, file.getFileName().toString(), areaOnly, null, "System");
		this.run.run(id, file, areaOnly, false);
		return this.jobs.find(id).orElseThrow();
	}

	public Optional<ImportJob> job(UUID id) {
		return this.jobs.find(id);
	}

	public List<ImportJob> recent() {
		return this.jobs.recent(20);
	}

	/** The refused rows of a job, as a CSV report. */
	public void writeRefusals(UUID jobId, OutputStream out) throws IOException {
		try (var writer = org.carecycle.web.TableExport.open(org.carecycle.web.TableExport.Format.CSV, out,
				List.of("Row", "Location ID", "Reason", "Row as read"))) {
			java.io.IOException[] failure = new java.io.IOException[1];
			this.jobs.eachRejection(jobId, rejection -> {
				try {
					writer.row(List.of(rejection.rowNumber(),
							(rejection.locationId() != null) ? rejection.locationId() : "", rejection.reason(),
							(rejection.rowText() != null) ? rejection.rowText() : ""));
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void abandonUnfinishedJobs() {
		int abandoned = this.jobs.abandon(
				"The import stopped when CareCycle restarted, so nothing was changed. " + "Upload the file again.");
		if (abandoned > 0) {
			log.warn("Marked {} unfinished imports as failed; their changes were rolled back", abandoned);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private Accepted refuse(Path file, String problem) throws IOException {
		Files.deleteIfExists(file);
		return new Accepted(null, problem, null);
	}

	/**
	 * Keeps a readable table whose headers are not CQC's for its columns to be mapped, or
	 * refuses a file that is not a table of locations.
	 */
	private Accepted keepForMapping(Path file, String fileName, long headerRow) throws IOException {
		FileHead head;
		try {
			head = FileHead.read(file, headerRow, 1);
		}
		catch (TabularFileException ex) {
			return refuse(file, explain(ex.getMessage()));
		}
		if (!head.isTable()) {
			return refuse(file, WHAT_IT_TAKES);
		}
		PendingUploads.Pending kept = this.pending.keep(owner(), file, safeName(fileName), head.headerRow());
		return new Accepted(null, null, kept.id());
	}

	private static String explain(String problem) {
		return TabularFileException.WRONG_TYPE.equals(problem) ? WHAT_IT_TAKES : problem;
	}

	/**
	 * The mapping page of an upload: its columns, first rows and proposed mapping; empty
	 * when the upload is not the signed-in person's, or has expired.
	 */
	public Optional<MappingProposal> proposal(UUID uploadId) {
		Optional<PendingUploads.Pending> kept = this.pending.find(uploadId, owner());
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		FileHead head;
		try {
			head = FileHead.read(kept.get().file(), kept.get().headerRow(), 5);
		}
		catch (TabularFileException ex) {
			return Optional.empty();
		}
		Optional<SavedMappings.Saved> saved = this.mappings.find(SavedMappings.signature(head.headers()));
		Map<MappedField, Integer> proposed = saved.map(s -> fromSaved(s, head.headers()))
			.orElseGet(() -> ColumnGuesses.guess(head.headers()));
		return Optional.of(new MappingProposal(uploadId, kept.get().fileName(), head.headers(), head.rows(), proposed,
				saved.map(SavedMappings.Saved::savedByName).orElse(null),
				saved.map(SavedMappings.Saved::savedAt).orElse(null)));
	}

	/**
	 * Saves the mapping for the upload's source and queues its import; empty when the
	 * upload is not the signed-in person's, or has expired.
	 * @param columns the column index of each field mapped, checked against the
	 * proposal's headers by the caller
	 */
	public Optional<UUID> importMapped(UUID uploadId, Map<MappedField, Integer> columns) throws IOException {
		Optional<MappingProposal> proposal = proposal(uploadId);
		Optional<PendingUploads.Pending> kept = proposal.flatMap(p -> this.pending.take(uploadId, owner()));
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		Optional<SignedInUser> user = this.currentUser.get();
		String byName = user.map(u -> u.displayName() + " (" + u.email() + ")").orElse("System");
		List<String> headers = proposal.get().headers();
		this.mappings.save(SavedMappings.signature(headers), headers, columns, byName);
		UUID id = UUID.randomUUID();
		PendingUploads.Pending upload = kept.get();
		this.jobs.queue(id, upload.fileName(), false, user.map(SignedInUser::id).orElse(null), byName);
		Map<MappedField, Integer> chosen = Map.copyOf(columns);
		this.executor
			.submit(() -> this.mappedRun.run(id, upload.file(), upload.headerRow(), chosen, upload.fileName()));
		return Optional.of(id);
	}

	/** The notes a mapped import kept for each row, in the file's order. */
	public List<RowNote> rowNotes(UUID jobId, int limit) {
		return this.jobs.rowNotes(jobId, limit);
	}

	private static Map<MappedField, Integer> fromSaved(SavedMappings.Saved saved, List<String> headers) {
		Map<MappedField, Integer> columns = new java.util.EnumMap<>(MappedField.class);
		saved.columns().forEach((field, name) -> {
			for (int i = 0; i < headers.size(); i++) {
				if (HeaderRow.normalise(headers.get(i)).equals(name)) {
					columns.put(field, i);
					break;
				}
			}
		});
		return columns;
	}

	private String owner() {
		return this.currentUser.get().map(user -> user.id().toString()).orElse("");
	}

	private static long copy(InputStream in, Path file) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > MAX_BYTES) {
					return total;
				}
				out.write(buffer, 0, read);
			}
		}
		return total;
	}

	static String safeName(String fileName) {
		String name = (fileName == null) ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			name = "upload";
		}
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

}
