package io.firebreak.platform.feed;

import java.time.Instant;

/** One event of a subject's feed: its outbox sequence (the SSE id to resume after), type, time and JSON data. */
public record FeedEvent(long seq, String type, Instant occurredAt, String data) {
}
