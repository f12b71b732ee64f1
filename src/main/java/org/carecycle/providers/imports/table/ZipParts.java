package org.carecycle.providers.imports.table;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The parts of a spreadsheet's zip, each read with a limit on its unzipped size however
 * small the zip claims it is.
 */
final class ZipParts implements AutoCloseable {

	private final ZipFile zip;

	private final Limits limits;

	private boolean tooLarge;

	private ZipParts(ZipFile zip, Limits limits) {
		this.zip = zip;
		this.limits = limits;
	}

	static ZipParts open(Path file, Limits limits) throws TabularFileException {
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile());
		}
		catch (IOException | RuntimeException ex) {
			throw TabularFileException.unreadable(ex);
		}
		if (zip.size() > limits.maxEntries()) {
			closeQuietly(zip);
			throw TabularFileException.tooLarge();
		}
		return new ZipParts(zip, limits);
	}

	boolean has(String name) {
		return entry(name) != null;
	}

	/** The start of a part as ASCII text, or "" if there is no such part. */
	String head(String name, int length) throws TabularFileException {
		if (!has(name)) {
			return "";
		}
		try (InputStream in = open(name)) {
			return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	/** Streams a part's XML; closing the reader closes the part's stream. */
	XMLStreamReader xml(String name) throws TabularFileException {
		InputStream in = open(name);
		try {
			return new StreamReaderDelegate(Xml.reader(in)) {

				@Override
				public void close() throws XMLStreamException {
					try {
						super.close();
					}
					finally {
						closeQuietly(in);
					}
				}

			};
		}
		catch (XMLStreamException ex) {
			closeQuietly(in);
			throw failure(ex);
		}
	}

	private InputStream open(String name) throws TabularFileException {
		ZipEntry entry = entry(name);
		if (entry == null) {
			throw TabularFileException.unreadable(null);
		}
		try {
			return new Limited(this.zip.getInputStream(entry), this.limits.maxEntryBytes());
		}
		catch (IOException | RuntimeException ex) {
			throw TabularFileException.unreadable(ex);
		}
	}

	private ZipEntry entry(String name) {
		try {
			return this.zip.getEntry(name);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The exception to report for a failure while reading a part. */
	TabularFileException failure(Exception ex) {
		return this.tooLarge ? TabularFileException.tooLarge() : TabularFileException.unreadable(ex);
	}

	@Override
	public void close() {
		closeQuietly(this.zip);
	}

	static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing more to release
		}
	}

	/** A part's stream that fails once more than the limit has been read. */
	private final class Limited extends FilterInputStream {

		private long remaining;

		Limited(InputStream in, long limit) {
			super(in);
			this.remaining = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = super.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long count) throws IOException {
			this.remaining -= count;
			if (this.remaining < 0) {
				ZipParts.this.tooLarge = true;
				throw new IOException("Part larger than the limit");
			}
		}

	}

}
