package org.carecycle.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.relational.core.mapping.event.BeforeDeleteCallback;
import org.springframework.stereotype.Component;

/**
 * Writes every create, change and delete of an aggregate saved through Spring Data JDBC
 * to the audit log, with the fields that changed, so that no module can forget to. It
 * runs before the aggregate is converted for saving (the version is not yet bumped there,
 * so a new aggregate can be told from a changed one) and inside the save's transaction.
 */
@Component
@Order(Integer.MAX_VALUE)
class AggregateAuditing implements BeforeConvertCallback<Object>, BeforeDeleteCallback<Object> {

	private final RelationalMappingContext mappingContext;

	private final ObjectProvider<JdbcAggregateOperations> aggregates;

	private final AuditLog auditLog;

	AggregateAuditing(RelationalMappingContext mappingContext, ObjectProvider<JdbcAggregateOperations> aggregates,
			AuditLog auditLog) {
		this.mappingContext = mappingContext;
		this.aggregates = aggregates;
		this.auditLog = auditLog;
	}

	@Override
	public Object onBeforeConvert(Object aggregate) {
		RelationalPersistentEntity<?> entity = this.mappingContext.getRequiredPersistentEntity(aggregate.getClass());
		Object id = entity.getIdentifierAccessor(aggregate).getIdentifier();
		String type = aggregate.getClass().getSimpleName();
		Object previous = (id != null && !entity.isNew(aggregate))
				? this.aggregates.getObject().findById(id, aggregate.getClass()) : null;
		if (previous == null) {
			this.auditLog.created(type, id, fields(entity, aggregate));
		}
		else {
			this.auditLog.changed(type, id, fields(entity, previous), fields(entity, aggregate));
		}
		return aggregate;
	}

	@Override
	public Object onBeforeDelete(Object aggregate, MutableAggregateChange<Object> change) {
		Class<?> type = change.getEntityType();
		RelationalPersistentEntity<?> entity = this.mappingContext.getRequiredPersistentEntity(type);
		Object subject = aggregate;
		Object id = (aggregate != null) ? entity.getIdentifierAccessor(aggregate).getIdentifier() : null;
		if (subject == null) {
			return null;
		}
		this.auditLog.deleted(type.getSimpleName(), id, fields(entity, subject));
		return aggregate;
	}

	/** The aggregate's fields as the log shows them: plain values, secrets redacted. */
	static Map<String, Object> fields(RelationalPersistentEntity<?> entity, Object aggregate) {
		Map<String, Object> values = new LinkedHashMap<>();
		PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(aggregate);
		for (RelationalPersistentProperty property : entity) {
			if (property.isIdProperty() || property.isVersionProperty()) {
				continue;
			}
			Object value = accessor.getProperty(property);
			if (property.isAnnotationPresent(AuditRedacted.class)) {
				values.put(property.getName(), (value != null) ? new AuditLog.Redacted(value) : null);
			}
			else {
				values.put(property.getName(), plain(value));
			}
		}
		return values;
	}

	private static Object plain(Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
			return value;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream()
				.map(AggregateAuditing::plain)
				.map(String::valueOf)
				.sorted()
				.collect(Collectors.toList());
		}
		return value.toString();
	}

}
