package org.carecycle.providers.imports;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

/**
 * A connection whose COPY accepts every byte the import's {@link Staging} sends and
 * discards it, counting them: so that a benchmark runs the import's own row handling
 * (reading, checking, formatting each row for COPY) without PostgreSQL. Only what
 * {@link StagingWriter} and the driver's {@link CopyManager} call is answered; anything
 * else fails loudly.
 */
final class DiscardingCopy {

	private long bytes;

	private final Connection connection;

	DiscardingCopy() {
		CopyIn copy = proxy(CopyIn.class, (method, args) -> switch (method.getName()) {
			case "writeToCopy" -> {
				this.bytes += (int) args[2];
				yield null;
			}
			case "flushCopy" -> null;
			case "endCopy" -> 0L;
			case "isActive" -> true;
			default -> throw unexpected(method);
		});
		QueryExecutor executor = proxy(QueryExecutor.class, (method, args) -> switch (method.getName()) {
			case "startCopy" -> copy;
			default -> throw unexpected(method);
		});
		BaseConnection[] self = new BaseConnection[1];
		self[0] = proxy(BaseConnection.class, (method, args) -> switch (method.getName()) {
			case "unwrap" -> self[0];
			case "getCopyAPI" -> new CopyManager(self[0]);
			case "getQueryExecutor" -> executor;
			case "getEncoding" -> null;
			case "getAutoCommit" -> false;
			default -> throw unexpected(method);
		});
		this.connection = self[0];
	}

	Connection connection() {
		return this.connection;
	}

	/** The bytes the import sent to COPY. */
	long bytes() {
		return this.bytes;
	}

	private static UnsupportedOperationException unexpected(Method method) {
		return new UnsupportedOperationException("The discarding COPY does not answer " + method.getName()
				+ ": the driver or StagingWriter changed; change DiscardingCopy to match");
	}

	private interface Answer {

		Object answer(Method method, Object[] args) throws Exception;

	}

	private static <T> T proxy(Class<T> type, Answer answer) {
		InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
			case "hashCode" -> System.identityHashCode(proxy);
			case "equals" -> proxy == args[0];
			case "toString" -> type.getSimpleName() + " that discards";
			default -> answer.answer(method, args);
		};
		return type
			.cast(Proxy.newProxyInstance(DiscardingCopy.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

}
