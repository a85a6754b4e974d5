package io.firebreak.response.domain.oncall;

import java.time.Instant;

/**
 * Time a role schedule does not cover properly: {@code UNFILLED} (nobody on call) or
 * {@code UNQUALIFIED} ({@code person} on call without a valid qualification for the role, e.g.
 * because it lapses inside the shift).
 */
public record Gap(Kind kind, Instant start, Instant end, String person, String detail) {

    public enum Kind { UNFILLED, UNQUALIFIED }
}
