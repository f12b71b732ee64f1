/**
 * Where CareCycle keeps its data: a PostgreSQL server named by {@code DATABASE_URL}, or
 * an embedded PostgreSQL that keeps its files under {@code ./data/} when none is named;
 * and the registry of events between modules, with the administrators' page of the work
 * they asked for that has not finished.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = { "shared", "web" })
package org.carecycle.database;
