/**
 * Reads the rows of CSV (with Apache Commons CSV), Excel (.xlsx) and OpenDocument (.ods)
 * files (with the JDK's streaming XML parser) one at a time, for importing the files the
 * Care Quality Commission publishes (ADR 0020).
 */
package org.carecycle.providers.imports.table;
