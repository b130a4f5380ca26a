/** Cross-cutting HTTP concerns of the query service: problem+json errors. */
package dev.curation.query.web;
