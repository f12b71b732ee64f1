/**
 * Where CareCycle keeps its data: a PostgreSQL server named by {@code DATABASE_URL}, or
 * an embedded PostgreSQL that keeps its files under {@code ./data/} when none is named.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.carecycle.database;
