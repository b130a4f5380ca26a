package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailersTest {

    static final List<Trailer> OURS = List.of(new Trailer(Trailers.CURATION_LIST, "awesome"),
            new Trailer(Trailers.CURATION_VERSION, "12"));

    @TempDir
    Path dir;

    @Test
    void aSubjectGetsABlankLineThenTheTrailers() throws Exception {
        String message = Trailers.append("Add a link", OURS);
        assertThat(message).isEqualTo("Add a link\n\nCuration-List: awesome\nCuration-Version: 12\n");
        assertThat(Trailers.of(message)).isEqualTo(OURS);
        assertThat(gitParse(message)).isEqualTo("Curation-List: awesome\nCuration-Version: 12\n");
        assertThat(gitAppend("Add a link", OURS)).isEqualTo(message);
    }

    @Test
    void aBodyIsKeptAndTrailingBlankLinesTrimmed() throws Exception {
        String message = Trailers.append("Add a link\n\nIt is about cafés.\nSecond line.\n\n\n", OURS);
        assertThat(message).isEqualTo("Add a link\n\nIt is about cafés.\nSecond line.\n\nCuration-List: awesome\nCuration-Version: 12\n");
        assertThat(Trailers.of(message)).isEqualTo(OURS);
        assertThat(gitAppend("Add a link\n\nIt is about cafés.\nSecond line.\n\n\n", OURS)).isEqualTo(message);
    }

    @Test
    void trailersAlreadyAtTheEndAreJoinedAsGitDoes() throws Exception {
        String original = "Add a link\n\nBody.\n\nCo-authored-by: Bea <bea@example.org>\nSigned-off-by: Ada <ada@example.org>\n";
        String message = Trailers.append(original, OURS);
        assertThat(message).isEqualTo("Add a link\n\nBody.\n\nCo-authored-by: Bea <bea@example.org>\n"
                + "Signed-off-by: Ada <ada@example.org>\nCuration-List: awesome\nCuration-Version: 12\n");
        assertThat(Trailers.of(message)).containsExactly(new Trailer("Co-authored-by", "Bea <bea@example.org>"),
                new Trailer("Signed-off-by", "Ada <ada@example.org>"), OURS.get(0), OURS.get(1));
        assertThat(gitAppend(original, OURS)).isEqualTo(message);
        assertThat(Trailers.values(message, "co-authored-by")).containsExactly("Bea <bea@example.org>");
    }

    @Test
    void aLastParagraphOfProseIsNotATrailerBlockEvenWithAColonInIt() throws Exception {
        String original = "Add a link\n\nSee the list.\nNote: it moved.\n";
        String message = Trailers.append(original, OURS);
        assertThat(message).isEqualTo("Add a link\n\nSee the list.\nNote: it moved.\n\nCuration-List: awesome\nCuration-Version: 12\n");
        assertThat(gitAppend(original, OURS)).isEqualTo(message);
        assertThat(Trailers.of(message)).isEqualTo(OURS);
    }

    @Test
    void aSubjectThatLooksLikeATrailerIsNone() throws Exception {
        assertThat(Trailers.of("Fix: a typo\n")).isEmpty();
        assertThat(gitParse("Fix: a typo\n")).isEmpty();
        String message = Trailers.append("Fix: a typo", OURS);
        assertThat(message).isEqualTo("Fix: a typo\n\nCuration-List: awesome\nCuration-Version: 12\n");
        assertThat(gitAppend("Fix: a typo", OURS)).isEqualTo(message);
        assertThat(Trailers.of(message)).isEqualTo(OURS);
    }

    @Test
    void noTrailersLeaveTheMessageAndBadOnesAreRefused() {
        assertThat(Trailers.append("Subject\n\n", List.of())).isEqualTo("Subject\n");
        assertThat(Trailers.of("Subject\n\nJust a body.\n")).isEmpty();
        assertThatThrownBy(() -> new Trailer("Curation List", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trailer("Proposal", "a\nCuration-Version: 99")).isInstanceOf(IllegalArgumentException.class);
    }

    private String gitParse(String message) throws Exception {
        return new String(new GitCli(dir).bytes(message.getBytes(UTF_8), "interpret-trailers", "--parse"), UTF_8);
    }

    /** What git interpret-trailers makes of the message with the trailers added (each --trailer appended in order). */
    private String gitAppend(String message, List<Trailer> trailers) throws Exception {
        String[] args = new String[1 + 2 * trailers.size()];
        args[0] = "interpret-trailers";
        for (int i = 0; i < trailers.size(); i++) {
            args[1 + 2 * i] = "--trailer";
            args[2 + 2 * i] = trailers.get(i).toString();
        }
        return new String(new GitCli(dir).bytes((message.stripTrailing() + "\n").getBytes(UTF_8), args), UTF_8);
    }
}
