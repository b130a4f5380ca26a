package dev.curation.core.lint;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import dev.curation.core.input.InputException;
import java.util.TreeMap;

/**
 * Which rules apply to a list and how strictly: a rule absent from {@code rules} is off. With
 * {@code sameUrlInSections}, a page may be linked once in each section (lists that file one link
 * under several headings) instead of once in the whole list.
 */
public record LintProfile(Map<LintRule, Severity> rules, boolean sameUrlInSections) {

    public LintProfile {
        EnumMap<LintRule, Severity> copy = new EnumMap<>(LintRule.class);
        copy.putAll(rules);
        rules = Collections.unmodifiableMap(copy);
    }

    /** Every rule at its default severity, except alphabetical order, which a list opts into. */
    public static LintProfile defaults() {
        Map<LintRule, Severity> rules = new EnumMap<>(LintRule.class);
        for (LintRule rule : LintRule.values()) {
            if (rule != LintRule.ALPHABETICAL) {
                rules.put(rule, rule.defaultSeverity());
            }
        }
        return new LintProfile(rules, false);
    }

    /**
     * The defaults with {@code changes} applied: rule id to {@code error}, {@code warning} or
     * {@code off}; rules not named keep their default. What a curator sends.
     *
     * @throws InputException.Invalid naming an unknown rule or severity
     */
    public static LintProfile withChanges(Map<String, String> changes, boolean sameUrlInSections) {
        Map<LintRule, Severity> rules = new EnumMap<>(defaults().rules());
        changes.forEach((id, severity) -> {
            LintRule rule = LintRule.byId(id).orElseThrow(() -> new InputException.Invalid("rules." + id,
                    "is not a lint rule; the rules are " + String.join(", ",
                            Arrays.stream(LintRule.values()).map(LintRule::id).toList())));
            switch (severity == null ? "" : severity) {
                case "error" -> rules.put(rule, Severity.ERROR);
                case "warning" -> rules.put(rule, Severity.WARNING);
                case "off" -> rules.remove(rule);
                default -> throw new InputException.Invalid("rules." + id, "must be error, warning or off");
            }
        });
        return new LintProfile(rules, sameUrlInSections);
    }

    /** A profile as an event stores it ({@link #toWire()}); ids a later release added and this one does not know are ignored. */
    public static LintProfile fromWire(Map<String, String> rules, boolean sameUrlInSections) {
        Map<LintRule, Severity> known = new EnumMap<>(LintRule.class);
        rules.forEach((id, severity) -> LintRule.byId(id).ifPresent(rule -> {
            if (severity.equals("error")) {
                known.put(rule, Severity.ERROR);
            } else if (severity.equals("warning")) {
                known.put(rule, Severity.WARNING);
            }
        }));
        return new LintProfile(known, sameUrlInSections);
    }

    /** Every rule by id with its severity or {@code off}. */
    public Map<String, String> toWire() {
        Map<String, String> wire = new TreeMap<>();
        for (LintRule rule : LintRule.values()) {
            Severity severity = rules.get(rule);
            wire.put(rule.id(), severity == null ? "off" : severity.wireName());
        }
        return wire;
    }

    public boolean checks(LintRule rule) {
        return rules.containsKey(rule);
    }

    /** The severity of an enabled rule. */
    public Severity severity(LintRule rule) {
        Severity severity = rules.get(rule);
        if (severity == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " is off in this profile");
        }
        return severity;
    }
}
