/** HTTP for the git bridge: importing a list from git, and a list's bridge settings and state. */
@NullMarked
package dev.curation.command.git.web;

import org.jspecify.annotations.NullMarked;
