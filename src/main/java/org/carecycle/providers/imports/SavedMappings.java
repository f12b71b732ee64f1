package org.carecycle.providers.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.carecycle.providers.imports.table.HeaderRow;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mappings people chose, kept per source: a source is known by its header signature,
 * the set of its normalised header names, so that next month's extract from the same
 * system (its columns perhaps in another order) is mapped as this one was.
 */
@Component
class SavedMappings {

	private final JdbcClient jdbc;

	private final Clock clock;

	SavedMappings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A mapping kept from an earlier file.
	 *
	 * @param columns the header name (normalised) each field was taken from
	 * @param savedByName who chose it
	 * @param savedAt when
	 */
	record Saved(Map<MappedField, String> columns, String savedByName, Instant savedAt) {
	}

	/** The signature of a header row: a SHA-256 of its sorted, normalised names. */
	static String signature(List<String> headers) {
		TreeSet<String> names = new TreeSet<>();
		headers.stream().map(HeaderRow::normalise).filter(name -> !name.isEmpty()).forEach(names::add);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<Saved> find(String signature) {
		Map<MappedField, String> columns = new EnumMap<>(MappedField.class);
		String[] by = new String[1];
		Instant[] at = new Instant[1];
		this.jdbc.sql("select field, column_name, saved_by_name, saved_at from import_mapping where signature = :s")
			.param("s", signature)
			.query((RowCallbackHandler) rs -> {
				try {
					columns.put(MappedField.valueOf(rs.getString("field")), rs.getString("column_name"));
				}
				catch (IllegalArgumentException ex) {
					// a field that no longer exists
				}
				by[0] = rs.getString("saved_by_name");
				at[0] = rs.getTimestamp("saved_at").toInstant();
			});
		return (by[0] != null) ? Optional.of(new Saved(columns, by[0], at[0])) : Optional.empty();
	}

	@Transactional
	void save(String signature, List<String> headers, Map<MappedField, Integer> columns, String savedByName) {
		this.jdbc.sql("delete from import_mapping where signature = :s").param("s", signature).update();
		Timestamp now = Timestamp.from(this.clock.instant());
		columns.forEach((field, column) -> this.jdbc.sql("""
				insert into import_mapping (signature, field, column_name, saved_by_name, saved_at)
				values (:s, :field, left(:column, 200), left(:by, 254), :at)""")
			.param("s", signature)
			.param("field", field.name())
			.param("column", HeaderRow.normalise(headers.get(column)))
			.param("by", savedByName)
			.param("at", now)
			.update());
	}

}
