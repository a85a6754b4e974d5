package io.firebreak.platform.outbox;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes outbox rows to the broker. {@link #send} completes only once the broker has acknowledged
 * the record (or fails); the relay marks a row sent only after that.
 */
public interface OutboxSender {

    Uni<Void> send(OutboxRow row);

    /**
     * The state of the topics a run is about to send to, each within a short bound, so that an
     * unknown or unreachable topic costs the run one bounded wait instead of one per row.
     */
    default Uni<Map<String, TopicStatus>> describe(Set<String> topics) {
        return Uni.createFrom().item(topics.stream().collect(Collectors.toMap(Function.identity(), t -> TopicStatus.UNKNOWN)));
    }
}
