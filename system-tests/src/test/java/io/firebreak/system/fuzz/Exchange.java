package io.firebreak.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One request the fuzzer sent and what came back, with the verdicts every answer is held to. */
record Exchange(Operation op, String uri, String token, Bodies.Body body, int status, String contentType, String responseBody) {

    /** The status of an exchange that had no complete answer within the fuzzer's deadline (see {@link Answers}). */
    static final int NO_ANSWER = 0;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with the answer: a 5xx, an error that is not RFC 9457 problem+json, a problem without its status. */
    List<String> faults() {
        List<String> faults = new ArrayList<>();
        if (status == NO_ANSWER) {
            faults.add("no complete answer within the fuzzer's deadline");
        }
        if (status >= 500) {
            faults.add("answered " + status);
        }
        if (status >= 400 && pagerDutyCompatible()) {
            if (!isPagerDutyError() && (contentType == null || !contentType.startsWith("application/problem+json"))) {
                faults.add("error " + status + " on a PagerDuty-compatible operation is neither PagerDuty's error shape nor problem+json");
            }
        } else if (status >= 400) {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                faults.add("error " + status + " is " + contentType + ", not application/problem+json");
            } else {
                try {
                    JsonNode problem = JSON.readTree(responseBody);
                    if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                        faults.add("problem body lacks status " + status + " or a title");
                    }
                } catch (Exception e) {
                    faults.add("problem body is not JSON");
                }
            }
        }
        return faults;
    }

    /**
     * The PagerDuty Events API v2 endpoints answer their own senders in PagerDuty's error shape
     * ({"status": "invalid event", "message": …, "errors": […]}), which every PagerDuty client parses; the platform's
     * checks in front of them (size, media type) still answer problem+json.
     */
    private boolean pagerDutyCompatible() {
        return op.path().startsWith("/v2/");
    }

    private boolean isPagerDutyError() {
        try {
            JsonNode error = JSON.readTree(responseBody);
            return contentType != null && contentType.startsWith("application/json")
                    && error.path("status").isTextual() && error.path("message").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    String describe() {
        String sent = body == null ? "no body" : body.mutation() + " " + body.contentType() + " body of " + body.bytes().length + " bytes";
        String shown = uri.length() > 200 ? uri.substring(0, 200) + "…(" + uri.length() + " chars)" : uri;
        String answer = responseBody == null ? "" : responseBody.substring(0, Math.min(300, responseBody.length()));
        return String.format("%s %s %s [%s, %s] → %d %s %s", op.context(), op.method(), shown, token, sent, status, contentType, answer);
    }
}
