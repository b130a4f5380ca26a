/** Cross-cutting HTTP concerns of the command service: security (HTTP Basic, roles) and problem+json errors. */
package dev.curation.command.web;
