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

	/** The localities as select options, built once: a region has hundreds. */
	private final java.util.concurrent.atomic.AtomicReference<List<String[]>> options = new java.util.concurrent.atomic.AtomicReference<>();

	Places(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The localities as the {@code <option>} elements of a select, escaped, with the
	 * chosen one selected. Filters on every search page show them, so they are built once
	 * rather than templated for each of a region's hundreds of localities on every
	 * request.
	 */
	public String localityOptions(UUID selected) {
		List<String[]> known = this.options.get();
		if (known == null) {
			known = localities().stream()
				.map(l -> new String[] { l.id().toString(),
						org.springframework.web.util.HtmlUtils.htmlEscape(l.name()) })
				.toList();
			this.options.set(known);
		}
		String chosen = (selected != null) ? selected.toString() : null;
		StringBuilder html = new StringBuilder(known.size() * 64);
		for (String[] option : known) {
			html.append("<option value=\"")
				.append(option[0])
				.append(option[0].equals(chosen) ? "\" selected>" : "\">")
				.append(option[1])
				.append("</option>");
		}
		return html.toString();
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
		this.options.set(null);
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
