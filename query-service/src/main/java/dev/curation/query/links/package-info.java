/**
 * Link health: {@link dev.curation.query.links.LinkChecker} takes every http(s) URL of the
 * projected lists (and those open proposals add, {@link dev.curation.query.links.ProposalUrls}),
 * checks it on a schedule with the link-checker module and publishes each result
 * to its own topic; {@link dev.curation.query.links.LinkHealthProjection} (a consumer group of its
 * own) records every result as the URL's timeline and decides when a link is dead;
 * {@link dev.curation.query.links.LinkBot} proposes a fix for a dead or moved link through the
 * command service's API, as a bot account. See docs/adr/0016.
 */
package dev.curation.query.links;
