package io.firebreak.platform.outbox;

import org.apache.kafka.common.errors.RetriableException;

/** How the relay judges a failed send: worth retrying, or permanent (park the row at once). */
final class SendFailures {

    private SendFailures() {
    }

    /**
     * Kafka marks transient errors (timeouts, leader elections, unknown topic while metadata settles)
     * {@link RetriableException}; the others (record too large, authorisation, invalid topic) will fail
     * the same way every time until someone changes the record or the cluster.
     */
    static boolean permanent(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof org.apache.kafka.common.KafkaException && !(e instanceof RetriableException);
    }

    static String describe(Throwable error) {
        Throwable e = unwrap(error);
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
