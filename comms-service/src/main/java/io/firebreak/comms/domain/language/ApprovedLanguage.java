package io.firebreak.comms.domain.language;

import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.LanguageApproval;
import io.firebreak.comms.model.LanguageState;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.SnippetVersion;
import io.firebreak.comms.model.TemplateVersion;
import io.firebreak.comms.persistence.LanguageRepository;
import io.firebreak.events.EventTypes;
import io.firebreak.events.LanguageApproved;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Audience templates and approved-language snippets: proposed as new versions, approved per
 * {@link ApprovalRules} (a version becomes usable only then; the newest approved one is used), or rejected.
 * Approvals are recorded with the approver's role and published as {@code language.approved} once complete.
 */
@ApplicationScoped
public class ApprovedLanguage {

    private final LanguageRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public ApprovedLanguage(LanguageRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A version with its approvals and what it still needs. */
    public record Versioned<T>(T version, List<LanguageApproval> approvals, String missing) {
    }

    /** Customer templates and every snippet speak to customers: two approvers. */
    public static boolean customerFacing(TemplateVersion t) {
        return t.audience == Audience.CUSTOMER;
    }

    @WithTransaction
    public Uni<Versioned<TemplateVersion>> proposeTemplate(Actor actor, Audience audience, Scenario scenario, String subject, String body) {
        List<Violation> violations = new ArrayList<>();
        TemplateRules.Check s = TemplateRules.check("subject", subject);
        TemplateRules.Check b = TemplateRules.check("body", body);
        violations.addAll(s.violations());
        violations.addAll(b.violations());
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        Set<String> snippets = new TreeSet<>(s.snippets());
        snippets.addAll(b.snippets());
        return repository.knownSnippetNames(snippets).chain(known -> {
            List<Violation> unknown = snippets.stream().filter(n -> !known.contains(n))
                    .map(n -> new Violation("body", "uses {snippet." + n.replace('-', '_') + "}, but no snippet named " + n + " exists")).toList();
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(unknown));
            }
            return repository.nextTemplateVersion(audience, scenario).chain(next -> {
                TemplateVersion t = new TemplateVersion();
                t.id = UUID.randomUUID();
                t.audience = audience;
                t.scenario = scenario;
                t.version = next;
                t.subject = subject.strip();
                t.body = body.strip();
                t.state = LanguageState.PENDING;
                t.authoredBy = actor.user();
                t.authoredAt = now();
                return repository.persist(t);
            });
        }).map(t -> new Versioned<>(t, List.of(), ApprovalRules.missing(customerFacing(t), List.of())));
    }

    @WithTransaction
    public Uni<Versioned<SnippetVersion>> proposeSnippet(Actor actor, String name, String text) {
        return repository.nextSnippetVersion(name).chain(next -> {
            SnippetVersion v = new SnippetVersion();
            v.id = UUID.randomUUID();
            v.name = name;
            v.version = next;
            v.text = text.strip();
            v.state = LanguageState.PENDING;
            v.authoredBy = actor.user();
            v.authoredAt = now();
            return repository.persist(v);
        }).map(v -> new Versioned<>(v, List.of(), ApprovalRules.missing(true, List.of())));
    }

    @WithTransaction
    public Uni<Versioned<TemplateVersion>> approveTemplate(Actor actor, UUID id) {
        return repository.template(id, true).chain(t -> {
            if (t == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Template version", id));
            }
            return approve(actor, t.id, t.state, t.authoredBy, customerFacing(t)).chain(result -> {
                if (!result.complete()) {
                    return Uni.createFrom().item(new Versioned<>(t, result.approvals(), result.missing()));
                }
                t.state = LanguageState.APPROVED;
                t.decidedAt = now();
                return published("TEMPLATE", "template/" + t.audience + "/" + t.scenario, t.audience + "/" + t.scenario, t.version,
                        t.authoredBy, result.approvals(), t.decidedAt).replaceWith(new Versioned<>(t, result.approvals(), null));
            });
        });
    }

    @WithTransaction
    public Uni<Versioned<SnippetVersion>> approveSnippet(Actor actor, UUID id) {
        return repository.snippet(id, true).chain(v -> {
            if (v == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Snippet version", id));
            }
            return approve(actor, v.id, v.state, v.authoredBy, true).chain(result -> {
                if (!result.complete()) {
                    return Uni.createFrom().item(new Versioned<>(v, result.approvals(), result.missing()));
                }
                v.state = LanguageState.APPROVED;
                v.decidedAt = now();
                return published("SNIPPET", "snippet/" + v.name, v.name, v.version, v.authoredBy, result.approvals(), v.decidedAt)
                        .replaceWith(new Versioned<>(v, result.approvals(), null));
            });
        });
    }

    @WithTransaction
    public Uni<Versioned<TemplateVersion>> rejectTemplate(Actor actor, UUID id, String reason) {
        return repository.template(id, true).chain(t -> {
            if (t == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Template version", id));
            }
            return reject(actor, t.state, t.authoredBy, "template v" + t.version).invoke(() -> {
                t.state = LanguageState.REJECTED;
                t.decidedAt = now();
                t.rejectionReason = reason.strip();
            }).chain(() -> repository.approvals(List.of(t.id))).map(a -> new Versioned<>(t, a, null));
        });
    }

    @WithTransaction
    public Uni<Versioned<SnippetVersion>> rejectSnippet(Actor actor, UUID id, String reason) {
        return repository.snippet(id, true).chain(v -> {
            if (v == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Snippet version", id));
            }
            return reject(actor, v.state, v.authoredBy, "snippet " + v.name + " v" + v.version).invoke(() -> {
                v.state = LanguageState.REJECTED;
                v.decidedAt = now();
                v.rejectionReason = reason.strip();
            }).chain(() -> repository.approvals(List.of(v.id))).map(a -> new Versioned<>(v, a, null));
        });
    }

    @WithSession
    public Uni<List<Versioned<TemplateVersion>>> templates(Audience audience, Scenario scenario) {
        return repository.templates(audience, scenario).chain(list -> withApprovals(list.stream().map(t -> t.id).toList())
                .map(approvals -> list.stream().map(t -> versioned(t, approvals.stream().filter(a -> a.versionId.equals(t.id)).toList(),
                        customerFacing(t), t.state)).toList()));
    }

    @WithSession
    public Uni<List<Versioned<SnippetVersion>>> snippets() {
        return repository.snippets().chain(list -> withApprovals(list.stream().map(v -> v.id).toList())
                .map(approvals -> list.stream().map(v -> versioned(v, approvals.stream().filter(a -> a.versionId.equals(v.id)).toList(),
                        true, v.state)).toList()));
    }

    private Uni<List<LanguageApproval>> withApprovals(List<UUID> ids) {
        return repository.approvals(ids);
    }

    private static <T> Versioned<T> versioned(T v, List<LanguageApproval> approvals, boolean customerFacing, LanguageState state) {
        return new Versioned<>(v, approvals, state == LanguageState.PENDING ? ApprovalRules.missing(customerFacing, given(approvals)) : null);
    }

    private record Approval(boolean complete, List<LanguageApproval> approvals, String missing) {
    }

    private Uni<Approval> approve(Actor actor, UUID versionId, LanguageState state, String author, boolean customerFacing) {
        if (state != LanguageState.PENDING) {
            return Uni.createFrom().failure(ProblemException.conflict("This version is " + state.name().toLowerCase()
                    + "; only a pending version is approved (propose a new version to change approved language)"));
        }
        return repository.approvals(List.of(versionId)).chain(existing -> {
            String refusal = ApprovalRules.refusal(author, given(existing), actor.user());
            if (refusal != null) {
                return Uni.createFrom().failure(author.equals(actor.user()) ? ProblemException.forbidden(refusal) : ProblemException.conflict(refusal));
            }
            LanguageApproval a = new LanguageApproval();
            a.id = UUID.randomUUID();
            a.versionId = versionId;
            a.approver = actor.user();
            a.approverRole = actor.has(Roles.COMMS_LEAD) ? Roles.COMMS_LEAD : Roles.EXECUTIVE;
            a.approvedAt = now();
            List<LanguageApproval> all = new ArrayList<>(existing);
            all.add(a);
            return repository.persist(a).map(ignored -> new Approval(ApprovalRules.complete(customerFacing, given(all)), all,
                    ApprovalRules.missing(customerFacing, given(all))));
        });
    }

    private Uni<Void> reject(Actor actor, LanguageState state, String author, String what) {
        if (state != LanguageState.PENDING) {
            return Uni.createFrom().failure(ProblemException.conflict("This " + what + " is " + state.name().toLowerCase()
                    + "; only a pending version is rejected"));
        }
        if (author.equals(actor.user())) {
            return Uni.createFrom().failure(ProblemException.forbidden("The author of a version cannot decide on it; withdraw it by proposing a new one"));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> published(String kind, String subject, String name, int version, String author, List<LanguageApproval> approvals,
                                Instant at) {
        return outbox.record(EventTypes.LANGUAGE_APPROVED, subject, new LanguageApproved(kind, name, version, author,
                approvals.stream().map(a -> a.approver).toList(), at)).replaceWithVoid();
    }

    private static List<ApprovalRules.Given> given(List<LanguageApproval> approvals) {
        return approvals.stream().map(a -> new ApprovalRules.Given(a.approver, a.approverRole)).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
