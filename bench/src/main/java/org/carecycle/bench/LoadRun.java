package org.carecycle.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A closed-loop load generator: a fixed number of virtual users, each with its own
 * client (and session), each sending its next request as soon as the last one is
 * answered. A warm-up phase, then a measured phase bounded both in requests and in time.
 * Any answer other than 200 counts as an error.
 */
final class LoadRun {

	/** A request to send: a label (its kind, for the breakdown) and a path. */
	record Target(String label, String path) {
	}

	/** When a phase ends: after so many requests or so long, whichever comes first. */
	record Bounds(int requests, Duration time) {
	}

	private LoadRun() {
	}

	static Result run(String name, List<WebClient> users, Function<Random, Target> next, Bounds warmUp,
			Bounds measured, long seed) throws InterruptedException {
		return run(name, users, next, warmUp, measured, seed, -1, -1);
	}

	/**
	 * As above, and measures the CPU the application's JVM and PostgreSQL spend per
	 * measured request (when their process ids are known).
	 */
	static Result run(String name, List<WebClient> users, Function<Random, Target> next, Bounds warmUp,
			Bounds measured, long seed, long appPid, long postmasterPid) throws InterruptedException {
		Bench.log(name + ": warming up with " + users.size() + " users (" + warmUp.requests() + " requests or "
				+ warmUp.time().toSeconds() + " s)");
		phase(users, next, warmUp, seed);
		Bench.log(name + ": measuring (" + measured.requests() + " requests or " + measured.time().toSeconds() + " s)");
		CpuMeter cpu = (appPid > 0) ? CpuMeter.start(appPid, postmasterPid) : null;
		Result result = phase(users, next, measured, seed + 1_000);
		if (cpu != null) {
			result.cpu = cpu.stop(result.requests, "Request");
		}
		Bench.log(name + ": " + result.oneLine());
		return result;
	}

	private static Result phase(List<WebClient> users, Function<Random, Target> next, Bounds bounds, long seed)
			throws InterruptedException {
		AtomicInteger tickets = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		List<Future<Samples>> futures = new ArrayList<>();
		long start = System.nanoTime();
		long deadline = start + bounds.time().toNanos();
		for (int u = 0; u < users.size(); u++) {
			WebClient user = users.get(u);
			Random random = new Random(seed * 31 + u);
			futures.add(pool.submit(() -> {
				Samples samples = new Samples();
				while (System.nanoTime() < deadline && tickets.getAndIncrement() < bounds.requests()) {
					Target target = next.apply(random);
					long sent = System.nanoTime();
					int status;
					long bytes = 0;
					try {
						HttpResponse<byte[]> response = user.fetch(target.path());
						status = response.statusCode();
						bytes = response.body().length;
					}
					catch (java.io.IOException ex) {
						status = -1;
					}
					samples.add(target, System.nanoTime() - sent, status, bytes);
				}
				return samples;
			}));
		}
		Samples all = new Samples();
		try {
			for (Future<Samples> future : futures) {
				all.addAll(future.get());
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("A virtual user failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		long elapsed = System.nanoTime() - start;
		return new Result(users.size(), elapsed / 1e9, all);
	}

	/** Latencies (nanoseconds) and outcomes of one phase. */
	static final class Samples {

		long[] nanos = new long[1024];

		int count;

		final List<String> labels = new ArrayList<>();

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final List<String> firstErrors = new ArrayList<>();

		long bytes;

		void add(Target target, long latency, int status, long size) {
			if (this.count == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
			}
			this.nanos[this.count++] = latency;
			this.labels.add(target.label());
			this.statuses.merge(status, 1, Integer::sum);
			this.bytes += size;
			if (status != 200 && this.firstErrors.size() < 10) {
				this.firstErrors.add(status + " " + target.path());
			}
		}

		void addAll(Samples other) {
			for (int i = 0; i < other.count; i++) {
				if (this.count == this.nanos.length) {
					this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
				}
				this.nanos[this.count++] = other.nanos[i];
			}
			this.labels.addAll(other.labels);
			other.statuses.forEach((status, n) -> this.statuses.merge(status, n, Integer::sum));
			this.bytes += other.bytes;
			for (String error : other.firstErrors) {
				if (this.firstErrors.size() < 10) {
					this.firstErrors.add(error);
				}
			}
		}

	}

	/** What a measured phase found. */
	static final class Result {

		final int users;

		final double seconds;

		final int requests;

		final int errors;

		final Map<Integer, Integer> statuses;

		final List<String> firstErrors;

		final double meanBytes;

		final Percentiles latency;

		final Map<String, Percentiles> byLabel = new LinkedHashMap<>();

		/** CPU seconds and milliseconds per request of the application and PostgreSQL, if measured. */
		Map<String, Object> cpu;

		Result(int users, double seconds, Samples samples) {
			this.users = users;
			this.seconds = seconds;
			this.requests = samples.count;
			this.statuses = samples.statuses;
			this.errors = samples.count - samples.statuses.getOrDefault(200, 0);
			this.firstErrors = samples.firstErrors;
			this.meanBytes = (samples.count > 0) ? (double) samples.bytes / samples.count : 0;
			this.latency = Percentiles.of(Arrays.copyOf(samples.nanos, samples.count));
			Map<String, long[]> grouped = new TreeMap<>();
			Map<String, Integer> sizes = new TreeMap<>();
			for (String label : samples.labels) {
				sizes.merge(label, 1, Integer::sum);
			}
			sizes.forEach((label, n) -> grouped.put(label, new long[n]));
			Map<String, Integer> filled = new TreeMap<>();
			for (int i = 0; i < samples.count; i++) {
				String label = samples.labels.get(i);
				int at = filled.merge(label, 1, Integer::sum) - 1;
				grouped.get(label)[at] = samples.nanos[i];
			}
			grouped.forEach((label, values) -> this.byLabel.put(label, Percentiles.of(values)));
		}

		double throughput() {
			return (this.seconds > 0) ? this.requests / this.seconds : 0;
		}

		String oneLine() {
			return String.format(java.util.Locale.ROOT,
					"%d requests in %.1f s = %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d", this.requests,
					this.seconds, throughput(), this.latency.p50, this.latency.p95, this.latency.p99, this.errors);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("virtualUsers", this.users);
			map.put("requests", this.requests);
			map.put("seconds", round(this.seconds, 2));
			map.put("requestsPerSecond", round(throughput(), 1));
			map.put("errors", this.errors);
			Map<String, Object> statusCounts = new LinkedHashMap<>();
			this.statuses.forEach((status, n) -> statusCounts.put(String.valueOf(status), n));
			map.put("statuses", statusCounts);
			map.put("firstErrors", this.firstErrors);
			map.put("meanResponseBytes", Math.round(this.meanBytes));
			map.put("latencyMs", this.latency.toMap());
			if (this.cpu != null) {
				map.put("cpu", this.cpu);
			}
			Map<String, Object> labels = new LinkedHashMap<>();
			this.byLabel.forEach((label, p) -> labels.put(label, p.toMap()));
			map.put("latencyMsByKind", labels);
			return map;
		}

	}

	/** Latency percentiles in milliseconds (nearest rank). */
	static final class Percentiles {

		final int count;

		final double mean;

		final double p50;

		final double p95;

		final double p99;

		final double max;

		private Percentiles(int count, double mean, double p50, double p95, double p99, double max) {
			this.count = count;
			this.mean = mean;
			this.p50 = p50;
			this.p95 = p95;
			this.p99 = p99;
			this.max = max;
		}

		static Percentiles of(long[] nanos) {
			if (nanos.length == 0) {
				return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
			}
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			double sum = 0;
			for (long n : sorted) {
				sum += n;
			}
			return new Percentiles(sorted.length, sum / sorted.length / 1e6, rank(sorted, 0.50), rank(sorted, 0.95),
					rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
		}

		private static double rank(long[] sorted, double p) {
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("count", this.count);
			map.put("mean", round(this.mean, 2));
			map.put("p50", round(this.p50, 2));
			map.put("p95", round(this.p95, 2));
			map.put("p99", round(this.p99, 2));
			map.put("max", round(this.max, 2));
			return map;
		}

	}

	static double round(double value, int places) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

}
