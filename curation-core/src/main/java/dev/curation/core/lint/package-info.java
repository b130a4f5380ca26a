/**
 * The list's rules as a linter sees them: each {@link dev.curation.core.lint.LintRule} has a
 * stable id and a default severity, a {@link dev.curation.core.lint.LintProfile} says which apply
 * to a list and how strictly, and {@link dev.curation.core.lint.ListLinter} reports every
 * {@link dev.curation.core.lint.LintProblem} of a document, naming the item and its line.
 */
@NullMarked
package dev.curation.core.lint;

import org.jspecify.annotations.NullMarked;
