/**
 * The two services' public APIs as the pages use them: reads from the query service, writes to the
 * command service with the signed-in person's token. A refusal comes back as {@link
 * dev.curation.web.api.ApiRefusal} carrying the API's own problem detail, for a page to show.
 */
@NullMarked
package dev.curation.web.api;

import org.jspecify.annotations.NullMarked;
