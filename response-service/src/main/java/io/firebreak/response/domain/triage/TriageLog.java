package io.firebreak.response.domain.triage;

import io.firebreak.events.EventTypes;
import io.firebreak.events.FindingRecorded;
import io.firebreak.events.HypothesisChanged;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.persistence.JsonColumn;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.triage.CheckKind;
import io.firebreak.response.model.triage.HypothesisStatus;
import io.firebreak.response.model.triage.TriageEntry;
import io.firebreak.response.model.triage.TriageKind;
import io.firebreak.response.model.triage.TriageRevision;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.oncall.BusinessServiceRepository;
import io.firebreak.response.persistence.triage.TriageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An incident's triage log: hypotheses with their status, diagnostics with their results, and findings
 * in catalog components. Every entry is attributed and timestamped; every change keeps a revision of
 * the whole entry; hypothesis changes and findings are published. A closed incident's log is final.
 */
@ApplicationScoped
public class TriageLog {

    static final int MAX_TEXT = 4_000;
    static final int MAX_LINKS = 20;

    private final TriageRepository entries;
    private final ResponseRecordRepository records;
    private final BusinessServiceRepository services;
    private final Outbox outbox;
    private final Clock clock;

    public TriageLog(TriageRepository entries, ResponseRecordRepository records, BusinessServiceRepository services, Outbox outbox,
                     Clock clock) {
        this.entries = entries;
        this.records = records;
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record HypothesisDraft(String statement, List<String> evidence) {
    }

    /** A change to a hypothesis: any field left null stays; a status change needs a reason when it confirms or refutes. */
    public record HypothesisChange(String statement, HypothesisStatus status, List<String> evidence, String reason, Integer expectedVersion) {
    }

    public record DiagnosticDraft(String check, CheckKind kind, String result, List<String> evidence) {
    }

    public record FindingDraft(String statement, String component, UUID hypothesisId, List<String> evidence) {
    }

    @WithSession
    public Uni<List<TriageEntry>> of(UUID incidentId) {
        return records.findById(incidentId).chain(r -> r == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : entries.of(incidentId));
    }

    @WithSession
    public Uni<List<TriageRevision>> history(UUID incidentId, UUID entryId) {
        return find(incidentId, entryId).chain(e -> entries.revisions(e.id));
    }

    @WithTransaction
    public Uni<TriageEntry> propose(Actor actor, UUID incidentId, HypothesisDraft draft) {
        List<Violation> v = new ArrayList<>();
        FreeText.check(v, "statement", draft.statement(), true, MAX_TEXT);
        links(v, draft.evidence());
        return open(incidentId, v).chain(record -> {
            TriageEntry e = entry(record, TriageKind.HYPOTHESIS, draft.statement(), draft.evidence(), actor);
            e.status = HypothesisStatus.OPEN;
            return entries.persist(e).chain(saved -> revise(saved, 1, actor, null))
                    .call(saved -> outbox.record(EventTypes.TRIAGE_HYPOTHESIS_CHANGED, incidentId.toString(), hypothesisEvent(record, saved,
                            null, null, 1)));
        });
    }

    @WithTransaction
    public Uni<TriageEntry> changeHypothesis(Actor actor, UUID incidentId, UUID entryId, HypothesisChange change) {
        List<Violation> v = new ArrayList<>();
        if (change.statement() != null) {
            FreeText.check(v, "statement", change.statement(), true, MAX_TEXT);
        }
        links(v, change.evidence());
        if (change.status() != null && change.status() != HypothesisStatus.OPEN && (change.reason() == null || change.reason().isBlank())) {
            v.add(new Violation("reason", "is required to confirm or refute: what showed it"));
        }
        FreeText.check(v, "reason", change.reason(), false, MAX_TEXT);
        return open(incidentId, v).chain(record -> find(incidentId, entryId).chain(e -> {
            if (e.kind != TriageKind.HYPOTHESIS) {
                return Uni.createFrom().failure(ProblemException.notFound("Hypothesis", entryId));
            }
            if (change.expectedVersion() != null && change.expectedVersion() != e.version) {
                return Uni.createFrom().failure(ProblemException.conflict("Hypothesis " + entryId + " is at version " + e.version
                        + ", not " + change.expectedVersion() + "; read it again"));
            }
            HypothesisStatus before = e.status;
            if (change.statement() != null) {
                e.statement = change.statement().strip();
            }
            if (change.status() != null) {
                e.status = change.status();
            }
            if (change.evidence() != null) {
                e.evidence = List.copyOf(change.evidence());
            }
            e.updatedBy = actor.user();
            e.updatedAt = now();
            return entries.revisions(e.id).chain(revs -> revise(e, revs.size() + 1, actor, change.reason())
                    .call(saved -> outbox.record(EventTypes.TRIAGE_HYPOTHESIS_CHANGED, incidentId.toString(), hypothesisEvent(record, saved,
                            before, FreeText.orNull(change.reason()), revs.size() + 1))));
        }));
    }

    @WithTransaction
    public Uni<TriageEntry> diagnostic(Actor actor, UUID incidentId, DiagnosticDraft draft) {
        List<Violation> v = new ArrayList<>();
        FreeText.check(v, "check", draft.check(), true, MAX_TEXT);
        if (draft.kind() == null) {
            v.add(new Violation("kind", "is required: QUERY, DASHBOARD, COMMAND or OTHER"));
        }
        FreeText.check(v, "result", draft.result(), true, MAX_TEXT);
        links(v, draft.evidence());
        return open(incidentId, v).chain(record -> {
            TriageEntry e = entry(record, TriageKind.DIAGNOSTIC, draft.check(), draft.evidence(), actor);
            e.checkKind = draft.kind();
            e.result = draft.result().strip();
            return entries.persist(e).chain(saved -> revise(saved, 1, actor, null));
        });
    }

    /** A finding names a component of the catalog and may cite the hypothesis it confirms (which must then be confirmed). */
    @WithTransaction
    public Uni<TriageEntry> finding(Actor actor, UUID incidentId, FindingDraft draft) {
        List<Violation> v = new ArrayList<>();
        FreeText.check(v, "statement", draft.statement(), true, MAX_TEXT);
        FreeText.check(v, "component", draft.component(), true, MAX_TEXT);
        links(v, draft.evidence());
        return open(incidentId, v).chain(record -> services.findById(draft.component().strip()).chain(service -> {
            if (service == null) {
                return Uni.createFrom().failure(unprocessable("unknown-component", "component", draft.component().strip()
                        + " is not a business service of the catalog"));
            }
            Uni<Void> cited = draft.hypothesisId() == null ? Uni.createFrom().voidItem()
                    : find(incidentId, draft.hypothesisId()).chain(h -> h.kind == TriageKind.HYPOTHESIS && h.status == HypothesisStatus.CONFIRMED
                            ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(unprocessable("hypothesis-not-confirmed", "hypothesisId",
                                    "a finding cites a confirmed hypothesis of this incident")));
            return cited.chain(() -> {
                TriageEntry e = entry(record, TriageKind.FINDING, draft.statement(), draft.evidence(), actor);
                e.component = service.name;
                e.hypothesisId = draft.hypothesisId();
                return entries.persist(e).chain(saved -> revise(saved, 1, actor, null))
                        .call(saved -> outbox.record(EventTypes.TRIAGE_FINDING_RECORDED, incidentId.toString(), new FindingRecorded(incidentId,
                                record.incidentKey, saved.id, saved.statement, saved.component, saved.hypothesisId, saved.evidence,
                                saved.recordedBy, saved.recordedAt, record.priority, record.drill)));
            });
        }));
    }

    /** The incident, locked, when the input is valid and the incident is not closed. */
    private Uni<ResponseRecord> open(UUID incidentId, List<Violation> violations) {
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return records.locked(incidentId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            if (r.status == ResponseStatus.CLOSED) {
                return Uni.createFrom().failure(ProblemException.conflict(r.incidentKey + " is closed; its triage log is final (reopen it first)"));
            }
            return Uni.createFrom().item(r);
        });
    }

    private TriageEntry entry(ResponseRecord record, TriageKind kind, String statement, List<String> evidence, Actor actor) {
        Instant now = now();
        TriageEntry e = new TriageEntry();
        e.id = UUID.randomUUID();
        e.incidentId = record.incidentId;
        e.kind = kind;
        e.statement = statement.strip();
        e.evidence = evidence == null ? List.of() : List.copyOf(evidence);
        e.recordedBy = actor.user();
        e.recordedAt = now;
        e.updatedBy = actor.user();
        e.updatedAt = now;
        return e;
    }

    private Uni<TriageEntry> revise(TriageEntry e, int revision, Actor actor, String reason) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", e.kind.name());
        snapshot.put("statement", e.statement);
        snapshot.put("status", e.status == null ? null : e.status.name());
        snapshot.put("checkKind", e.checkKind == null ? null : e.checkKind.name());
        snapshot.put("result", e.result);
        snapshot.put("component", e.component);
        snapshot.put("hypothesisId", e.hypothesisId == null ? null : e.hypothesisId.toString());
        snapshot.put("evidence", e.evidence);
        TriageRevision r = new TriageRevision();
        r.entryId = e.id;
        r.revision = revision;
        r.snapshot = JsonColumn.write(snapshot);
        r.changedBy = actor.user();
        r.changedAt = e.updatedAt;
        r.reason = FreeText.orNull(reason);
        return entries.persistRevision(r).replaceWith(e);
    }

    private static HypothesisChanged hypothesisEvent(ResponseRecord record, TriageEntry e, HypothesisStatus before, String reason, int revision) {
        return new HypothesisChanged(record.incidentId, record.incidentKey, e.id, e.statement, e.status.name(),
                before == null ? null : before.name(), e.evidence, e.updatedBy, e.updatedAt, reason, revision, record.drill);
    }

    private Uni<TriageEntry> find(UUID incidentId, UUID entryId) {
        return entries.findById(entryId).chain(e -> e == null || !e.incidentId.equals(incidentId)
                ? Uni.createFrom().failure(ProblemException.notFound("Triage entry", entryId)) : Uni.createFrom().item(e));
    }

    /** Evidence is a list of absolute http(s) links. */
    static void links(List<Violation> v, List<String> links) {
        if (links == null) {
            return;
        }
        if (links.size() > MAX_LINKS) {
            v.add(new Violation("evidence", "at most " + MAX_LINKS + " links"));
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i);
            boolean ok = false;
            if (link != null && link.length() <= 2_000) {
                try {
                    URI uri = new URI(link);
                    ok = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
                } catch (java.net.URISyntaxException e) {
                    ok = false;
                }
            }
            if (!ok) {
                v.add(new Violation("evidence[" + i + "]", "must be an http(s) link"));
            }
        }
    }

    private static ProblemException unprocessable(String type, String field, String detail) {
        return new ProblemException(Problem.of(422, type, "Not possible for this incident", detail)
                .withViolations(List.of(new Violation(field, detail))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
