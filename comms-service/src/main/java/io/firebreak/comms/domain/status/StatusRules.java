package io.firebreak.comms.domain.status;

import io.firebreak.comms.model.StatusState;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a status version, pure (the caller passes the clock's instant): what a draft must say, and
 * when the next update is due — by default one cadence ahead (P1 30 min, P2 60 min, else 4 h), at most
 * 24 h ahead, never in the past, and none once the incident is resolved.
 */
public final class StatusRules {

    public static final Duration LONGEST = Duration.ofHours(24);
    public static final int MAX_IMPACT = 2_000;
    public static final int MAX_SERVICES = 50;

    private StatusRules() {
    }

    /** What a Communications Lead sends to publish a version. */
    public record Draft(StatusState state, String impact, List<String> affectedServices, Instant nextUpdateDueAt, Integer correctionOf) {
    }

    public static Duration cadence(Priority priority) {
        return switch (priority) {
            case P1 -> Duration.ofMinutes(30);
            case P2 -> Duration.ofMinutes(60);
            default -> Duration.ofHours(4);
        };
    }

    /** Field-by-field violations of a draft, given the current version number (0 before the first). */
    public static List<Violation> check(Draft d, int currentVersion, Instant now) {
        List<Violation> v = new ArrayList<>();
        if (d.state() == null) {
            v.add(new Violation("state", "is required: INVESTIGATING, IDENTIFIED, MONITORING or RESOLVED"));
        }
        if (d.impact() == null || d.impact().isBlank()) {
            v.add(new Violation("impact", "is required: what users experience"));
        } else if (d.impact().length() > MAX_IMPACT) {
            v.add(new Violation("impact", "at most " + MAX_IMPACT + " characters"));
        }
        List<String> services = d.affectedServices() == null ? List.of() : d.affectedServices();
        if (services.size() > MAX_SERVICES) {
            v.add(new Violation("affectedServices", "at most " + MAX_SERVICES));
        }
        for (int i = 0; i < services.size() && i < MAX_SERVICES; i++) {
            String s = services.get(i);
            if (s == null || s.isBlank() || s.length() > 200) {
                v.add(new Violation("affectedServices[" + i + "]", "a service name of 1 to 200 characters"));
            }
        }
        if (d.nextUpdateDueAt() != null) {
            if (d.state() == StatusState.RESOLVED) {
                v.add(new Violation("nextUpdateDueAt", "a resolved status has no next update"));
            } else if (!d.nextUpdateDueAt().isAfter(now)) {
                v.add(new Violation("nextUpdateDueAt", "must be in the future"));
            } else if (d.nextUpdateDueAt().isAfter(now.plus(LONGEST))) {
                v.add(new Violation("nextUpdateDueAt", "at most 24 hours ahead"));
            }
        }
        if (d.correctionOf() != null && (d.correctionOf() < 1 || d.correctionOf() > currentVersion)) {
            v.add(new Violation("correctionOf", currentVersion == 0 ? "there is no version to correct yet"
                    : "must name a published version, 1 to " + currentVersion));
        }
        return v;
    }

    /** When the update after this version is due: as asked, else one cadence ahead; null once resolved. */
    public static Instant nextUpdateDue(Draft d, Priority priority, Instant now) {
        if (d.state() == StatusState.RESOLVED) {
            return null;
        }
        return d.nextUpdateDueAt() != null ? d.nextUpdateDueAt() : now.plus(cadence(priority));
    }
}
