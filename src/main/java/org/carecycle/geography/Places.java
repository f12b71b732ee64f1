package org.carecycle.geography;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Localities and postcode districts: finding them, and defining the council's localities.
 */
@Service
public class Places {

	private final JdbcClient jdbc;

	Places(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Locality> localities() {
		return this.jdbc.sql("select * from locality order by name").query(Places::locality).list();
	}

	public Optional<Locality> locality(UUID id) {
		return this.jdbc.sql("select * from locality where id = :id")
			.param("id", id)
			.query(Places::locality)
			.optional();
	}

	public Optional<Locality> localityByCode(String code) {
		return this.jdbc.sql("select * from locality where code = :code")
			.param("code", code)
			.query(Places::locality)
			.optional();
	}

	public Optional<PostcodeDistrict> district(String outcode) {
		if (outcode == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from postcode_district where outcode = :outcode")
			.param("outcode", outcode.strip().toUpperCase(Locale.ROOT))
			.query(Places::district)
			.optional();
	}

	public List<PostcodeDistrict> districts() {
		return this.jdbc.sql("select * from postcode_district order by outcode").query(Places::district).list();
	}

	public List<PostcodeDistrict> districtsOf(UUID localityId) {
		return this.jdbc.sql("select * from postcode_district where locality_id = :id order by outcode")
			.param("id", localityId)
			.query(Places::district)
			.list();
	}

	/** Adds a locality, or returns the existing one with the same code. */
	@Transactional
	public Locality defineLocality(String code, String name, LocalityKind kind) {
		Optional<Locality> existing = localityByCode(code);
		if (existing.isPresent()) {
			return existing.get();
		}
		Locality locality = new Locality(UUID.randomUUID(), code, name, kind);
		this.jdbc.sql("insert into locality (id, code, name, kind) values (:id, :code, :name, :kind)")
			.param("id", locality.id())
			.param("code", code)
			.param("name", name)
			.param("kind", kind.name())
			.update();
		return locality;
	}

	/** Places postcode districts in a locality (moving them from any other). */
	@Transactional
	public void assign(UUID localityId, Collection<String> outcodes) {
		if (outcodes.isEmpty()) {
			return;
		}
		this.jdbc.sql("update postcode_district set locality_id = :locality where outcode in (:outcodes)")
			.param("locality", localityId)
			.param("outcodes", outcodes)
			.update();
	}

	private static Locality locality(ResultSet rs, int row) throws SQLException {
		return new Locality(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				LocalityKind.valueOf(rs.getString("kind")));
	}

	private static PostcodeDistrict district(ResultSet rs, int row) throws SQLException {
		return new PostcodeDistrict(rs.getString("outcode"),
				new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
				rs.getObject("locality_id", UUID.class));
	}

}
