package io.firebreak.metrics.model.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What one incident adds to the rollups of the day it was declared (UTC) — under its business
 * service, its current priority and all incidents: a drill only counts as a drill; an incident with open findings counts as excluded,
 * once per rule; a counted incident adds its figures. When an event changes any of this, the incident's old
 * contribution is subtracted and the new one added. Pure.
 */
public record Contribution(LocalDate day, String service, String priority, Kind kind, Set<String> rules, Long mtta, Long mttr, Long mtte) {

    /** Stored in place of a missing service or priority (key columns cannot be null). */
    public static final String UNKNOWN = "";

    public enum Kind { COUNTED, EXCLUDED, DRILL }

    /** Null when the incident is not declared yet (it belongs to no period). */
    public static Contribution of(Instant declaredAt, String service, String priority, boolean drill, boolean included, Set<String> openRules,
                                  Long mtta, Long mttr, Long mtte) {
        if (declaredAt == null) {
            return null;
        }
        Kind kind = drill ? Kind.DRILL : included ? Kind.COUNTED : Kind.EXCLUDED;
        return new Contribution(LocalDate.ofInstant(declaredAt, ZoneOffset.UTC), service == null ? UNKNOWN : service,
                priority == null ? UNKNOWN : priority, kind, kind == Kind.EXCLUDED ? Set.copyOf(openRules) : Set.of(),
                kind == Kind.COUNTED ? mtta : null, kind == Kind.COUNTED ? mttr : null, kind == Kind.COUNTED ? mtte : null);
    }
}
