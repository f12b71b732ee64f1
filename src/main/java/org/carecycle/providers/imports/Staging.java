package org.carecycle.providers.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The one staging table of an import, filled by a single COPY: locations ('L'), ratings
 * ('R') and refused rows ('X') side by side, since a connection can run only one COPY at
 * a time and nothing else while it runs. It lives for the import's transaction only.
 */
final class Staging implements AutoCloseable {

	static final String CREATE = """
			create temporary table import_row (
			    kind          char(1) not null,
			    row_number    bigint  not null,
			    location_id   text,
			    name          text,
			    provider_id   text,
			    provider_name text,
			    service_type  text,
			    client_groups varchar(30)[],
			    address1      text,
			    address2      text,
			    town          text,
			    postcode      text,
			    district      text,
			    status        text,
			    beds          integer,
			    manager       text,
			    registered_on date,
			    key_question  text,
			    rating        text,
			    published_on  date,
			    reason        text,
			    row_text      text
			) on commit drop""";

	private static final String COLUMNS = "kind, row_number, location_id, name, provider_id, provider_name, service_type, "
			+ "client_groups, address1, address2, town, postcode, district, status, beds, manager, registered_on, "
			+ "key_question, rating, published_on, reason, row_text";

	private final StagingWriter writer;

	Staging(Connection connection) throws SQLException {
		this.writer = new StagingWriter(connection, "import_row", COLUMNS);
	}

	void location(long row, String locationId, String name, String providerId, String providerName, String type,
			String[] groups, String address1, String address2, String town, String postcode, String district,
			String status, Integer beds, String manager, LocalDate registeredOn) throws SQLException {
		this.writer.row("L", row, locationId, name, providerId, providerName, type, groups, address1, address2, town,
				postcode, district, status, beds, manager, registeredOn, null, null, null, null, null);
	}

	void rating(long row, String locationId, String keyQuestion, String rating, LocalDate publishedOn)
			throws SQLException {
		this.writer.row("R", row, locationId, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, keyQuestion, rating, publishedOn, null, null);
	}

	void refusal(long row, String locationId, String reason, String rowText) throws SQLException {
		this.writer.row("X", row, ImportValues.text(locationId, 40), null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, reason, rowText);
	}

	@Override
	public void close() throws SQLException {
		this.writer.close();
	}

}
