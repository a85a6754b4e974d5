package io.firebreak.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure that can reach a resource to RFC 9457 problem+json. Unknown failures become a
 * 500 with a correlation id; the stack trace goes only to the log, under that id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.problem().withInstance(uri.getPath()));
    }

    /** Two writers raced on one row (optimistic lock): the caller should re-read and retry. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(409, "concurrent-update", "Conflict",
                "The resource was changed concurrently; read it again and retry").withInstance(uri.getPath()));
    }

    /** The broker is in trouble: the caller retries later rather than waiting here. */
    @ServerExceptionMapper
    public Response unavailable(io.firebreak.platform.messaging.PublishRejectedException e, UriInfo uri) {
        LOG.warnf("Refused %s with 503: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "unavailable", "Service unavailable",
                "The event could not be stored now; retry after the indicated delay").withInstance(uri.getPath())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = Violations.of(e.getConstraintViolations());
        return ProblemResponses.of(ProblemException.invalid(violations).problem().withInstance(uri.getPath()));
    }

    /** Quarkus ships its own mapper for this subtype; this one is at least as specific, so it wins. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Problem problem;
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException) && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof io.firebreak.platform.time.TimeBoundsJackson.OutOfBounds
                    ? io.firebreak.platform.time.TimeBounds.RULE : "has a value of the wrong type or format";
            problem = ProblemException.invalid(List.of(new Violation(field, message))).problem();
        } else {
            problem = Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON");
        }
        return ProblemResponses.of(problem.withInstance(uri.getPath()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required").withInstance(uri.getPath());
        return Response.fromResponse(ProblemResponses.of(problem)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(403, "forbidden", "Forbidden",
                "Your roles do not allow this operation").withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // the JSON reader wraps parse failures
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.of(clientError(status, e.getMessage(), uri.getPath())));
        // The original's headers say how to recover (Allow on 405, Retry-After, WWW-Authenticate): keep them.
        original.getStringHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) == null) {
            String allowed = AllowedMethods.forPath(uri.getPath());
            if (allowed != null) {
                builder.header(HttpHeaders.ALLOW, allowed);
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ConcurrencyFailures.isTransient(e)) {
            return concurrentUpdate(new IllegalStateException(e), uri);
        }
        if (ConcurrencyFailures.isDuplicate(e)) {
            LOG.debugf(e, "Unique constraint on %s", uri.getPath());
            return ProblemResponses.of(Problem.of(409, "duplicate", "Conflict",
                    "It already exists, or was created concurrently; read it again").withInstance(uri.getPath()));
        }
        if (DataFailures.isInvalidValue(e)) {
            LOG.debugf(e, "A value the database refuses on %s", uri.getPath());
            return ProblemResponses.of(Problem.of(400, "invalid-value", "Invalid value",
                    "A value in the request cannot be stored (a NUL character, or a number or date out of range); nothing was changed")
                    .withInstance(uri.getPath()));
        }
        if (DependencyFailures.isUnavailable(e)) {
            return Response.fromResponse(ProblemResponses.of(unavailable(e, uri.getPath()))).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        return ProblemResponses.of(internal(e, uri.getPath()));
    }

    /** A 4xx named by its status alone (type {@code http-<status>}, the reason phrase as title). */
    static Problem clientError(int status, String detail, String path) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return Problem.of(status, "http-" + status, title, detail != null ? detail : title).withInstance(path);
    }

    /** The 503 answer while a dependency is unavailable (DependencyFailures); the caller adds Retry-After: 5. */
    static Problem unavailable(Throwable e, String path) {
        LOG.warnf("Refused %s with 503, a dependency (usually the database) is unavailable: %s", path, e.getMessage());
        return Problem.of(503, "dependency-unavailable", "Service unavailable",
                "A service this request needs is unavailable for the moment; retry after the indicated delay").withInstance(path);
    }

    /** The 500 answer: the stack trace goes only to the log, under the correlation id the caller gets. */
    static Problem internal(Throwable e, String path) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s [correlationId=%s]", path, correlationId);
        return Problem.of(500, "internal", "Internal error", "The request failed unexpectedly; quote the correlation id when reporting it")
                .withInstance(path).withCorrelationId(correlationId);
    }
}
