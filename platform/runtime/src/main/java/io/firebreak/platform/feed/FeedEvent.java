package io.firebreak.platform.feed;

import java.time.Instant;

/** One event of a subject's feed: its outbox sequence (the SSE id to resume after), type, time and JSON data. */
public record FeedEvent(long seq, String type, Instant occurredAt, String data) {

    /** Nothing happened for a while; sent so the connection is known to be alive. */
    public static final FeedEvent HEARTBEAT = new FeedEvent(-1, null, null, null);

    public boolean isHeartbeat() {
        return seq < 0;
    }
}
