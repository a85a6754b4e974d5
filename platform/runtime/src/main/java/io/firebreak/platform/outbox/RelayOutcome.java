package io.firebreak.platform.outbox;

/**
 * What a run did with one claimed row: sent (acknowledged), failed (an attempt counted, with the reason,
 * parked when {@code permanent}), or released untried (an earlier row of its key failed in this run).
 */
record RelayOutcome(OutboxRow row, Kind kind, String error, boolean permanent) {

    enum Kind { SENT, FAILED, RELEASED }

    static RelayOutcome sent(OutboxRow row) {
        return new RelayOutcome(row, Kind.SENT, null, false);
    }

    static RelayOutcome failed(OutboxRow row, String error, boolean permanent) {
        return new RelayOutcome(row, Kind.FAILED, error, permanent);
    }

    static RelayOutcome released(OutboxRow row) {
        return new RelayOutcome(row, Kind.RELEASED, null, false);
    }
}
