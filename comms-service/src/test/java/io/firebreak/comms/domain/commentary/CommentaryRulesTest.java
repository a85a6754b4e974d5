package io.firebreak.comms.domain.commentary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentaryRulesTest {

    @Test
    void aPostReferencesAnIncidentByKeyServiceAsAWholeWordOrKeyword() {
        assertThat(CommentaryRules.references("Is INC-2026-42 fixed yet?", "INC-2026-42", "checkout", List.of())).containsExactly("INC-2026-42");
        assertThat(CommentaryRules.references("Checkout is broken", "INC-2026-42", "checkout", List.of())).containsExactly("checkout");
        assertThat(CommentaryRules.references("the checkout-v2 beta is great", "INC-2026-42", "checkout", List.of())).isEmpty();
        assertThat(CommentaryRules.references("a big OUTAGE", "INC-2026-42", "checkout", List.of("outage"))).containsExactly("outage");
        assertThat(CommentaryRules.references("nothing to see", "INC-2026-42", "checkout", List.of("outage"))).isEmpty();
    }

    @Test
    void onlyStaffOutsideTheCommsRolesAreFlagged() {
        assertThat(CommentaryRules.flagged(true, "dave", List.of("cleo"), List.of("press-office"))).isTrue();
        assertThat(CommentaryRules.flagged(true, "cleo", List.of("cleo"), List.of("press-office"))).isFalse();
        assertThat(CommentaryRules.flagged(true, "press-office", List.of("cleo"), List.of("press-office"))).isFalse();
        assertThat(CommentaryRules.flagged(false, "someone", List.of(), List.of())).isFalse();
    }
}
