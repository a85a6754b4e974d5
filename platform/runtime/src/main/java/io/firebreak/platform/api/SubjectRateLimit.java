package io.firebreak.platform.api;

import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemResponses;
import io.firebreak.platform.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.quarkus.security.Authenticated;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * API calls are limited per authenticated subject (the token's user), not per client address: a whole office behind one
 * NAT address is many callers, one runaway script is one. 429 problem+json with Retry-After once a subject has spent
 * its burst and runs above its sustained rate, per replica. Endpoints open to everyone ({@code @PermitAll}) and anonymous
 * requests are not counted here — they have limits of their own (intake per integration key, signed links, the status page at the gateway); the
 * gateway's per-address limit remains a coarse guard against floods (docs/architecture.md, "Rate limits").
 */
@ApplicationScoped
public class SubjectRateLimit {

    private final RateLimiter limiter;
    // Authentication is lazy (quarkus.http.auth.proactive=false): the identity is resolved when asked, without blocking.
    private final CurrentIdentityAssociation identity;
    private final Counter refused;

    public SubjectRateLimit(@ConfigProperty(name = "firebreak.api.per-subject.rate-per-second", defaultValue = "50") int ratePerSecond,
                            @ConfigProperty(name = "firebreak.api.per-subject.burst", defaultValue = "200") int burst,
                            CurrentIdentityAssociation identity, MeterRegistry registry) {
        this.limiter = new RateLimiter(ratePerSecond, burst, System::nanoTime);
        this.identity = identity;
        this.refused = Counter.builder("firebreak.api.rate.limited").description("API calls refused with 429: a subject above its rate")
                .register(registry);
    }

    // Before the filters that look things up (incident visibility): a refused call costs no query.
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public Uni<Response> limitPerSubject(ResourceInfo resource) {
        if (openToEveryone(resource)) {
            // Not resolved here: such endpoints carry their own credentials in the Authorization header (Alertmanager's
            // integration key), which token authentication would refuse.
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(this::limit);
    }

    private static boolean openToEveryone(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(Authenticated.class)) {
            return false;
        }
        return resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }

    private Response limit(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            return null;
        }
        String subject = caller.getPrincipal().getName();
        long wait = limiter.acquire(subject);
        if (wait == 0) {
            return null;
        }
        refused.increment();
        return Response.fromResponse(ProblemResponses.of(Problem.of(429, "rate-limited", "Too many requests",
                        "Too many API calls by " + subject + "; retry after the time given")))
                .header("Retry-After", wait).build();
    }
}
