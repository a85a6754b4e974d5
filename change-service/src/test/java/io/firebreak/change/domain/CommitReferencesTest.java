package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitReferencesTest {

    @Test
    void incidentKeysAndChangeIdsAreFoundOnceEachInOrder() {
        CommitReferences.References r = CommitReferences.of("fix(checkout): retry card auth (INC-2026-0042, CHG-45)\n\nsee INC-2026-0042 and CHG-7");
        assertThat(r.incidents()).containsExactly("INC-2026-0042");
        assertThat(r.changes()).containsExactly("CHG-45", "CHG-7");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aMessageWithoutBothReferencesIsIncompleteAndLookalikesDoNotCount() {
        assertThat(CommitReferences.of("hotfix for INC-2026-0042").complete()).isFalse();
        assertThat(CommitReferences.of("XINC-2026-0042 PRECHG-45 INC-26-1 CHG-").incidents()).isEmpty();
        assertThat(CommitReferences.of("XINC-2026-0042 PRECHG-45 CHG-").changes()).isEmpty();
        assertThat(CommitReferences.of(null).complete()).isFalse();
    }
}
