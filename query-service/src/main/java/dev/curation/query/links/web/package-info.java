/** HTTP access to link health: a list's links by state, and one entry's link with its timeline. */
package dev.curation.query.links.web;
