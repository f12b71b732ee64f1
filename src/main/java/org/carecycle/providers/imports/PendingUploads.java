package org.carecycle.providers.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Uploaded files waiting for their columns to be mapped, kept on the server between the
 * upload and the mapping page so that nobody uploads a file twice. Each belongs to the
 * person who uploaded it (another person's id finds nothing), lives an hour, and a person
 * has at most a few waiting: the oldest goes when another arrives.
 */
@Component
class PendingUploads implements DisposableBean {

	static final Duration LIFETIME = Duration.ofHours(1);

	static final int PER_PERSON = 3;

	private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

	private final Map<UUID, Pending> uploads = new ConcurrentHashMap<>();

	private final Clock clock;

	PendingUploads(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A file waiting for its mapping.
	 *
	 * @param id its id, given to the mapping page
	 * @param owner who uploaded it ("" when nobody signed in)
	 * @param file where it is kept
	 * @param fileName its name as uploaded
	 * @param headerRow the 1-based row of its header
	 * @param keptAt when it arrived
	 */
	record Pending(UUID id, String owner, Path file, String fileName, long headerRow, Instant keptAt) {
	}

	Pending keep(String owner, Path file, String fileName, long headerRow) {
		removeExpired();
		List<Pending> theirs = this.uploads.values()
			.stream()
			.filter(pending -> pending.owner().equals(owner))
			.sorted(Comparator.comparing(Pending::keptAt))
			.toList();
		for (int i = 0; i <= theirs.size() - PER_PERSON; i++) {
			discard(theirs.get(i).id());
		}
		Pending pending = new Pending(UUID.randomUUID(), owner, file, fileName, headerRow, this.clock.instant());
		this.uploads.put(pending.id(), pending);
		return pending;
	}

	/** The upload, if it is this person's and has not expired. */
	Optional<Pending> find(UUID id, String owner) {
		removeExpired();
		Pending pending = (id != null) ? this.uploads.get(id) : null;
		return (pending != null && pending.owner().equals(owner)) ? Optional.of(pending) : Optional.empty();
	}

	/** Hands the upload over to an import, which deletes the file when it is done. */
	Optional<Pending> take(UUID id, String owner) {
		Optional<Pending> pending = find(id, owner);
		pending.ifPresent(found -> this.uploads.remove(found.id()));
		return pending;
	}

	@Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
	void removeExpired() {
		Instant oldest = this.clock.instant().minus(LIFETIME);
		for (Iterator<Pending> it = this.uploads.values().iterator(); it.hasNext();) {
			Pending pending = it.next();
			if (pending.keptAt().isBefore(oldest)) {
				it.remove();
				delete(pending.file());
			}
		}
	}

	private void discard(UUID id) {
		Pending pending = this.uploads.remove(id);
		if (pending != null) {
			delete(pending.file());
		}
	}

	@Override
	public void destroy() {
		this.uploads.values().forEach(pending -> delete(pending.file()));
		this.uploads.clear();
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file {}", file, ex);
		}
	}

}
