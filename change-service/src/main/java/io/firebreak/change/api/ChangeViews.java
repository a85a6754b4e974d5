package io.firebreak.change.api;

import io.firebreak.change.domain.changes.Effectiveness;
import io.firebreak.change.domain.changes.EmergencyChanges;
import io.firebreak.change.domain.intake.Intake;
import io.firebreak.change.model.ActionCatalogVersion;
import io.firebreak.change.model.ActionType;
import io.firebreak.change.model.ChangeFlag;
import io.firebreak.change.model.Documentation;
import io.firebreak.change.model.EmergencyChange;
import io.firebreak.change.model.FreezeExceptionGrant;
import io.firebreak.change.model.FreezeWindow;
import io.firebreak.change.model.RollbackPlan;
import io.firebreak.change.model.TriageFinding;
import io.firebreak.change.model.VcsSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the change API answers: records, never entities. */
public final class ChangeViews {

    private ChangeViews() {
    }

    public record Approval(String by, String as, Instant at, String reason) {
    }

    public record Validation(String by, Instant at, String result, String evidence) {
    }

    public record Effect(Instant dueAt, String outcome, String notes, String reviewedBy, Instant reviewedAt) {
    }

    public record ChangeView(UUID id, String key, UUID incidentId, String incidentKey, String state, String targetService, String action,
                             int actionCatalogVersion, Map<String, String> parameters, String description, String expectedEffect, String risk,
                             RollbackPlan rollbackPlan, UUID findingId, String alignmentOverride, String overrideBy, String requestedBy,
                             Instant requestedAt, Approval approval, String rejectedBy, Instant rejectedAt, String cancelledBy, Instant cancelledAt,
                             String decisionReason, String implementer, Instant implementationStartedAt, Instant implementedAt,
                             Instant validationDueAt, Validation validation, Instant documentationDueAt, Documentation documentation,
                             String documentedBy, Instant documentedAt, String rolledBackBy, Instant rolledBackAt, Effect effectiveness) {

        static ChangeView of(EmergencyChange c, String incidentKey) {
            return new ChangeView(c.id, c.key(), c.incidentId, incidentKey, c.state, c.targetService, c.action, c.actionCatalogVersion,
                    c.parameters, c.description, c.expectedEffect, c.risk, c.rollbackPlan, c.findingId, c.alignmentOverride, c.overrideBy,
                    c.requestedBy, c.requestedAt, c.approvedBy == null ? null : new Approval(c.approvedBy, c.approvedAs, c.approvedAt, c.decisionReason),
                    c.rejectedBy, c.rejectedAt, c.cancelledBy, c.cancelledAt, c.decisionReason, c.implementer, c.implementationStartedAt,
                    c.implementedAt, c.validationDueAt,
                    c.validatedBy == null ? null : new Validation(c.validatedBy, c.validatedAt, c.validationResult, c.validationEvidence),
                    c.documentationDueAt, c.documentation, c.documentedBy, c.documentedAt, c.rolledBackBy, c.rolledBackAt,
                    c.effectivenessDueAt == null ? null : new Effect(c.effectivenessDueAt, c.effectivenessOutcome, c.effectivenessNotes,
                            c.reviewedBy, c.reviewedAt));
        }

        static ChangeView of(EmergencyChanges.Loaded l) {
            return of(l.change(), l.incident().incidentKey);
        }
    }

    public record ExceptionView(UUID id, UUID changeId, List<String> windows, String grantedBy, Instant grantedAt, Instant expiresAt,
                                String reason, Instant expiredAt) {
        static ExceptionView of(FreezeExceptionGrant e) {
            return new ExceptionView(e.id, e.changeId, e.windows, e.grantedBy, e.grantedAt, e.expiresAt, e.reason, e.expiredAt);
        }
    }

    public record WindowView(UUID id, String name, Instant startsAt, Instant endsAt, List<String> services, String reason, String createdBy,
                             Instant createdAt) {
        static WindowView of(FreezeWindow w) {
            return new WindowView(w.id, w.name, w.startsAt, w.endsAt, w.services, w.reason, w.createdBy, w.createdAt);
        }
    }

    public record CatalogView(int version, String changedBy, Instant changedAt, String note, List<ActionType> actions) {
        static CatalogView of(ActionCatalogVersion v) {
            return new CatalogView(v.version, v.changedBy, v.changedAt, v.note, v.actions);
        }
    }

    public record FindingView(UUID findingId, String statement, String component, String recordedBy, Instant recordedAt) {
        static FindingView of(TriageFinding f) {
            return new FindingView(f.findingId, f.statement, f.component, f.recordedBy, f.recordedAt);
        }
    }

    public record LinkView(UUID itemId, String kind, String source, String why, UUID changeId, String repository, String revision, String service,
                           String environment, String summary, String author, String url, Instant occurredAt, Instant linkedAt) {
        static LinkView of(Intake.Linked l) {
            return new LinkView(l.item().id, l.item().kind, l.item().source, l.link().why, l.link().changeId, l.item().repository,
                    l.item().revision, l.item().service, l.item().environment, l.item().summary, l.item().author, l.item().url,
                    l.item().occurredAt, l.link().linkedAt);
        }
    }

    public record FlagView(UUID id, String flag, UUID incidentId, UUID changeId, UUID itemId, String service, String detail, Instant raisedAt) {
        static FlagView of(ChangeFlag f) {
            return new FlagView(f.id, f.flag, f.incidentId, f.changeId, f.itemId, f.service, f.detail, f.raisedAt);
        }
    }

    public record RegressionView(UUID incidentId, String incidentKey, String service, Instant startedAt) {
    }

    public record AlertView(String service, String dedupKey, Instant firstAt, Instant lastTriggeredAt, boolean firing, String summary) {
        static AlertView of(Effectiveness.Alert a) {
            return new AlertView(a.service(), a.dedupKey(), a.firstAt(), a.lastTriggeredAt(), a.firing(), a.summary());
        }
    }

    public record EffectivenessView(UUID changeId, String changeKey, String incidentKey, Instant implementedAt, Instant dueAt,
                                    boolean impactStopped, Instant impactStoppedAt, List<RegressionView> suspectedRegressions,
                                    List<AlertView> suspectedAlerts, boolean signalsQuiet, List<AlertView> incidentAlerts, String outcome,
                                    String notes, String reviewedBy, Instant reviewedAt) {
        static EffectivenessView of(Effectiveness.Picture p) {
            EmergencyChange c = p.change();
            return new EffectivenessView(c.id, c.key(), p.incident().incidentKey, c.implementedAt, c.effectivenessDueAt, p.impactStopped(),
                    p.impactStoppedAt(), p.regressions().stream().map(r -> new RegressionView(r.incidentId(), r.incidentKey(), r.service(),
                    r.startedAt())).toList(), p.alerts().stream().map(AlertView::of).toList(), p.incidentAlerts().isEmpty(),
                    p.incidentAlerts().stream().map(AlertView::of).toList(), c.effectivenessOutcome, c.effectivenessNotes, c.reviewedBy, c.reviewedAt);
        }
    }

    /** A source without its secret (shown once, at registration). */
    public record SourceView(UUID id, String kind, String repository, String service, String webhookPath, String createdBy, Instant createdAt) {
        static SourceView of(VcsSource s) {
            return new SourceView(s.id, s.kind, s.repository, s.service, "/api/v1/change/intake/" + s.kind.toLowerCase(java.util.Locale.ROOT)
                    + "/" + s.id, s.createdBy, s.createdAt);
        }
    }
}
