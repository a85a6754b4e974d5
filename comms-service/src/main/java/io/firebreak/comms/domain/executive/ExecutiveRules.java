package io.firebreak.comms.domain.executive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When executives must hear about an incident, and until when: by duration (a priority open this long), by
 * financial impact (revenue loss per hour times the time since detection reaching a threshold) and by
 * regulatory exposure (classification says so, or a regulated service with data exposure suspected or
 * confirmed — at once). Each rule fires once per incident; executives must be notified within the window after
 * it fires, unless the Communications Lead or IC delays it with a justification (bounded). Pure: no I/O, no clock.
 */
public final class ExecutiveRules {

    public static final String DURATION = "DURATION";
    public static final String FINANCIAL = "FINANCIAL";
    public static final String REGULATORY = "REGULATORY";

    private ExecutiveRules() {
    }

    /** What the rules read of an incident. */
    public record Facts(String priority, Instant detectedAt, Instant declaredAt, Double revenueLossPerHour, String dataExposure,
                        Boolean regulatoryExposure, Boolean regulatedService) {
    }

    /** Duration per priority (absent: no duration rule for it), the revenue-loss threshold and the notification window. */
    public record Thresholds(Map<String, Duration> openFor, double revenueLoss, Duration window, Duration maxDelay) {
    }

    public record Firing(String rule, Instant firesAt, String reason) {
    }

    /** Every rule that applies to these facts, with when it fires (possibly in the past). */
    public static List<Firing> firings(Facts f, Thresholds t) {
        List<Firing> out = new ArrayList<>();
        Duration open = t.openFor().get(f.priority());
        if (open != null) {
            out.add(new Firing(DURATION, f.declaredAt().plus(open), f.priority() + " open for " + human(open)));
        }
        if (f.revenueLossPerHour() != null && f.revenueLossPerHour() > 0 && t.revenueLoss() > 0) {
            // The small epsilon keeps an exact quotient (50,000 at 12,000/h = 15,000 s) from rounding up a second.
            long seconds = (long) Math.ceil(t.revenueLoss() * 3600 / f.revenueLossPerHour() - 1e-6);
            Duration until = Duration.ofSeconds(seconds);
            out.add(new Firing(FINANCIAL, f.detectedAt().plus(until), String.format(Locale.ROOT,
                    "revenue loss reaches %,.0f (%,.0f per hour for %s since detection)", t.revenueLoss(), f.revenueLossPerHour(), human(until))));
        }
        boolean exposure = "SUSPECTED".equals(f.dataExposure()) || "CONFIRMED".equals(f.dataExposure());
        if (Boolean.TRUE.equals(f.regulatoryExposure()) || Boolean.TRUE.equals(f.regulatedService()) && exposure) {
            out.add(new Firing(REGULATORY, f.declaredAt(), Boolean.TRUE.equals(f.regulatoryExposure()) ? "regulatory exposure"
                    : "data exposure " + f.dataExposure().toLowerCase(Locale.ROOT) + " on a regulated service"));
        }
        return out;
    }

    /** The firing of {@code rule} under these facts, or null when it no longer applies. */
    public static Firing firing(Facts f, Thresholds t, String rule) {
        return firings(f, t).stream().filter(x -> x.rule().equals(rule)).findFirst().orElse(null);
    }

    /** Why a delay until {@code until} is refused (null when it is allowed). */
    public static String delayRefusal(Instant now, Instant until, Duration maxDelay, Instant firedAt) {
        if (until == null) {
            return "until is required: when executives will be told at the latest";
        }
        if (!until.isAfter(now)) {
            return "until must be in the future";
        }
        if (until.isAfter(firedAt.plus(maxDelay))) {
            return "until may be at most " + human(maxDelay) + " after the rule fired (" + firedAt.plus(maxDelay) + ")";
        }
        return null;
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
