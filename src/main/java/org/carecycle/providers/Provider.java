package org.carecycle.providers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.carecycle.shared.ProviderId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A provider organisation and its contacts. */
@Table("provider")
public final class Provider {

	@Id
	private final UUID id;

	@Version
	private final Integer version;

	private final String name;

	private final String cqcProviderId;

	private final Ownership ownership;

	private final UUID groupId;

	private final String phone;

	private final String email;

	private final String website;

	private final String addressLine1;

	private final String addressLine2;

	private final String town;

	private final String postcode;

	@MappedCollection(idColumn = "provider_id", keyColumn = "position")
	private final List<ProviderContact> contacts;

	private final Instant createdAt;

	private final Instant updatedAt;

	@PersistenceCreator
	Provider(UUID id, Integer version, String name, String cqcProviderId, Ownership ownership, UUID groupId,
			String phone, String email, String website, String addressLine1, String addressLine2, String town,
			String postcode, List<ProviderContact> contacts, Instant createdAt, Instant updatedAt) {
		this.id = Objects.requireNonNull(id);
		this.version = version;
		this.name = requireText(name, "A provider needs a name");
		this.cqcProviderId = cqcProviderId;
		this.ownership = Objects.requireNonNull(ownership);
		this.groupId = groupId;
		this.phone = phone;
		this.email = email;
		this.website = website;
		this.addressLine1 = addressLine1;
		this.addressLine2 = addressLine2;
		this.town = town;
		this.postcode = postcode;
		this.contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
		this.createdAt = Objects.requireNonNull(createdAt);
		this.updatedAt = Objects.requireNonNull(updatedAt);
	}

	static Provider create(ProviderDetails details, UUID groupId, Instant now) {
		return new Provider(UUID.randomUUID(), null, details.name(), text(details.cqcProviderId()), details.ownership(),
				groupId, details.phone(), details.email(), details.website(), details.addressLine1(),
				details.addressLine2(), details.town(), text(details.postcode()), List.of(), now, now);
	}

	Provider withDetails(ProviderDetails details, UUID newGroupId, Instant now) {
		return new Provider(this.id, this.version, details.name(), text(details.cqcProviderId()), details.ownership(),
				newGroupId, details.phone(), details.email(), details.website(), details.addressLine1(),
				details.addressLine2(), details.town(), text(details.postcode()), this.contacts, this.createdAt, now);
	}

	Provider withContacts(List<ProviderContact> newContacts, Instant now) {
		return new Provider(this.id, this.version, this.name, this.cqcProviderId, this.ownership, this.groupId,
				this.phone, this.email, this.website, this.addressLine1, this.addressLine2, this.town, this.postcode,
				newContacts, this.createdAt, now);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static String requireText(String value, String message) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(message);
		}
		return value.strip();
	}

	public UUID id() {
		return this.id;
	}

	public ProviderId providerId() {
		return new ProviderId(this.id);
	}

	public Integer version() {
		return this.version;
	}

	public String name() {
		return this.name;
	}

	public List<ProviderContact> contacts() {
		return this.contacts;
	}

}
