package io.firebreak.platform.messaging;

/**
 * The broker cannot take a record now (too many waiting, or no acknowledgement in time): answered as
 * 503 with {@code Retry-After}, so the sender retries later instead of every request queueing behind
 * a broker in trouble.
 */
public class PublishRejectedException extends RuntimeException {

    private final long retryAfterSeconds;

    public PublishRejectedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
