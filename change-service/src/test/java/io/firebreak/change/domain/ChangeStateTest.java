package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeStateTest {

    @Test
    void anEmergencyChangeMovesOnlyForwardThroughItsLifecycle() {
        assertThat(ChangeState.REQUESTED.canGoTo(ChangeState.APPROVED)).isTrue();
        assertThat(ChangeState.APPROVED.canGoTo(ChangeState.IMPLEMENTING)).isTrue();
        assertThat(ChangeState.IMPLEMENTING.canGoTo(ChangeState.IMPLEMENTED)).isTrue();
        assertThat(ChangeState.IMPLEMENTED.canGoTo(ChangeState.VALIDATED)).isTrue();
        assertThat(ChangeState.VALIDATED.canGoTo(ChangeState.REVIEWED)).isTrue();
        assertThat(ChangeState.REQUESTED.canGoTo(ChangeState.IMPLEMENTING)).as("never implemented unapproved").isFalse();
        assertThat(ChangeState.IMPLEMENTED.canGoTo(ChangeState.APPROVED)).isFalse();
    }

    @Test
    void onlyUnimplementedChangesAreCancelledAndOnlyImplementationsRolledBack() {
        assertThat(ChangeState.REQUESTED.canGoTo(ChangeState.CANCELLED)).isTrue();
        assertThat(ChangeState.IMPLEMENTING.canGoTo(ChangeState.CANCELLED)).isFalse();
        assertThat(ChangeState.REQUESTED.canGoTo(ChangeState.ROLLED_BACK)).isFalse();
        assertThat(ChangeState.IMPLEMENTED.canGoTo(ChangeState.ROLLED_BACK)).isTrue();
        for (ChangeState end : new ChangeState[] {ChangeState.REVIEWED, ChangeState.REJECTED, ChangeState.ROLLED_BACK, ChangeState.CANCELLED}) {
            assertThat(end.terminal()).as(end.name()).isTrue();
        }
    }
}
