package io.firebreak.response.model.oncall;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One rotation layer of a schedule: participants take turns of {@code length} in the given order,
 * starting with the first at {@code start} (local time of the schedule's zone, which is also the
 * hand-off time of every turn), until {@code end} if set. Restrictions, when present, limit the layer
 * to their windows. Of several layers the later one wins where both have someone on call; where a
 * later layer is restricted or ended, earlier layers show through.
 */
public record Layer(String name, LocalDateTime start, LocalDateTime end, RotationLength length, List<String> participants,
                    List<Restriction> restrictions) {

    public Layer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a layer has a name");
        }
        if (start == null || length == null) {
            throw new IllegalArgumentException("layer " + name + " needs a start and a rotation length");
        }
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("layer " + name + " ends before it starts");
        }
        if (participants == null || participants.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " has no participants");
        }
        participants = List.copyOf(participants);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }
}
