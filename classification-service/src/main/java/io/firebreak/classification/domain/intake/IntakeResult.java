package io.firebreak.classification.domain.intake;

import java.util.List;

/**
 * What intake answers: accepted (durable on the signals topic), invalid, unknown key, throttled, overloaded, or not
 * served by this replica.
 */
public sealed interface IntakeResult {

    /** Accepted; the broker acknowledged the signal. */
    record Accepted(String dedupKey, int count) implements IntakeResult {
    }

    /** Refused; every error in PagerDuty's style. */
    record Invalid(List<String> errors) implements IntakeResult {
    }

    /** The integration key is unknown or revoked. */
    record Unknown() implements IntakeResult {
    }

    /** The key exceeded its rate (or the source its budget of unknown keys); retry after this many seconds. */
    record Throttled(long retryAfterSeconds) implements IntakeResult {
    }

    /** Intake as a whole is at capacity (admission control, before any key lookup); retry after this many seconds. */
    record Overloaded(long retryAfterSeconds) implements IntakeResult {
    }

    /** This replica processes signals only (intake switched off); retry after this many seconds, through the gateway. */
    record NotServedHere(long retryAfterSeconds) implements IntakeResult {
    }
}
