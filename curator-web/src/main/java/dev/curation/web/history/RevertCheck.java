package dev.curation.web.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the command service answered to checking the revert before it is made
 * ({@code POST /api/lists/{slug}/reverts/checks}): refused (its words, to show before the person
 * confirms) or acceptable, as a revert (curators) or a proposal, with the lint warnings a proposal
 * would get and the entries and topics it would change.
 *
 * @param refusal  the refusal word for word, null when acceptable
 * @param as       revert or proposal, null when refused
 * @param warnings the proposal's lint warnings
 */
public record RevertCheck(@Nullable String refusal, @Nullable String as, List<String> warnings, List<ChangeRow> entries,
                          List<ChangeRow> sections) {

    public boolean acceptable() {
        return refusal == null;
    }

    public boolean asRevert() {
        return "revert".equals(as);
    }

    public boolean changesNothing() {
        return entries.isEmpty() && sections.isEmpty();
    }
}
