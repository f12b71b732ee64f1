package org.carecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU time of a phase went, from Linux's /proc: the application's JVM, the
 * embedded PostgreSQL (the postmaster, its live backends and those that have ended), the
 * bench itself (the load generator), and the whole machine. Unknown (-1) elsewhere.
 */
final class CpuMeter {

	/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
	private static final double TICKS_PER_SECOND = 100;

	private final long appPid;

	private final long postmasterPid;

	private final long app;

	private final long postgres;

	private final long bench;

	private final long machineBusy;

	private final long machineTotal;

	private final long startedNanos;

	private CpuMeter(long appPid, long postmasterPid) {
		this.appPid = appPid;
		this.postmasterPid = postmasterPid;
		this.startedNanos = System.nanoTime();
		this.app = processTicks(appPid, false);
		this.postgres = postgresTicks(postmasterPid);
		this.bench = processTicks(ProcessHandle.current().pid(), false);
		long[] machine = machineTicks();
		this.machineBusy = machine[0];
		this.machineTotal = machine[1];
	}

	/** Starts measuring; {@code postmasterPid} is -1 when PostgreSQL is not the bench's. */
	static CpuMeter start(long appPid, long postmasterPid) {
		return new CpuMeter(appPid, postmasterPid);
	}

	/** CPU seconds since the start, and the machine's busy share, per unit of work. */
	Map<String, Object> stop(long units, String unit) {
		double wall = (System.nanoTime() - this.startedNanos) / 1e9;
		CpuMeter end = new CpuMeter(this.appPid, this.postmasterPid);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("wallSeconds", LoadRun.round(wall, 2));
		result.put("cores", Runtime.getRuntime().availableProcessors());
		put(result, "app", this.app, end.app, units, unit);
		put(result, "postgres", this.postgres, end.postgres, units, unit);
		put(result, "bench", this.bench, end.bench, units, unit);
		if (this.machineTotal >= 0 && end.machineTotal > this.machineTotal) {
			result.put("machineBusyPercent", LoadRun.round(
					100.0 * (end.machineBusy - this.machineBusy) / (end.machineTotal - this.machineTotal), 1));
		}
		return result;
	}

	private static void put(Map<String, Object> result, String who, long before, long after, long units, String unit) {
		if (before < 0 || after < 0) {
			return;
		}
		double seconds = (after - before) / TICKS_PER_SECOND;
		result.put(who + "CpuSeconds", LoadRun.round(seconds, 2));
		if (units > 0) {
			result.put(who + "CpuMsPer" + unit, LoadRun.round(seconds * 1000 / units, 2));
		}
	}

	/** utime + stime (+ cutime + cstime: children that have ended), or -1. */
	private static long processTicks(long pid, boolean withEndedChildren) {
		if (pid < 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the fields after the command's closing parenthesis, starting with field 3 (state)
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			if (withEndedChildren) {
				ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long postgresTicks(long postmasterPid) {
		long ticks = processTicks(postmasterPid, true);
		if (ticks < 0) {
			return -1;
		}
		for (ProcessHandle child : ProcessHandle.of(postmasterPid)
			.map(handle -> handle.children().toList())
			.orElse(java.util.List.of())) {
			ticks += Math.max(0, processTicks(child.pid(), false));
		}
		return ticks;
	}

	/** [busy, total] jiffies of every CPU, or [-1, -1]. */
	private static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { -1, -1 };
		}
	}

}
