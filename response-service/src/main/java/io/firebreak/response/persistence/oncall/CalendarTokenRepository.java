package io.firebreak.response.persistence.oncall;

import io.firebreak.response.model.oncall.CalendarToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class CalendarTokenRepository implements PanacheRepositoryBase<CalendarToken, String> {

    public Uni<CalendarToken> byHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }
}
