package io.firebreak.response.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.Priority;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.response.domain.lifecycle.LifecycleRules.Change;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.PostmortemDecision;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static ResponseRecord record(Priority priority, ResponseStatus status) {
        ResponseRecord r = new ResponseRecord();
        r.incidentId = UUID.randomUUID();
        r.incidentKey = "INC-2026-0001";
        r.priority = priority;
        r.status = status;
        r.detectedAt = T0.minusSeconds(300);
        r.declaredAt = T0;
        r.statusChangedAt = T0;
        return r;
    }

    private static Change resolution(String summary) {
        return new Change(null, null, summary, null, null);
    }

    private static Change closing(PostmortemDecision decision, String reason) {
        return new Change(null, null, null, decision, reason);
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @ParameterizedTest(name = "{1} from {0} → {2}")
    @CsvSource({
            "DECLARED, ACKNOWLEDGE, 200", "DECLARED, MITIGATE, 409", "DECLARED, RESOLVE, 409", "DECLARED, CLOSE, 409", "DECLARED, REOPEN, 409",
            "ACKNOWLEDGED, ACKNOWLEDGE, 409", "ACKNOWLEDGED, MITIGATE, 200", "ACKNOWLEDGED, RESOLVE, 200", "ACKNOWLEDGED, CLOSE, 409",
            "ACKNOWLEDGED, REOPEN, 409",
            "MITIGATED, MITIGATE, 409", "MITIGATED, RESOLVE, 200", "MITIGATED, CLOSE, 409", "MITIGATED, REOPEN, 200",
            "RESOLVED, MITIGATE, 409", "RESOLVED, RESOLVE, 409", "RESOLVED, CLOSE, 200", "RESOLVED, REOPEN, 200",
            "CLOSED, ACKNOWLEDGE, 409", "CLOSED, RESOLVE, 409", "CLOSED, CLOSE, 409", "CLOSED, REOPEN, 200"})
    void onlyTheLifecycleTransitionsAreAllowed(ResponseStatus from, LifecycleAction action, int expected) {
        ResponseRecord r = record(Priority.P3, from);
        Change change = new Change("because", null, "a fix", PostmortemDecision.REQUIRED, null);
        assertThat(status(() -> LifecycleRules.apply(r, action, change, "ines", T0.plusSeconds(60)))).isEqualTo(expected);
        assertThat(r.status).isEqualTo(expected == 200 ? LifecycleRules.target(action) : from);
    }

    @Test
    void theFirstAcknowledgementIsKeptThroughAReopening() {
        ResponseRecord r = record(Priority.P1, ResponseStatus.DECLARED);
        LifecycleRules.apply(r, LifecycleAction.ACKNOWLEDGE, Change.none(), "ivan", T0.plusSeconds(90));
        LifecycleRules.apply(r, LifecycleAction.RESOLVE, resolution("rolled back release 42"), "ivan", T0.plusSeconds(900));
        LifecycleRules.apply(r, LifecycleAction.REOPEN, new Change("errors are back", null, null, null, null), "olga", T0.plusSeconds(1200));

        assertThat(r.status).isEqualTo(ResponseStatus.ACKNOWLEDGED);
        assertThat(r.acknowledgedAt).isEqualTo(T0.plusSeconds(90));
        assertThat(r.acknowledgedBy).isEqualTo("ivan");
        assertThat(r.mitigatedAt).isNull();
        assertThat(r.resolvedAt).isNull();
        assertThat(r.resolutionSummary).isNull();
        assertThat(r.reopenCount).isEqualTo(1);
        assertThat(r.statusChangedAt).isEqualTo(T0.plusSeconds(1200));
    }

    @Test
    void resolvingAnUnmitigatedResponseMitigatesItAtTheSameMoment() {
        ResponseRecord r = record(Priority.P2, ResponseStatus.ACKNOWLEDGED);
        LifecycleRules.apply(r, LifecycleAction.RESOLVE, resolution("  restarted the pool  "), "ivan", T0.plusSeconds(600));
        assertThat(r.mitigatedAt).isEqualTo(T0.plusSeconds(600)).isEqualTo(r.resolvedAt);
        assertThat(r.resolutionSummary).isEqualTo("restarted the pool");
    }

    @Test
    void anEarlierMitigationIsKeptOnResolution() {
        ResponseRecord r = record(Priority.P2, ResponseStatus.ACKNOWLEDGED);
        LifecycleRules.apply(r, LifecycleAction.MITIGATE, Change.none(), "ivan", T0.plusSeconds(300));
        LifecycleRules.apply(r, LifecycleAction.RESOLVE, resolution("fixed"), "ivan", T0.plusSeconds(600));
        assertThat(r.mitigatedAt).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void resolvingNeedsASummaryAndAFailedCheckChangesNothing() {
        ResponseRecord r = record(Priority.P2, ResponseStatus.MITIGATED);
        assertThatThrownBy(() -> LifecycleRules.apply(r, LifecycleAction.RESOLVE, resolution("   "), "ivan", T0))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("resolutionSummary");
                });
        assertThat(r.status).isEqualTo(ResponseStatus.MITIGATED);
        assertThat(r.resolvedAt).isNull();
    }

    @ParameterizedTest(name = "{0} drill={1}: NOT_REQUIRED → {2}")
    @CsvSource({"P1, false, 400", "P2, false, 400", "P3, false, 200", "P4, false, 200", "P1, true, 200"})
    void p1AndP2AlwaysGetAPostmortemExceptInDrills(Priority priority, boolean drill, int expected) {
        ResponseRecord r = record(priority, ResponseStatus.RESOLVED);
        r.drill = drill;
        assertThat(status(() -> LifecycleRules.apply(r, LifecycleAction.CLOSE, closing(PostmortemDecision.NOT_REQUIRED, "small blip"),
                "olga", T0))).isEqualTo(expected);
    }

    @Test
    void closingNeedsADecisionAndSkippingThePostmortemNeedsAReason() {
        ResponseRecord r = record(Priority.P3, ResponseStatus.RESOLVED);
        assertThatThrownBy(() -> LifecycleRules.apply(r, LifecycleAction.CLOSE, closing(null, null), "olga", T0))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().violations()).extracting(v -> v.field())
                        .containsExactly("postmortem.decision"));
        assertThatThrownBy(() -> LifecycleRules.apply(r, LifecycleAction.CLOSE, closing(PostmortemDecision.NOT_REQUIRED, " "), "olga", T0))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().violations()).extracting(v -> v.field())
                        .containsExactly("postmortem.reason"));
        LifecycleRules.apply(r, LifecycleAction.CLOSE, closing(PostmortemDecision.NOT_REQUIRED, "known flaky probe"), "olga", T0);
        assertThat(r.postmortemDecision).isEqualTo(PostmortemDecision.NOT_REQUIRED);
        assertThat(r.postmortemReason).isEqualTo("known flaky probe");
        assertThat(r.closedAt).isEqualTo(T0);
    }

    @Test
    void reopeningNeedsAReason() {
        ResponseRecord r = record(Priority.P2, ResponseStatus.CLOSED);
        assertThat(status(() -> LifecycleRules.apply(r, LifecycleAction.REOPEN, Change.none(), "olga", T0))).isEqualTo(400);
        assertThat(r.status).isEqualTo(ResponseStatus.CLOSED);
    }
}
