/**
 * Importing the files CQC publishes (active locations, latest ratings) and CQC rating
 * histories into the register: streamed, all or nothing per file, idempotent, in the
 * background with progress, and with a report of every row refused.
 */
package org.carecycle.providers.imports;
