/** HTTP reads of lists: the list of lists, a list's structure with stable ids, and its Markdown export. */
package dev.curation.query.list.web;
