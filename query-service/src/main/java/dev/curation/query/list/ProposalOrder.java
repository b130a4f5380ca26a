package dev.curation.query.list;

/**
 * The order of a list's proposals: {@code newest} first (the default), or by {@code turn}: open
 * proposals waiting for a curator, then those waiting for their author, each oldest first, then
 * the decided ones, newest first. Its wire name is lower case.
 */
public enum ProposalOrder {
    NEWEST, TURN
}
