package io.firebreak.response.domain.paging;

import io.firebreak.events.Priority;
import io.firebreak.response.model.paging.EscalationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Escalation timing: how long a level waits, where it goes next, and how far a justified delay may reach. */
public final class EscalationWindows {

    private EscalationWindows() {
    }

    /** Where an escalation goes after a breached level: the next level, the first again (a repeat), or nowhere. */
    public record Step(int level, int round) {
    }

    /** The level's own delay when it has one, else the window for the priority. */
    public static Duration window(EscalationLevel level, Priority priority, Duration p1, Duration p2) {
        if (level != null && level.delayMinutes() != null) {
            return Duration.ofMinutes(level.delayMinutes());
        }
        return priority == Priority.P1 ? p1 : p2;
    }

    /** The step after {@code level} of {@code round}; null when every level of every allowed round was paged. */
    public static Step next(int level, int round, int levels, int repeatCount) {
        if (level + 1 < levels) {
            return new Step(level + 1, round);
        }
        if (round < repeatCount) {
            return new Step(0, round + 1);
        }
        return null;
    }

    /** Why a requested delay is refused, or null when it may be granted. */
    public static String refusal(Instant dueAt, Instant until, String justification, Priority priority, Duration maxP1, Duration maxP2) {
        if (justification == null || justification.strip().length() < 10) {
            return "a delay needs a written justification (at least 10 characters)";
        }
        if (until == null || dueAt == null || !until.isAfter(dueAt)) {
            return "a delay holds the escalation beyond its window: until must be after " + dueAt;
        }
        Duration max = priority == Priority.P1 ? maxP1 : maxP2;
        if (Duration.between(dueAt, until).compareTo(max) > 0) {
            return "a " + priority + " escalation may be held at most " + max.toMinutes() + " minutes beyond its window (until "
                    + dueAt.plus(max) + ")";
        }
        return null;
    }

    /** Targets of a level, none when the policy is shorter. */
    public static EscalationLevel level(List<EscalationLevel> levels, int index) {
        return index >= 0 && index < levels.size() ? levels.get(index) : null;
    }
}
