package io.firebreak.classification.api;

import io.firebreak.classification.model.policy.PolicySignoff;
import java.time.Instant;

/** A documented sign-off of a policy version for one service. */
public record SignOffView(int policyVersion, String service, String signedBy, Instant signedAt, String comment) {

    static SignOffView of(PolicySignoff s) {
        return new SignOffView(s.policyVersion, s.service, s.signedBy, s.signedAt, s.comment);
    }
}
