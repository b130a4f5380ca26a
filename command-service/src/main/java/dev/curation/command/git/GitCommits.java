package dev.curation.command.git;

import dev.curation.core.list.GitCommit;
import dev.curation.core.list.GitPerson;
import dev.curation.git.FileVersion;
import dev.curation.git.Identity;
import dev.curation.git.MergedCommit;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A version of the file as curation-core's {@link GitCommit} and Markdown text. */
final class GitCommits {

    private GitCommits() {
    }

    static GitCommit of(FileVersion version) {
        Set<GitPerson> merged = new LinkedHashSet<>();
        for (MergedCommit commit : version.mergedCommits()) {
            merged.add(person(commit.author().identity()));
            commit.coAuthors().forEach(c -> merged.add(person(c)));
        }
        List<GitPerson> coAuthors = new ArrayList<>();
        version.coAuthors().forEach(c -> coAuthors.add(person(c)));
        return new GitCommit(version.commitId(), person(version.author().identity()), version.author().when().toString(),
                coAuthors, List.copyOf(merged), version.message());
    }

    private static GitPerson person(Identity identity) {
        return new GitPerson(identity.name(), identity.email());
    }

    /** The file as text, when it is UTF-8 (strictly: a version that is not cannot be a list byte for byte). */
    static Optional<String> text(FileVersion version) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(version.bytes())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
