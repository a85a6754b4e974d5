package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.ResponseRole;
import java.time.Instant;

/** A person qualified for a role from {@code validFrom} until {@code validUntil} (null: no expiry). */
public record QualifiedPeriod(String person, ResponseRole role, Instant validFrom, Instant validUntil) {

    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }

    Interval within(Interval range) {
        Instant end = validUntil == null || validUntil.isAfter(range.end()) ? range.end() : validUntil;
        Instant start = validFrom.isAfter(range.start()) ? validFrom : range.start();
        return end.isAfter(start) ? new Interval(start, end) : null;
    }
}
