/** The home page: every list with its size, open proposals, lint errors and dead links. */
@NullMarked
package dev.curation.web.home;

import org.jspecify.annotations.NullMarked;
