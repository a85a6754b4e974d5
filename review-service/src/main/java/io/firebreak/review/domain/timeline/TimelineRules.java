package io.firebreak.review.domain.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation of an incident's timeline against every source. The timeline holds recorded entries (from the services'
 * events), imported log excerpts and participant recollections; the rules raise flags that must each be resolved
 * (accepted with a note, or corrected) before the post-mortem is published:
 * <ul>
 *   <li>{@code IMPOSSIBLE_ORDER}: acknowledged before paged (same page), a change implemented before approved (same
 *       change), resolved or mitigated before declared, declared before detected;</li>
 *   <li>{@code RECOLLECTION_CONTRADICTS}: a recollection places a milestone more than the tolerance away from where the
 *       recorded events put it;</li>
 *   <li>{@code CLOCK_SKEW}: two sources record the same milestone more than the tolerance apart;</li>
 *   <li>{@code GAP}: between declaration and resolution, no recorded entry for longer than the priority's update
 *       cadence (P1 30 min, P2 60 min);</li>
 *   <li>{@code MISSING_MILESTONE}: no acknowledgement, or no status published, was recorded;</li>
 *   <li>{@code AFTER_CLOSURE}: something recorded after the incident was closed.</li>
 * </ul>
 * Pure: the caller gives the entries and the settings.
 */
public final class TimelineRules {

    public static final String IMPOSSIBLE_ORDER = "IMPOSSIBLE_ORDER";
    public static final String RECOLLECTION_CONTRADICTS = "RECOLLECTION_CONTRADICTS";
    public static final String CLOCK_SKEW = "CLOCK_SKEW";
    public static final String GAP = "GAP";
    public static final String MISSING_MILESTONE = "MISSING_MILESTONE";
    public static final String AFTER_CLOSURE = "AFTER_CLOSURE";

    /** What happened; recorded by the services unless the origin says otherwise. */
    public enum Kind {
        DETECTED, DECLARED, PRIORITY_CHANGED, PAGED, ACKNOWLEDGED, ESCALATED, ROLE_ASSIGNED, ROLE_HANDED_OVER, STATUS_PUBLISHED,
        EXTERNAL_COMMUNICATION, BRIDGE_UPDATE, TRIAGE, CHANGE_REQUESTED, CHANGE_APPROVED, CHANGE_IMPLEMENTED, MITIGATED, RESOLVED, CLOSED, NOTE
    }

    /** RECORDED: from a service's event; LOG: an imported log excerpt; RECOLLECTION: a participant's account. */
    public enum Origin { RECORDED, LOG, RECOLLECTION }

    /**
     * One entry. {@code subject} ties entries about the same thing (a page id, a change id); {@code source} is who
     * recorded it (a service, a log's name, the participant).
     */
    public record Entry(String id, Instant at, Kind kind, Origin origin, String source, String subject) {
    }

    /** A finding; {@code key} identifies it across re-validations so a resolution sticks to it. */
    public record Flag(String key, String rule, List<String> entries, String message) {
    }

    public record Settings(Duration tolerance, Duration cadence) {

        /** The update cadence by priority: P1 30 minutes, P2 an hour, others four hours. */
        public static Duration cadence(String priority) {
            return switch (priority == null ? "" : priority) {
                case "P1" -> Duration.ofMinutes(30);
                case "P2" -> Duration.ofHours(1);
                default -> Duration.ofHours(4);
            };
        }
    }

    private TimelineRules() {
    }

    public static List<Flag> validate(List<Entry> entries, Settings settings) {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparing(Entry::at).thenComparing(Entry::id)).toList();
        List<Entry> recorded = sorted.stream().filter(e -> e.origin() == Origin.RECORDED).toList();
        List<Flag> flags = new ArrayList<>();
        order(recorded, flags);
        recollections(sorted, recorded, settings.tolerance(), flags);
        skew(recorded, settings.tolerance(), flags);
        gaps(recorded, settings.cadence(), flags);
        missing(recorded, flags);
        afterClosure(recorded, flags);
        return flags;
    }

    private static Optional<Entry> first(List<Entry> recorded, Kind kind) {
        return recorded.stream().filter(e -> e.kind() == kind).findFirst();
    }

    private static void order(List<Entry> recorded, List<Flag> flags) {
        // Per subject: an acknowledgement needs its page before it, an implementation its approval.
        pairs(recorded, Kind.PAGED, Kind.ACKNOWLEDGED, "acknowledged before it was paged", flags);
        pairs(recorded, Kind.CHANGE_APPROVED, Kind.CHANGE_IMPLEMENTED, "implemented before it was approved", flags);
        Optional<Entry> declared = first(recorded, Kind.DECLARED);
        Optional<Entry> detected = first(recorded, Kind.DETECTED);
        if (declared.isPresent()) {
            for (Kind k : List.of(Kind.MITIGATED, Kind.RESOLVED)) {
                first(recorded, k).filter(e -> e.at().isBefore(declared.get().at())).ifPresent(e -> flags.add(flag(IMPOSSIBLE_ORDER,
                        List.of(e, declared.get()), k.name().toLowerCase() + " at " + e.at() + " before it was declared at " + declared.get().at())));
            }
            detected.filter(d -> declared.get().at().isBefore(d.at())).ifPresent(d -> flags.add(flag(IMPOSSIBLE_ORDER,
                    List.of(declared.get(), d), "declared at " + declared.get().at() + " before the impact was detected at " + d.at())));
        }
    }

    private static void pairs(List<Entry> recorded, Kind before, Kind after, String what, List<Flag> flags) {
        for (Entry a : recorded) {
            if (a.kind() != after || a.subject() == null) {
                continue;
            }
            recorded.stream().filter(b -> b.kind() == before && a.subject().equals(b.subject())).findFirst()
                    .filter(b -> a.at().isBefore(b.at()))
                    .ifPresent(b -> flags.add(flag(IMPOSSIBLE_ORDER, List.of(a, b), a.subject() + " was " + what + " (" + a.at() + " < " + b.at() + ")")));
        }
    }

    private static void recollections(List<Entry> all, List<Entry> recorded, Duration tolerance, List<Flag> flags) {
        for (Entry r : all) {
            if (r.origin() != Origin.RECOLLECTION || r.kind() == Kind.NOTE) {
                continue;
            }
            List<Entry> same = recorded.stream().filter(e -> e.kind() == r.kind() && (r.subject() == null || r.subject().equals(e.subject())))
                    .toList();
            if (same.isEmpty()) {
                continue; // nothing recorded to contradict
            }
            Entry nearest = same.stream().min(Comparator.comparing(e -> Duration.between(e.at(), r.at()).abs())).orElseThrow();
            Duration off = Duration.between(nearest.at(), r.at()).abs();
            if (off.compareTo(tolerance) > 0) {
                flags.add(flag(RECOLLECTION_CONTRADICTS, List.of(r, nearest), r.source() + " recalls " + r.kind().name().toLowerCase() + " at "
                        + r.at() + ", the record says " + nearest.at() + " (" + minutes(off) + " apart, tolerance " + minutes(tolerance) + ")"));
            }
        }
    }

    private static void skew(List<Entry> recorded, Duration tolerance, List<Flag> flags) {
        Map<String, List<Entry>> byMilestone = new java.util.LinkedHashMap<>();
        for (Entry e : recorded) {
            if (e.kind() == Kind.DETECTED || e.kind() == Kind.DECLARED || e.kind() == Kind.MITIGATED || e.kind() == Kind.RESOLVED
                    || e.kind() == Kind.CLOSED) {
                byMilestone.computeIfAbsent(e.kind().name(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<Entry> same : byMilestone.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    Entry a = same.get(i);
                    Entry b = same.get(j);
                    Duration off = Duration.between(a.at(), b.at()).abs();
                    if (!Objects.equals(a.source(), b.source()) && off.compareTo(tolerance) > 0) {
                        flags.add(flag(CLOCK_SKEW, List.of(a, b), a.kind().name().toLowerCase() + " is " + a.at() + " by " + a.source() + " but "
                                + b.at() + " by " + b.source() + " (" + minutes(off) + " apart)"));
                    }
                }
            }
        }
    }

    private static void gaps(List<Entry> recorded, Duration cadence, List<Flag> flags) {
        Optional<Entry> declared = first(recorded, Kind.DECLARED);
        if (declared.isEmpty()) {
            return;
        }
        Instant end = first(recorded, Kind.RESOLVED).map(Entry::at).orElse(null);
        Entry previous = declared.get();
        for (Entry e : recorded) {
            if (!e.at().isAfter(previous.at())) {
                continue;
            }
            if (end != null && e.at().isAfter(end)) {
                break;
            }
            if (Duration.between(previous.at(), e.at()).compareTo(cadence) > 0) {
                flags.add(flag(GAP, List.of(previous, e), "no update between " + previous.at() + " and " + e.at() + " ("
                        + minutes(Duration.between(previous.at(), e.at())) + ", cadence " + minutes(cadence) + ")"));
            }
            previous = e;
        }
    }

    private static void missing(List<Entry> recorded, List<Flag> flags) {
        if (first(recorded, Kind.ACKNOWLEDGED).isEmpty()) {
            flags.add(new Flag(MISSING_MILESTONE + ":ACKNOWLEDGED", MISSING_MILESTONE, List.of(), "no acknowledgement was recorded"));
        }
        if (first(recorded, Kind.STATUS_PUBLISHED).isEmpty()) {
            flags.add(new Flag(MISSING_MILESTONE + ":STATUS_PUBLISHED", MISSING_MILESTONE, List.of(), "no status was published"));
        }
    }

    private static void afterClosure(List<Entry> recorded, List<Flag> flags) {
        first(recorded, Kind.CLOSED).ifPresent(closed -> recorded.stream()
                .filter(e -> e.at().isAfter(closed.at()) && e.kind() != Kind.CLOSED)
                .forEach(e -> flags.add(flag(AFTER_CLOSURE, List.of(e, closed), e.kind().name().toLowerCase() + " at " + e.at()
                        + " after the incident was closed at " + closed.at()))));
    }

    private static Flag flag(String rule, List<Entry> about, String message) {
        List<String> ids = about.stream().map(Entry::id).toList();
        return new Flag(rule + ":" + String.join(",", ids.stream().sorted().toList()), rule, ids, message);
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min";
    }
}
