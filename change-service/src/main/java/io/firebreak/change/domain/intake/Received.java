package io.firebreak.change.domain.intake;

import java.time.Instant;

/**
 * A commit or deploy as one source reported it, before linking. {@code deliveryKey} is unique per item across
 * redeliveries (the source's delivery id and the revision), so a repeated webhook records nothing twice. {@code text}
 * is where references to incidents and changes are looked for (the whole commit message, the deploy's description).
 */
public record Received(String deliveryKey, String kind, String source, String repository, String revision, String service,
                       String environment, String summary, String author, String url, Instant occurredAt, String text) {

    public static final String COMMIT = "COMMIT";
    public static final String DEPLOY = "DEPLOY";
}
