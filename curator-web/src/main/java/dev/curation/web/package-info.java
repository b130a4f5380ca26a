/**
 * The curator web app: pages for readers, contributors and curators. It is a client of the two
 * services' public APIs (reads from the query service, writes to the command service with the
 * signed-in person's token) and keeps nothing of its own but sessions.
 */
@NullMarked
package dev.curation.web;

import org.jspecify.annotations.NullMarked;
