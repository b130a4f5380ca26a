package dev.curation.web.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One proposal as its page shows it.
 *
 * @param slug          the list
 * @param id            the proposal
 * @param status        where its review stands (the API's name)
 * @param author        who proposed it
 * @param rationale     why
 * @param createdAt     when it was proposed
 * @param revision      its latest revision, the one an approval is for
 * @param baseVersion   the list version its latest revision was written against
 * @param decidedBy     who approved, rejected or withdrew it
 * @param reason        the reason given when changes were requested or it was rejected
 * @param changes       what each edit does
 * @param threads       comments on the whole proposal
 * @param diff          the Markdown it would make, as a unified diff against the list now
 * @param previewError  why there is no diff (it no longer applies), or null
 * @param lint          lint problems it would add: severity and message
 * @param revisions     every revision
 * @param approvals     where approvals stand
 * @param sections      the list's sections, for the amend form
 * @param amendables    the edits its author may change
 */
public record ProposalView(String slug, String id, String status, String author, String rationale,
                           @Nullable Instant createdAt, int revision, @Nullable Long baseVersion,
                           @Nullable String decidedBy, @Nullable String reason, List<EditChange> changes,
                           List<CommentNode> threads, List<DiffLine> diff, @Nullable String previewError,
                           List<Lint> lint, List<Revision> revisions, Approvals approvals,
                           List<SectionChoice> sections, List<Amendable> amendables) {

    /** A lint problem the proposal would add. */
    public record Lint(String severity, String rule, String message) {
        public boolean error() {
            return severity.equals("error");
        }
    }

    /** One revision: its number, author, time and rationale. */
    public record Revision(int revision, String author, @Nullable Instant createdAt, String rationale) {
    }

    /** Where approvals stand: how many count, how many are needed, and by whom. */
    public record Approvals(int counting, int required, List<String> curators) {
    }

    public boolean open() {
        return status.equals("submitted") || status.equals("changes_requested");
    }

    public boolean waitingForCurators() {
        return status.equals("submitted");
    }

    public boolean changesRequested() {
        return status.equals("changes_requested");
    }

    /** The entry's path on the page for a thread's anchor. */
    public String href() {
        return "/lists/" + slug + "/proposals/" + id;
    }
}
