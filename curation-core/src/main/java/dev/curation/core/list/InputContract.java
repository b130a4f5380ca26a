package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.FreeText;
import dev.curation.core.input.InputException;
import dev.curation.core.input.InputLimits;
import dev.curation.core.input.MarkdownInput;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The write side's input contract, applied to every command before it is handled: free text
 * follows {@link FreeText}, every field has a maximum length, an edit carries only the fields its
 * op uses, a change set holds at most {@link InputLimits#maxEdits()} edits, and an import follows
 * {@link MarkdownInput}. The rules of the list itself (what exists, clashes, roles) come after,
 * in the aggregate.
 */
public final class InputContract {

    /** Maximum lengths, in characters. */
    public static final int MAX_ID = 100;
    public static final int MAX_RATIONALE = 2000;
    public static final int MAX_REASON = 2000;
    public static final int MAX_COMMENT = 5000;
    private static final Map<String, Integer> EDIT_FIELD_MAX = Map.of(
            "section", MAX_ID, "entry", MAX_ID, "block", MAX_ID, "parent", MAX_ID,
            "title", 300, "url", 2048, "description", 1000, "text", 10_000);

    private final InputLimits limits;

    public InputContract(InputLimits limits) {
        this.limits = limits;
    }

    public InputLimits limits() {
        return limits;
    }

    /** @throws InputException naming the first field that breaks the contract */
    public void check(Object command) {
        switch (command) {
            case ImportList list -> MarkdownInput.check(list.markdown(), limits);
            case ListCommand.ApplyChangeSet c -> changeSet(c.rationale(), c.edits());
            case ListCommand.SubmitProposal s -> {
                id("proposal", s.proposal());
                changeSet(s.rationale(), s.edits());
            }
            case ListCommand.CheckProposal c -> changeSet(c.rationale(), c.edits());
            case ListCommand.WithdrawProposal w -> id("proposal", w.proposal());
            case ListCommand.ApproveProposal a -> id("proposal", a.proposal());
            case ListCommand.RejectProposal r -> {
                id("proposal", r.proposal());
                FreeText.check("reason", r.reason(), MAX_REASON, true);
            }
            case ListCommand.AmendProposal a -> {
                id("proposal", a.proposal());
                changeSet(a.rationale(), a.edits());
            }
            case ListCommand.CommentOnProposal c -> {
                id("proposal", c.proposal());
                id("comment", c.comment());
                if (c.text() == null || c.text().isBlank()) {
                    throw new InputException.Invalid("text", "a comment needs text");
                }
                FreeText.check("text", c.text(), MAX_COMMENT, true);
                if (c.replyTo() != null) {
                    id("replyTo", c.replyTo());
                }
            }
            case ListCommand.ResolveComment r -> {
                id("proposal", r.proposal());
                id("comment", r.comment());
            }
            case ListCommand.RequestChanges r -> {
                id("proposal", r.proposal());
                FreeText.check("reason", r.reason(), MAX_REASON, true);
            }
            case ListCommand.ProposeLintFixes f -> {
                id("proposal", f.proposal());
                for (int i = 0; i < f.rules().size(); i++) {
                    FreeText.check("rules[" + i + "]", f.rules().get(i), 40, false);
                }
            }
            case ListCommand.SubscribeWebhook w -> {
                id("webhook", w.webhook());
                FreeText.check("url", w.url(), 2048, false);
                if (w.kinds() != null) {
                    for (int i = 0; i < w.kinds().size(); i++) {
                        FreeText.check("kinds[" + i + "]", w.kinds().get(i), 40, false);
                    }
                }
            }
            case ListCommand.RevertVersion ignored -> {
                // numbers, checked by the list
            }
            case ListCommand.CheckRevert ignored -> {
                // numbers, checked by the list
            }
            case ListCommand.RollBack r -> FreeText.check("actor", r.actor(), 100, false);
            case ListCommand.SetMemberRole m -> {
                FreeText.check("member", m.member(), MAX_ID, false);
                FreeText.check("role", m.role(), 40, false);
            }
            case ListCommand.RemoveMember m -> FreeText.check("member", m.member(), MAX_ID, false);
            case ListCommand.ImportCommit c -> MarkdownInput.check(c.markdown(), limits);
            case ListCommand.SetGitBridge g -> {
                FreeText.check("repository", g.repository(), 2000, false);
                FreeText.check("branch", g.branch(), 250, false);
                FreeText.check("path", g.path(), 1000, false);
            }
            default -> {
                // not a command of ours
            }
        }
    }

    private void changeSet(@Nullable String rationale, List<EditSpec> edits) {
        FreeText.check("rationale", rationale, MAX_RATIONALE, true);
        if (edits.size() > limits.maxEdits()) {
            throw new InputException.TooLarge("edits", "a change set holds at most " + limits.maxEdits()
                    + " edits (curation.limits.max-edits), not " + edits.size() + "; split it");
        }
        for (int i = 0; i < edits.size(); i++) {
            String path = "edits[" + i + "]";
            EditSpec edit = edits.get(i);
            if (edit == null) {
                throw new InputException.Invalid(path, "must be an object with an \"op\"");
            }
            FreeText.check(path + ".op", edit.op(), 40, false);
            List<String> unused = edit.unusedFields();
            if (!unused.isEmpty()) {
                throw new InputException.Invalid(path + "." + unused.getFirst(), "is not used by op '" + edit.op()
                        + "'; send only the fields the op takes");
            }
            edit.texts().forEach((field, value) ->
                    FreeText.check(path + "." + field, value, maxLength(field), field.equals("text")));
        }
    }

    private static int maxLength(String field) {
        Integer max = EDIT_FIELD_MAX.get(field);
        if (max == null) {
            throw new IllegalStateException("no length limit for edit field " + field);
        }
        return max;
    }

    private static void id(String field, String id) {
        FreeText.check(field, id, MAX_ID, false);
    }
}
