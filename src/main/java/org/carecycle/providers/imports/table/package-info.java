/**
 * Reads the rows of CSV, Excel (.xlsx) and OpenDocument (.ods) files one at a time, using
 * only the JDK, for importing the files the Care Quality Commission publishes.
 */
package org.carecycle.providers.imports.table;
