/**
 * The link checker: {@link dev.curation.links.LinkProbe} checks one URL the way lychee does
 * (HEAD falling back to GET, redirects followed and recorded up to a limit, retries with
 * backoff, accepted status codes, a deadline), never faster than {@link dev.curation.links.HostLimiter}
 * allows per server address, and never towards a private, loopback or link-local address unless the
 * operator allows it ({@link dev.curation.links.AddressGuard}); requests go to the address that was
 * checked, under one deadline ({@link dev.curation.links.OutboundHttp}, also used for webhooks).
 * {@link dev.curation.links.ArchiveLookup}
 * finds an archived copy of a dead page. No Spring: the query service schedules it.
 */
@NullMarked
package dev.curation.links;

import org.jspecify.annotations.NullMarked;
