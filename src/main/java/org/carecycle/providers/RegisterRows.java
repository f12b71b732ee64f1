package org.carecycle.providers;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reading nullable columns and arrays from the register's rows, shared by its read models
 * ({@link Register}, {@link ServiceSearch}, {@link RegisterContracts}) so each maps a row
 * the same way.
 */
final class RegisterRows {

	private RegisterRows() {
	}

	static Set<ClientGroup> clientGroups(Array array) throws SQLException {
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				groups.add(ClientGroup.valueOf((String) value));
			}
		}
		return groups;
	}

	static Integer nullableInteger(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
