package org.carecycle.providers.imports;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds the provider of a location in a file that has no provider ids: the provider with
 * the same name (ignoring case, punctuation and "Ltd" or "Limited") at the same postcode
 * (its own, or one of its services'), or the only provider with that name; otherwise a
 * new provider is added. With a provider id, the provider with that id, or a new one.
 * Works inside the import's transaction, so a provider added for one row is found for the
 * next.
 */
final class ProviderMatcher {

	private final JdbcClient jdbc;

	private final Timestamp now;

	private final Map<String, List<Known>> byName = new HashMap<>();

	private final Map<String, Known> byCqcId = new HashMap<>();

	private static final class Known {

		final UUID id;

		final String name;

		final Set<String> postcodes = new HashSet<>();

		long addedOnRow;

		Known(UUID id, String name) {
			this.id = id;
			this.name = name;
		}

	}

	/**
	 * The provider a row belongs to.
	 *
	 * @param id the provider
	 * @param note what happened, for the row's report ("Matched provider X by name and
	 * postcode")
	 * @param created whether it was added for this row
	 */
	record Match(UUID id, String note, boolean created) {
	}

	ProviderMatcher(JdbcClient jdbc, Timestamp now) {
		this.jdbc = jdbc;
		this.now = now;
		Map<UUID, Known> all = new HashMap<>();
		jdbc.sql("select id, name, cqc_provider_id, postcode from provider").query((RowCallbackHandler) rs -> {
			Known known = new Known(rs.getObject("id", UUID.class), rs.getString("name"));
			if (rs.getString("postcode") != null) {
				known.postcodes.add(rs.getString("postcode"));
			}
			all.put(known.id, known);
			this.byName.computeIfAbsent(key(known.name), k -> new ArrayList<>()).add(known);
			if (rs.getString("cqc_provider_id") != null) {
				this.byCqcId.put(rs.getString("cqc_provider_id"), known);
			}
		});
		jdbc.sql("select provider_id, postcode from care_service").query((RowCallbackHandler) rs -> {
			Known known = all.get(rs.getObject("provider_id", UUID.class));
			if (known != null) {
				known.postcodes.add(rs.getString("postcode"));
			}
		});
	}

	Match match(MappedRows.MappedRow row, UUID currentProvider) {
		String postcode = row.postcode().value();
		if (row.providerId() != null) {
			Known known = this.byCqcId.get(row.providerId());
			if (known != null) {
				known.postcodes.add(postcode);
				return new Match(known.id, "Matched provider " + known.name + " by its CQC provider ID "
						+ row.providerId() + addedOn(known), false);
			}
			return create(row, row.providerId());
		}
		List<Known> named = this.byName.getOrDefault(key(row.providerName()), List.of());
		for (Known known : named) {
			if (known.id.equals(currentProvider)) {
				known.postcodes.add(postcode);
				return new Match(known.id,
						"Matched provider " + known.name + ", already the provider of this location" + addedOn(known),
						false);
			}
		}
		List<Known> here = named.stream().filter(known -> known.postcodes.contains(postcode)).toList();
		if (here.size() == 1) {
			return new Match(here.get(0).id,
					"Matched provider " + here.get(0).name + " by name and postcode" + addedOn(here.get(0)), false);
		}
		if (named.size() == 1) {
			Known known = named.get(0);
			known.postcodes.add(postcode);
			return new Match(known.id, "Matched provider " + known.name + " by name" + addedOn(known), false);
		}
		return create(row, null);
	}

	private Match create(MappedRows.MappedRow row, String cqcProviderId) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into provider (id, version, name, cqc_provider_id, ownership, created_at, updated_at)
				values (:id, 0, :name, :cqc, 'PRIVATE', :now, :now)""")
			.param("id", id)
			.param("name", row.providerName())
			.param("cqc", cqcProviderId)
			.param("now", this.now)
			.update();
		Known known = new Known(id, row.providerName());
		known.postcodes.add(row.postcode().value());
		known.addedOnRow = row.rowNumber();
		this.byName.computeIfAbsent(key(known.name), k -> new ArrayList<>()).add(known);
		if (cqcProviderId != null) {
			this.byCqcId.put(cqcProviderId, known);
		}
		String because = (cqcProviderId != null) ? " (no provider has the CQC provider ID " + cqcProviderId + ")"
				: this.byName.get(key(known.name)).size() > 1
						? " (other providers have this name, but none at this postcode)"
						: " (no provider has this name)";
		return new Match(id, "Created provider " + row.providerName() + because, true);
	}

	private static String addedOn(Known known) {
		return (known.addedOnRow > 0) ? ", created for row " + known.addedOnRow : "";
	}

	/** A name to compare: "Kernow Care Ltd." and "KERNOW CARE LIMITED" are the same. */
	static String key(String name) {
		String key = name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^\\p{L}\\p{N}]", "");
		return key.replaceAll("(limited|ltd|plc|llp|cic)$", "");
	}

}
