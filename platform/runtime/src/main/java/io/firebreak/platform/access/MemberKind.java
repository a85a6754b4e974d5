package io.firebreak.platform.access;

/**
 * How a person came into an incident's war room: added by its commander as a responder or an
 * observer, or automatically when they were assigned a role or paged for it.
 */
public enum MemberKind {
    RESPONDER, OBSERVER, ROLE, PAGED
}
