package org.carecycle.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit log, as read back.
 *
 * @param id position in the log
 * @param occurredAt when it happened
 * @param actorId the user account that acted, if a user did
 * @param actorName who acted, as recorded at the time
 * @param actorRole their role at the time
 * @param action what kind of event
 * @param recordType the kind of record affected, such as UserAccount
 * @param recordId the affected record's id
 * @param summary a sentence about the event
 * @param changes the changed fields as JSON ({"field": {"from": .., "to": ..}})
 * @param clientAddress the address the request came from
 */
public record AuditEvent(long id, Instant occurredAt, UUID actorId, String actorName, String actorRole,
		AuditAction action, String recordType, String recordId, String summary, String changes, String clientAddress) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The changed fields, read from {@link #changes()}. */
	public List<FieldChange> changeList() {
		if (this.changes == null || this.changes.isBlank()) {
			return List.of();
		}
		List<FieldChange> list = new ArrayList<>();
		JsonNode root = JSON.readTree(this.changes);
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			FieldChange change = new FieldChange(field.getKey(), text(field.getValue().get("from")),
					text(field.getValue().get("to")));
			if (change.from() != null || change.to() != null) {
				list.add(change);
			}
		}
		return list;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	/**
	 * One field's change.
	 *
	 * @param field the field's name
	 * @param from its value before, or null
	 * @param to its value after, or null
	 */
	public record FieldChange(String field, String from, String to) {

		/** The field's name in words: {@code displayName} becomes "display name". */
		public String label() {
			return this.field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
		}

	}

}
