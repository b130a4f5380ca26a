/**
 * The link checker: {@link dev.curation.links.LinkProbe} checks one URL the way lychee does
 * (HEAD falling back to GET, redirects followed and recorded up to a limit, retries with
 * backoff, accepted status codes, a timeout), never faster than {@link dev.curation.links.HostLimiter}
 * allows per host, and never towards a private, loopback or link-local address unless the
 * operator allows it ({@link dev.curation.links.AddressGuard}). {@link dev.curation.links.ArchiveLookup}
 * finds an archived copy of a dead page. No Spring: the query service schedules it.
 */
@NullMarked
package dev.curation.links;

import org.jspecify.annotations.NullMarked;
