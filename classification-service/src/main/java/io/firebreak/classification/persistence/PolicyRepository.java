package io.firebreak.classification.persistence;

import io.firebreak.classification.model.policy.ClassificationPolicy;
import io.firebreak.classification.model.policy.PolicyStatus;
import io.firebreak.platform.sql.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
@WithSession
public class PolicyRepository implements PanacheRepositoryBase<ClassificationPolicy, Integer> {

    public Uni<ClassificationPolicy> active() {
        return find("status", PolicyStatus.ACTIVE).firstResult();
    }

    /**
     * The next version number, under a transaction-scoped lock held until the caller's transaction
     * ends: two drafts at once get consecutive numbers instead of one failing on the key.
     */
    public Uni<Integer> nextVersionLocked() {
        return Panache.getSession().chain(session -> SessionSql.on(session,
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended('classification.policy-version', 0))) locked").value())
                .chain(locked -> find("select max(p.version) from ClassificationPolicy p").project(Integer.class)
                        .<Integer>firstResult())
                .map(max -> max == null ? 1 : max + 1);
    }

    /** The version, its row locked until the caller's transaction ends (serialises its sign-offs). */
    public Uni<ClassificationPolicy> lockedForUpdate(int version) {
        return findById(version, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<ClassificationPolicy>> pending() {
        return list("status", PolicyStatus.PENDING_SIGNOFF);
    }

    public Uni<List<ClassificationPolicy>> versions(List<Integer> versions) {
        return versions.isEmpty() ? Uni.createFrom().item(List.of()) : list("version in ?1", versions);
    }

    /** Up to {@code count} versions below {@code before} (none: from the newest), newest first. */
    public Uni<List<ClassificationPolicy>> before(Integer before, int count) {
        return find("version < ?1 order by version desc", before == null ? Integer.MAX_VALUE : before).page(0, count).list();
    }
}
