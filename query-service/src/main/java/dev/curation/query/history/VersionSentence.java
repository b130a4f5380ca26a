package dev.curation.query.history;

import java.util.List;

/** A version's sentence from its events' sentences: "alice added ..., removed ..." or "alice approved carol's proposal: ...". */
final class VersionSentence {

    private VersionSentence() {
    }

    static String of(String actor, String kind, String proposalAuthor, List<String> sentences) {
        String who = actor == null ? "someone" : actor;
        String what = String.join(", ", sentences);
        return VersionKind.PROPOSAL.wireName().equals(kind)
                ? who + " approved " + (proposalAuthor == null ? "someone" : proposalAuthor) + "'s proposal: " + what
                : who + " " + what;
    }
}
