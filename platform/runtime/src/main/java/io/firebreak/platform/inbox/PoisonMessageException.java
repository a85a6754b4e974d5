package io.firebreak.platform.inbox;

/** A record that can never be processed, however often it is retried: it goes straight to the DLQ. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }
}
