package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {

    private static final Instant AT = Instant.parse("2026-05-06T10:00:00Z");

    private static IncidentLedger resolved(String priority, boolean drill) {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", priority, AT.minusSeconds(60), AT, drill);
        l.paged("p1", "gina", "team-a", AT, AT.plusSeconds(5), drill);
        l.paged("p2", "hal", "team-a", AT, AT.plusSeconds(5), drill);
        l.paged("p3", "gina", "team-a", AT, AT.plusSeconds(305), drill); // paged again: asked once
        l.lifecycle("r", "RESOLVED", "INC-1", "checkout", priority, drill, AT.minusSeconds(60), AT, AT.plusSeconds(60), null,
                AT.plusSeconds(3_000), null, 0, "ivan", AT.plusSeconds(3_000));
        return l;
    }

    @Test
    void everyoneWhoWasPagedAndTheResolverOfAResolvedP1OrP2IsAskedOnce() {
        IncidentLedger l = resolved("P2", false);
        assertThat(GovernanceRules.surveyed(l)).isTrue();
        assertThat(GovernanceRules.participants(l)).containsExactly("gina", "hal", "ivan");
    }

    @Test
    void drillsLowerPrioritiesAndUnresolvedIncidentsAskNobody() {
        assertThat(GovernanceRules.surveyed(resolved("P1", true))).isFalse();
        assertThat(GovernanceRules.surveyed(resolved("P3", false))).isFalse();
        IncidentLedger open = new IncidentLedger(UUID.randomUUID());
        open.declared("d", "INC-2", "checkout", "P1", AT, AT, false);
        assertThat(GovernanceRules.surveyed(open)).isFalse();
    }

    @Test
    void feedbackCountsAnswersAndKeepsOnlyTheirWords() {
        GovernanceRules.Feedback f = GovernanceRules.feedback(List.of(new GovernanceRules.Answer("P1", 4, "fast paging", null),
                new GovernanceRules.Answer("P1", 2, null, "stale runbook"), new GovernanceRules.Answer("P2", null, null, null),
                new GovernanceRules.Answer("P2", 5, " ", null)));
        assertThat(f.invited()).isEqualTo(4);
        assertThat(f.answered()).isEqualTo(3);
        assertThat(f.responseRate()).isEqualTo(75.0);
        assertThat(f.averageRating()).isEqualTo(3.67);
        assertThat(f.ratings()).containsEntry(2, 1).containsEntry(4, 1).containsEntry(5, 1).containsEntry(1, 0);
        assertThat(f.comments()).extracting(GovernanceRules.Comment::rating).containsExactly(4, 2);
    }
}
