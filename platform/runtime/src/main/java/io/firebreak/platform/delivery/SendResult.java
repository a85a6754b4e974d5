package io.firebreak.platform.delivery;

import java.time.Duration;

/** One attempt's result: delivered, worth retrying (with the receiver's Retry-After, if any), or refused for good. */
record SendResult(Kind kind, Integer status, String error, Duration retryAfter, String body) {

    /** The most of a kept answer's body that is kept. */
    static final int KEPT_BODY_LIMIT = 65_536;

    /** DEFERRED: not sent at all (the destination's circuit is open); the attempt does not count. */
    enum Kind { DELIVERED, RETRY, PERMANENT, DEFERRED }

    static SendResult delivered(Integer status) {
        return new SendResult(Kind.DELIVERED, status, null, null, null);
    }

    static SendResult retry(Integer status, String error, Duration retryAfter) {
        return new SendResult(Kind.RETRY, status, error, retryAfter, null);
    }

    static SendResult deferred(String why) {
        return new SendResult(Kind.DEFERRED, null, why, null, null);
    }

    static SendResult permanent(Integer status, String error) {
        return new SendResult(Kind.PERMANENT, status, error, null, null);
    }

    /** 2xx delivered; 408, 425, 429 and 5xx are the receiver's trouble (retry); any other status is ours. */
    static SendResult ofStatus(int status, String error, Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return delivered(status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return retry(status, error, retryAfter);
        }
        return permanent(status, error);
    }

    /** This result with the receiver's answer kept (delivered results only; cut at {@link #KEPT_BODY_LIMIT}). */
    SendResult keeping(String answer) {
        if (kind != Kind.DELIVERED || answer == null) {
            return this;
        }
        return new SendResult(kind, status, error, retryAfter, answer.length() <= KEPT_BODY_LIMIT ? answer : answer.substring(0, KEPT_BODY_LIMIT));
    }
}
