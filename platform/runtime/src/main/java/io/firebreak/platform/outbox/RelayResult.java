package io.firebreak.platform.outbox;

/** What one relay transaction did: rows it locked, published, and failed to publish. */
public record RelayResult(int claimed, int published, int failed) {

    public static final RelayResult NOTHING = new RelayResult(0, 0, 0);
}
