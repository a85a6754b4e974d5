package io.firebreak.comms.persistence;

import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.LanguageApproval;
import io.firebreak.comms.model.LanguageState;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.SnippetVersion;
import io.firebreak.comms.model.TemplateVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Template and snippet versions and their approvals. */
@ApplicationScoped
@WithSession
public class LanguageRepository {

    public Uni<TemplateVersion> template(UUID id, boolean lock) {
        return Panache.getSession().chain(s -> lock ? s.find(TemplateVersion.class, id, LockMode.PESSIMISTIC_WRITE) : s.find(TemplateVersion.class, id));
    }

    public Uni<SnippetVersion> snippet(UUID id, boolean lock) {
        return Panache.getSession().chain(s -> lock ? s.find(SnippetVersion.class, id, LockMode.PESSIMISTIC_WRITE) : s.find(SnippetVersion.class, id));
    }

    /** Every version of templates, newest first within each audience and scenario (filters optional). */
    public Uni<List<TemplateVersion>> templates(Audience audience, Scenario scenario) {
        // Only the filters given: an untyped null parameter is not something PostgreSQL can type.
        String where = (audience == null ? "" : " and audience = :audience") + (scenario == null ? "" : " and scenario = :scenario");
        return Panache.getSession().chain(s -> {
            var query = s.createQuery("from TemplateVersion where true" + where + " order by audience, scenario, version desc", TemplateVersion.class);
            if (audience != null) {
                query.setParameter("audience", audience);
            }
            if (scenario != null) {
                query.setParameter("scenario", scenario);
            }
            return query.getResultList();
        });
    }

    public Uni<List<SnippetVersion>> snippets() {
        return Panache.getSession().chain(s -> s.createQuery("from SnippetVersion order by name, version desc", SnippetVersion.class)
                .getResultList());
    }

    /** The newest approved template for the audience and scenario, or null (a pending one is never used). */
    public Uni<TemplateVersion> activeTemplate(Audience audience, Scenario scenario) {
        return Panache.getSession().chain(s -> s.createQuery("from TemplateVersion where audience = ?1 and scenario = ?2 and state = ?3"
                        + " order by version desc", TemplateVersion.class).setParameter(1, audience).setParameter(2, scenario)
                .setParameter(3, LanguageState.APPROVED).setMaxResults(1).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** The newest approved version of each named snippet. */
    public Uni<List<SnippetVersion>> approvedSnippets(Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from SnippetVersion v where v.name in (:names) and v.state = :approved"
                        + " and v.version = (select max(w.version) from SnippetVersion w where w.name = v.name and w.state = :approved)",
                        SnippetVersion.class).setParameter("names", names).setParameter("approved", LanguageState.APPROVED).getResultList());
    }

    /** Names among {@code names} that have any version at all. */
    public Uni<List<String>> knownSnippetNames(Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("select distinct name from SnippetVersion where name in (:names)", String.class)
                .setParameter("names", names).getResultList());
    }

    public Uni<Integer> nextTemplateVersion(Audience audience, Scenario scenario) {
        return Panache.getSession().chain(s -> s.createQuery("select coalesce(max(version), 0) + 1 from TemplateVersion where audience = ?1"
                + " and scenario = ?2", Integer.class).setParameter(1, audience).setParameter(2, scenario).getSingleResult());
    }

    public Uni<Integer> nextSnippetVersion(String name) {
        return Panache.getSession().chain(s -> s.createQuery("select coalesce(max(version), 0) + 1 from SnippetVersion where name = ?1",
                Integer.class).setParameter(1, name).getSingleResult());
    }

    public Uni<List<LanguageApproval>> approvals(Collection<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from LanguageApproval where versionId in (:ids) order by approvedAt, id",
                LanguageApproval.class).setParameter("ids", versionIds).getResultList());
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
