/** HTTP adapter of lint reports: {@code GET /api/lists/{slug}/lint}, as JSON or SARIF 2.1.0. */
package dev.curation.query.lint.web;
