package io.firebreak.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * RFC 9457 problem details. {@code type} is a URI naming the kind of problem; {@code violations}
 * lists every violated field of a refused request; {@code correlationId} ties a 500 answer to the
 * log line that holds its stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://firebreak.io/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, correlationId, violations);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, id, violations);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, correlationId, List.copyOf(list));
    }
}
