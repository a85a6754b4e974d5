package io.firebreak.comms.domain.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.comms.model.ExternalKind;
import io.firebreak.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalLogRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static List<String> fields(ExternalKind kind, List<String> approvers, Instant drafted, Instant approved, Instant sent) {
        return ExternalLogRules.check(new ExternalLogRules.Entry(kind, "customers", "status page", "text", 1, approvers, drafted, approved, sent),
                "lena", NOW).stream().map(Violation::field).toList();
    }

    @Test
    void pressStatementsAndRegulatorNoticesNeedAnApproverWhoIsNotTheAuthor() {
        Instant drafted = NOW.minus(Duration.ofMinutes(30));
        assertThat(fields(ExternalKind.CUSTOMER_ALERT, List.of(), drafted, null, null)).isEmpty();
        assertThat(fields(ExternalKind.PRESS_STATEMENT, List.of(), drafted, null, null)).containsExactly("approvers");
        assertThat(fields(ExternalKind.REGULATOR_NOTICE, List.of("lena"), drafted, drafted, null)).containsExactly("approvers[0]");
        assertThat(fields(ExternalKind.REGULATOR_NOTICE, List.of("paula"), drafted, drafted.plusSeconds(60), null)).isEmpty();
        assertThat(fields(ExternalKind.CUSTOMER_ALERT, List.of(), drafted, drafted.plusSeconds(60), null)).containsExactly("approvedAt");
    }

    @Test
    void timesRunDraftedApprovedSentAndNoneInTheFuture() {
        Instant drafted = NOW.minus(Duration.ofMinutes(30));
        assertThat(fields(ExternalKind.PRESS_STATEMENT, List.of("paula"), drafted, drafted.minusSeconds(1), null)).containsExactly("approvedAt");
        assertThat(fields(ExternalKind.PRESS_STATEMENT, List.of("paula"), drafted, NOW.minusSeconds(10), NOW.minusSeconds(20)))
                .containsExactly("approvedAt");
        assertThat(fields(ExternalKind.CUSTOMER_ALERT, List.of(), NOW.minusSeconds(5), null, NOW.minusSeconds(10))).containsExactly("draftedAt");
        assertThat(fields(ExternalKind.CUSTOMER_ALERT, List.of(), drafted, null, NOW.plus(ExternalLogRules.SKEW))).isEmpty();
        assertThat(fields(ExternalKind.CUSTOMER_ALERT, List.of(), drafted, null, NOW.plus(ExternalLogRules.SKEW).plusSeconds(1)))
                .containsExactly("sentAt");
        assertThat(fields(null, List.of(), null, null, null)).containsExactly("kind", "draftedAt");
    }
}
