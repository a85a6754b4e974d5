package io.firebreak.comms.domain.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which functions an incident engages, and which regulators' clocks it starts. Legal: data exposure suspected or
 * confirmed, or a security breach. Compliance: regulatory exposure, or a regulated service with data exposure or
 * unavailable. PR: a customer-facing P1 open longer than the configured time, or media attention. A regulation's
 * clock starts on its trigger: DATA_EXPOSURE (suspected or confirmed), REGULATED_OUTAGE (a regulated service
 * unavailable) or REGULATORY_EXPOSURE (classification says a regulator must or may be told). Pure.
 */
public final class EngagementRules {

    public static final String LEGAL = "LEGAL";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String PR = "PR";

    private EngagementRules() {
    }

    public record Facts(String priority, Instant declaredAt, Boolean customerFacing, String dataExposure, Boolean regulatoryExposure,
                        Boolean regulatedService, Boolean securityBreach, String availability, boolean mediaAttention) {

        boolean exposure() {
            return "SUSPECTED".equals(dataExposure) || "CONFIRMED".equals(dataExposure);
        }
    }

    public record Regulation(String name, Duration window, String trigger, String authority) {
    }

    /** The criteria met now, per function (functions in a stable order; empty when none). */
    public static Map<String, List<String>> met(Facts f, Duration customerFacingP1OpenFor, Instant now) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (f.exposure()) {
            add(out, LEGAL, "data exposure " + f.dataExposure().toLowerCase());
        }
        if (Boolean.TRUE.equals(f.securityBreach())) {
            add(out, LEGAL, "security breach");
        }
        if (Boolean.TRUE.equals(f.regulatoryExposure())) {
            add(out, COMPLIANCE, "regulatory exposure");
        }
        if (Boolean.TRUE.equals(f.regulatedService()) && f.exposure()) {
            add(out, COMPLIANCE, "data exposure on a regulated service");
        }
        if (Boolean.TRUE.equals(f.regulatedService()) && "UNAVAILABLE".equals(f.availability())) {
            add(out, COMPLIANCE, "regulated service unavailable");
        }
        Instant prAt = prCheckAt(f, customerFacingP1OpenFor);
        if (prAt != null && !now.isBefore(prAt)) {
            add(out, PR, "customer-facing P1 open for " + customerFacingP1OpenFor.toMinutes() + " min");
        }
        if (f.mediaAttention()) {
            add(out, PR, "media attention");
        }
        return out;
    }

    /** When a customer-facing P1 starts needing PR (null when it is not one). */
    public static Instant prCheckAt(Facts f, Duration customerFacingP1OpenFor) {
        return "P1".equals(f.priority()) && Boolean.TRUE.equals(f.customerFacing()) ? f.declaredAt().plus(customerFacingP1OpenFor) : null;
    }

    public static boolean triggered(String trigger, Facts f) {
        return switch (trigger) {
            case "DATA_EXPOSURE" -> f.exposure();
            case "REGULATED_OUTAGE" -> Boolean.TRUE.equals(f.regulatedService()) && "UNAVAILABLE".equals(f.availability());
            case "REGULATORY_EXPOSURE" -> Boolean.TRUE.equals(f.regulatoryExposure());
            default -> throw new IllegalArgumentException("unknown regulation trigger " + trigger
                    + " (DATA_EXPOSURE, REGULATED_OUTAGE or REGULATORY_EXPOSURE)");
        };
    }

    /** The regulations whose clock the facts start. */
    public static List<Regulation> clocks(Facts f, List<Regulation> regulations) {
        List<Regulation> out = new ArrayList<>();
        for (Regulation r : regulations) {
            if (triggered(r.trigger(), f)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Time left on a clock (negative once overdue). */
    public static Duration remaining(Instant dueAt, Instant now) {
        return Duration.between(now, dueAt);
    }

    private static void add(Map<String, List<String>> out, String function, String criterion) {
        out.computeIfAbsent(function, k -> new ArrayList<>()).add(criterion);
    }
}
