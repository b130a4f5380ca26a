/**
 * The curated list on the write side: the {@code CuratedList} aggregate deciding commands with
 * the domain rules of curation-core, and the slug registry that keeps list names unique.
 */
package dev.curation.command.list;
