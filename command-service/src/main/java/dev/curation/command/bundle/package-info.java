/**
 * A list that moves between installations: its portable bundle ({@link dev.curation.command.bundle.BundleExport},
 * NDJSON: a header, every stored event of the list in order, a SHA-256 line) and the import of such a bundle as a
 * new list with its whole history ({@link dev.curation.command.bundle.BundleImport}), checked to fold before
 * anything is stored and stored in one transaction with the slug claim.
 */
@NullMarked
package dev.curation.command.bundle;

import org.jspecify.annotations.NullMarked;
