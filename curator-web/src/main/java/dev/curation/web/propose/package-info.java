/**
 * Proposing a change to a list through a form: a link to add (the topic chosen by title), or an
 * entry to edit, move or remove; live checks while typing; the API's refusals shown on the form.
 */
@NullMarked
package dev.curation.web.propose;

import org.jspecify.annotations.NullMarked;
