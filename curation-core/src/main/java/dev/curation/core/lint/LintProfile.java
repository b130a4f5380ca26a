package dev.curation.core.lint;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which rules apply to a list and how strictly: a rule absent from {@code rules} is off. With
 * {@code sameUrlInSections}, a page may be linked once in each topic (lists that file one link
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
