package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.input.InputLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputContractTest {

    private final InputContract contract = new InputContract(new InputLimits(3, 1000, 1000, 16 * 1024));

    private static EditSpec addLink(String title, String url) {
        return new EditSpec("addLink", "s1", null, null, null, null, title, url, null, null, null);
    }

    private static ListCommand.SubmitProposal proposal(String rationale, EditSpec... edits) {
        return new ListCommand.SubmitProposal("l", "p1", null, rationale, new ArrayList<>(List.of(edits)));
    }

    @Test
    void aWellFormedChangeSetPasses() {
        assertThatCode(() -> contract.check(proposal("why\nnot", addLink("Kafka", "https://kafka.apache.org"))))
                .doesNotThrowAnyException();
    }

    @Test
    void nulInARationaleIsRefused() {
        assertThatThrownBy(() -> contract.check(proposal("a\u0000b", addLink("K", "https://k.io"))))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageStartingWith("rationale: must not contain a control character (U+0000 at index 1)");
    }

    @Test
    void aFieldTheOpDoesNotUseIsRefusedByName() {
        EditSpec smuggled = new EditSpec("removeLink", null, "e1", null, null, null, null, null, null,
                "x".repeat(9_000_000), null);
        assertThatThrownBy(() -> contract.check(proposal(null, smuggled)))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageStartingWith("edits[0].text: is not used by op 'removeLink'");
    }

    @Test
    void aNullEditIsNamed() {
        List<EditSpec> edits = new ArrayList<>();
        edits.add(null);
        assertThatThrownBy(() -> contract.check(new ListCommand.ApplyChangeSet("l", null, null, edits, null)))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageStartingWith("edits[0]: must be an object");
    }

    @Test
    void tooManyEditsAreTooLarge() {
        List<EditSpec> edits = Collections.nCopies(4, addLink("K", "https://k.io"));
        assertThatThrownBy(() -> contract.check(new ListCommand.ApplyChangeSet("l", null, null, edits, null)))
                .isInstanceOf(InputException.TooLarge.class)
                .hasMessageContaining("at most 3 edits");
    }

    @Test
    void editFieldsFollowTheCharacterRuleAndLengths() {
        assertThatThrownBy(() -> contract.check(proposal(null, addLink("K\uFFFE", "https://k.io"))))
                .hasMessageStartingWith("edits[0].title: must not contain a noncharacter");
        assertThatThrownBy(() -> contract.check(proposal(null, addLink("K", "https://k.io/" + "x".repeat(3000)))))
                .hasMessageStartingWith("edits[0].url: must be at most 2048 characters");
        EditSpec text = new EditSpec("addText", "s1", null, null, null, null, null, null, null, "two\nlines\tand tab", null);
        assertThatCode(() -> contract.check(proposal(null, text))).doesNotThrowAnyException();
    }

    @Test
    void reasonsAndProposalIdsAreChecked() {
        assertThatThrownBy(() -> contract.check(new ListCommand.RejectProposal("l", "p1", "no\u0000")))
                .hasMessageStartingWith("reason: must not contain");
        assertThatThrownBy(() -> contract.check(new ListCommand.ApproveProposal("l", "p\u0001", null)))
                .hasMessageStartingWith("proposal: must not contain");
        assertThatThrownBy(() -> contract.check(new ListCommand.WithdrawProposal("l", "p".repeat(101))))
                .hasMessageStartingWith("proposal: must be at most 100 characters");
    }

    @Test
    void importsFollowTheMarkdownRules() {
        assertThatThrownBy(() -> contract.check(new ImportList("l", "x", "# T\n- [a](u)\u0000\n")))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageContaining("line 2, byte offset 12: NUL");
    }
}
