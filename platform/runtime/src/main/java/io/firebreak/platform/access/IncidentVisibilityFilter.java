package io.firebreak.platform.access;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.ProblemResponses;
import io.firebreak.platform.security.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 404 on every {@link IncidentScoped} endpoint, before it runs, when the caller may not see the
 * incident — one check for every lookup, change and stream, so no endpoint can forget it. Runs after the
 * endpoint's role check: a caller without the role gets 403 whatever the incident.
 */
public class IncidentVisibilityFilter {

    private final IncidentAccess access;
    private final SecurityIdentity identity;

    public IncidentVisibilityFilter(IncidentAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> hideInvisibleIncidents(ResourceInfo resource, UriInfo uri) {
        IncidentScoped scoped = scope(resource);
        if (scoped == null || identity.isAnonymous()) {
            return Uni.createFrom().nullItem();
        }
        Actor actor = new Actor(identity.getPrincipal().getName(), identity.getRoles());
        boolean seesEverything = IncidentAccess.seesEverything(actor);
        if (seesEverything && !scoped.membersOnly()) {
            return Uni.createFrom().nullItem(); // the endpoint answers an unknown incident itself
        }
        UUID incidentId;
        try {
            incidentId = UUID.fromString(uri.getPathParameters().getFirst(scoped.value()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().nullItem(); // the endpoint answers a malformed id itself
        }
        return access.sight(incidentId, actor.user()).map(sight -> {
            if (seesEverything) {
                // A stream cannot answer 404 once it started: an unknown incident is refused here.
                return sight.known() ? null : ProblemResponses.of(IncidentAccess.hidden(incidentId).problem());
            }
            if (!sight.visible()) {
                return ProblemResponses.of(IncidentAccess.hidden(incidentId).problem());
            }
            if (scoped.membersOnly() && !sight.member()) {
                return ProblemResponses.of(ProblemException.forbidden(actor.user() + " is not in the war room of incident " + incidentId
                        + "; its digest is open to everyone who may see the incident").problem());
            }
            return null;
        });
    }

    private static IncidentScoped scope(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        IncidentScoped scoped = method.getAnnotation(IncidentScoped.class);
        return scoped != null ? scoped : resource.getResourceClass().getAnnotation(IncidentScoped.class);
    }
}
