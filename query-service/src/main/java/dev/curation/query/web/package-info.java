/**
 * Cross-cutting HTTP concerns of the query service: problem+json errors (from controllers, from
 * {@code /error} and from Tomcat itself) and the checks every query parameter goes through.
 */
package dev.curation.query.web;
