package io.firebreak.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Failures raised outside any resource method, where the exception mappers of {@link ProblemMappers} never see them:
 * while RESTEasy still reads the body on the event loop (a form field over the size limit, too many form fields) or
 * in a Vert.x handler. Without this, Quarkus answers them with its own 500 JSON, whatever the cause; the API fuzz run
 * met one (an over-long form field on the acknowledgement link's POST). Here a 4xx keeps its status as a problem, and
 * anything else is the same 500 problem with a correlation id as a resource's unexpected failure.
 */
@ApplicationScoped
public class RouterFailures {

    private final ObjectMapper mapper;

    public RouterFailures(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 11).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            // The form parser fails the same request twice; the first failure was answered. Quarkus' own handler would
            // log the second as an ERROR with a stack trace, for a client's oversized field.
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus() : ctx.statusCode();
        String path = ctx.request().path();
        Problem problem;
        if (status >= 400 && status < 500) {
            problem = ProblemMappers.clientError(status, failure != null ? failure.getMessage() : null, path);
        } else if (failure != null && DependencyFailures.isUnavailable(failure)) {
            status = 503;
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            problem = ProblemMappers.unavailable(failure, path);
        } else {
            status = 500;
            problem = ProblemMappers.internal(failure, path);
        }
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.next();
        }
    }
}
