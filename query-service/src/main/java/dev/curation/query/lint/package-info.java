/**
 * Lint reports of list versions: curation-core's rules run over a version's document, kept per
 * version (a version never changes), served as JSON or SARIF by the web adapter.
 */
package dev.curation.query.lint;
