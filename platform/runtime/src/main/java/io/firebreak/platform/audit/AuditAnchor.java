package io.firebreak.platform.audit;

/**
 * A link of a chain known outside the database (published in an event, printed in a report, kept by an
 * auditor). Someone who can write the database can put back an older head together with a truncated
 * chain; an anchor newer than that head still shows the loss.
 */
public record AuditAnchor(long sequence, String mac) {
}
