package io.firebreak.platform.testapp;

import io.firebreak.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Endpoints that fail in chosen ways, to test what callers get back. */
@Path("/test/problems")
@PermitAll
public class ProblemProbeResource {

    @GET
    @Path("conflict")
    public String conflict() {
        throw ProblemException.conflict("The incident was changed by someone else");
    }

    @GET
    @Path("stale")
    public String stale() {
        throw new OptimisticLockException("row was updated or deleted by another transaction");
    }

    @GET
    @Path("deadlock")
    public String deadlock() {
        throw new IllegalStateException("statement failed",
                new io.vertx.pgclient.PgException("deadlock detected", "ERROR", "40P01", "Process 1 waits for ShareLock"));
    }

    /** What the reactive PostgreSQL client fails with while the server restarts: the connection is refused. */
    @GET
    @Path("database-refused")
    public String databaseRefused() {
        throw new java.util.concurrent.CompletionException(new java.net.ConnectException("Connection refused: /127.0.0.1:15432"));
    }

    /** ... or the server reset a pooled connection (Hibernate Reactive wraps it) ... */
    @GET
    @Path("database-reset")
    public String databaseReset() {
        throw new org.hibernate.HibernateException(new java.net.SocketException("Connection reset"));
    }

    /** ... or the pool hands out a connection the server already closed ... */
    @GET
    @Path("database-closed")
    public String databaseClosed() {
        throw new org.hibernate.HibernateException(new io.vertx.core.impl.NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED"));
    }

    /** ... or PostgreSQL, shutting down in immediate mode, ends the session (SQLSTATE 57P01). */
    @GET
    @Path("database-shutting-down")
    public String databaseShuttingDown() {
        throw new IllegalStateException("query failed", new io.vertx.pgclient.PgException(
                "terminating connection due to administrator command", "FATAL", "57P01", null));
    }

    @GET
    @Path("broker-down")
    public String brokerDown() {
        throw new io.firebreak.platform.messaging.PublishRejectedException("the broker did not acknowledge within PT3S", 5);
    }

    @GET
    @Path("duplicate")
    public String duplicate() {
        throw new IllegalStateException("flush failed", new io.vertx.pgclient.PgException(
                "duplicate key value violates unique constraint \"widget_pkey\"", "ERROR", "23505", "Key (id) already exists"));
    }

    @GET
    @Path("nul-in-text")
    public io.smallrye.mutiny.Uni<String> nulInText() {
        // A real refusal: PostgreSQL does not store NUL in text (SQLSTATE 22021).
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("select cast(:v as text)").setParameter("v", "a\u0000b").getSingleResult())
                .map(String::valueOf));
    }

    public record Moment(java.time.Instant at, java.time.LocalDate day) {
    }

    /** Binds a moment from the body into a real statement, as every service's writes do. */
    @jakarta.ws.rs.POST
    @Path("moment")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public io.smallrye.mutiny.Uni<String> moment(Moment moment) {
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("select cast(cast(:at as timestamptz) as text)")
                        .setParameter("at", moment.at()).getSingleResult())
                .map(String::valueOf));
    }

    /** A moment in a query parameter, read the way list endpoints read {@code ?from=} and {@code ?at=}. */
    @GET
    @Path("moment")
    public String momentParameter(@jakarta.ws.rs.QueryParam("at") String at) {
        return String.valueOf(io.firebreak.platform.problem.QueryParams.instant("at", at));
    }

    /** A form endpoint like the acknowledgement link's POST: RESTEasy parses the form on the event loop, before any resource code. */
    @jakarta.ws.rs.POST
    @Path("form")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@jakarta.ws.rs.FormParam("a") String a) {
        return "read " + (a == null ? 0 : a.length());
    }

    /** A plain Vert.x route that fails, outside RESTEasy and its exception mappers. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class FailingRoute {
        void install(@jakarta.enterprise.event.Observes io.vertx.ext.web.Router router) {
            router.get("/test/router-failure").handler(ctx -> ctx.fail(new IllegalStateException("secret router detail")));
        }
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail that must not leak");
    }
}
