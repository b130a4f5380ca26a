/**
 * Where a list decides: its state folded from its events ({@link dev.curation.core.decider.ListState#evolve}),
 * and every rule a command on it must pass ({@link dev.curation.core.decider.ListDecider#decide}),
 * split by concern: content, review, membership and settings. Plain Java: the command service's
 * aggregate only stores and applies what is decided here, and the query service folds the same
 * state where it needs the same answers.
 */
@NullMarked
package dev.curation.core.decider;

import org.jspecify.annotations.NullMarked;
