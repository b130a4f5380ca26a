package dev.curation.command.config;

import dev.curation.core.input.InputLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the write side's input ({@code curation.limits.*}); docs/security.md lists them.
 *
 * @param maxEdits      edits in one change set or proposal
 * @param maxLineBytes  bytes of one line of an imported Markdown file
 * @param maxLines      lines of an imported Markdown file
 * @param maxEventBytes bytes of one stored event; the topic accepts 8 MiB records, so the
 *                      default of 1 MiB leaves room for the envelope and for growth
 */
@ConfigurationProperties("curation.limits")
record LimitsProperties(@DefaultValue("500") int maxEdits,
                        @DefaultValue("64KB") DataSize maxLineBytes,
                        @DefaultValue("200000") int maxLines,
                        @DefaultValue("1MB") DataSize maxEventBytes) {

    InputLimits toInputLimits() {
        return new InputLimits(maxEdits, Math.toIntExact(maxLineBytes.toBytes()), maxLines,
                Math.toIntExact(maxEventBytes.toBytes()));
    }
}
