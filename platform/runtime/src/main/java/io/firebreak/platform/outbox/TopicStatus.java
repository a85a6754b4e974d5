package io.firebreak.platform.outbox;

import java.util.Set;

/**
 * What the broker said of a topic just before a relay run sends to it: its partition count and the
 * partitions without a leader, or why its metadata could not be had in time ({@code failure}).
 * {@code partitions == 0} means unknown: the relay then cannot tell partitions apart.
 */
public record TopicStatus(int partitions, Set<Integer> leaderless, Throwable failure) {

    public static final TopicStatus UNKNOWN = new TopicStatus(0, Set.of(), null);

    public static TopicStatus failed(Throwable failure) {
        return new TopicStatus(0, Set.of(), failure);
    }

    public boolean available() {
        return failure == null;
    }
}
