package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.review.domain.ActionItemRules.Type;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActionItemRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anItemWithoutOwnerOrDeadlineIsRefused() {
        assertThat(ActionItemRules.creationProblems("Add a canary stage", null, null, "HIGH", "FIX", NOW))
                .extracting(ActionItemRules.Problem::field).containsExactly("owner", "deadline");
        assertThat(ActionItemRules.creationProblems("Add a canary stage", "ines", NOW.minusSeconds(1), "URGENT", "PARTY", NOW))
                .extracting(ActionItemRules.Problem::field).containsExactly("deadline", "priority", "type");
        assertThat(ActionItemRules.creationProblems("Add a canary stage", "ines", NOW.plusSeconds(3600), "HIGH", "FIX", NOW)).isEmpty();
    }

    @Test
    void runbookTrainingAndMonitoringItemsCloseOnlyWithALinkToTheChangedArtefact() {
        assertThat(ActionItemRules.closingRefusal(Type.MONITORING_CONFIGURATION, null)).contains("alert rule");
        assertThat(ActionItemRules.closingRefusal(Type.RUNBOOK_UPDATE, "updated it")).contains("runbook");
        assertThat(ActionItemRules.closingRefusal(Type.TRAINING_MATERIAL, "https://lms.example.com/course/42")).isNull();
        assertThat(ActionItemRules.closingRefusal(Type.FIX, null)).isNull();
    }

    @Test
    void anOpenItemPastItsDeadlineIsOverdue() {
        assertThat(ActionItemRules.overdue(NOW, null, NOW)).isTrue();
        assertThat(ActionItemRules.overdue(NOW, NOW.minusSeconds(5), NOW.plusSeconds(5))).isFalse();
        assertThat(ActionItemRules.overdue(NOW, null, NOW.minusSeconds(1))).isFalse();
    }
}
