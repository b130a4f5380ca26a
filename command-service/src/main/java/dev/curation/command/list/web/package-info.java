/** HTTP adapter of the curated list: import and (later) edits, answered as JSON or problem+json. */
package dev.curation.command.list.web;
