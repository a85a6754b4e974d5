package io.firebreak.response.domain.oncall;

import io.firebreak.events.ServiceChanged;
import io.firebreak.response.model.oncall.BusinessServiceView;
import io.firebreak.response.persistence.oncall.BusinessServiceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Which team owns (and which is on call for) each business service, kept from classification's
 * {@code service.registered} / {@code service.updated} events — never read from classification's tables.
 */
@ApplicationScoped
public class ServiceOwnership {

    private final BusinessServiceRepository services;

    public ServiceOwnership(BusinessServiceRepository services) {
        this.services = services;
    }

    /** Applies a service's new state; an event older than what is kept (redelivered late) changes nothing. */
    @WithTransaction
    public Uni<Boolean> apply(ServiceChanged changed) {
        return services.findById(changed.name()).chain(existing -> {
            if (existing != null && existing.changedAt.isAfter(changed.changedAt())) {
                return Uni.createFrom().item(false);
            }
            BusinessServiceView view = existing != null ? existing : new BusinessServiceView();
            view.name = changed.name();
            view.owningTeam = changed.owningTeam();
            view.onCallTeam = changed.onCallTeam();
            view.tier = changed.tier();
            view.customerFacing = changed.customerFacing();
            view.changedAt = changed.changedAt();
            return existing != null ? Uni.createFrom().item(true) : services.persist(view).replaceWith(true);
        });
    }

    @WithSession
    public Uni<BusinessServiceView> find(String name) {
        return services.findById(name);
    }

    @WithSession
    public Uni<List<BusinessServiceView>> ownedBy(String teamId) {
        return services.ownedBy(teamId);
    }
}
