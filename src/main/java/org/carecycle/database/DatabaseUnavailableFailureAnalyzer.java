package org.carecycle.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a failed first connection into a message an operator can act on, instead of a
 * page of nested exceptions.
 */
public class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	public DatabaseUnavailableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		String url = this.environment.getProperty("spring.datasource.url", "(embedded PostgreSQL)");
		String problem;
		if (state.startsWith("08")) {
			problem = "CareCycle could not connect to its database at " + url + ": " + cause.getMessage();
		}
		else if (state.startsWith("28")) {
			problem = "The database at " + url + " refused CareCycle's user name or password.";
		}
		else if (state.equals("3D000")) {
			problem = "The database named in " + url + " does not exist.";
		}
		else {
			return null;
		}
		return new FailureAnalysis(problem,
				"Check DATABASE_URL (jdbc:postgresql://host:5432/name), DATABASE_USERNAME and DATABASE_PASSWORD, "
						+ "and that the PostgreSQL server is running and reachable. Unset DATABASE_URL to use the "
						+ "embedded database.",
				cause);
	}

}
