package org.carecycle.bench.jmh;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor of the CSV benchmarks: the same bytes decoded as UTF-8 and read a line at a
 * time with {@link BufferedReader#readLine()}, each line split at commas with
 * {@link String#split(String)}. No quotes, no checks: as little as reading the cells can
 * cost.
 */
public final class LineSplit {

	private LineSplit() {
	}

	/** The number of cells; every line's cells go to the black hole. */
	public static long cells(byte[] csv, Blackhole blackhole) throws IOException {
		long cells = 0;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] split = line.split(",");
				blackhole.consume(split);
				cells += split.length;
			}
		}
		return cells;
	}

}
