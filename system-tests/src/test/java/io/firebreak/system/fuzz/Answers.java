package io.firebreak.system.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the fuzzer reads an answer so that no answer can stall the run. A live feed (text/event-stream, the war room's
 * SSE feed) never ends by design: its headers are the answer, and the stream is closed at once. Any other answer has
 * a whole-exchange deadline — the client's request timeout only covers the headers, so a body that trickles forever
 * would otherwise hold the run (and CI) until it is killed.
 */
final class Answers {

    static final String EVENT_STREAM = "(event stream opened and closed by the fuzzer)";

    private Answers() {
    }

    /** The answer, or empty when it was not complete within {@code deadline} (the exchange is then cancelled). */
    static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest request, Duration deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, Answers::body);
        try {
            return Optional.of(answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static HttpResponse.BodySubscriber<String> body(HttpResponse.ResponseInfo info) {
        boolean stream = info.headers().firstValue("Content-Type").filter(t -> t.startsWith("text/event-stream")).isPresent();
        if (!stream) {
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        }
        // ofInputStream completes as soon as the headers are in; closing the stream cancels the subscription.
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), Answers::close);
    }

    private static String close(InputStream in) {
        try {
            in.close();
            return EVENT_STREAM;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
