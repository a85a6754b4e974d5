package io.firebreak.platform.outbox;

/**
 * What one relay run did: rows it locked, published, failed to publish (of which parked), and
 * released untried; {@code held} rows it locked but left because another relay holds an older row of their key.
 */
public record RelayResult(int claimed, int published, int failed, int parked, int released, int held) {

    public static final RelayResult NOTHING = new RelayResult(0, 0, 0, 0, 0, 0);
}
