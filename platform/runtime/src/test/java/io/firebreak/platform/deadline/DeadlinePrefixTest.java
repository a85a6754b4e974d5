package io.firebreak.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The upper bound of a subject prefix's range, in the byte (code point) order of the prefix index. */
class DeadlinePrefixTest {

    @Test
    void theBoundAboveAPrefixRaisesItsLastCharacter() {
        assertThat(Deadlines.above("3f2a/")).isEqualTo("3f2a0");
        assertThat(Deadlines.above("incident:é")).isEqualTo("incident:ê");
    }

    @Test
    void theBoundSkipsTheSurrogatesAndCarriesPastTheLastCodePoint() {
        assertThat(Deadlines.above("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(Deadlines.above("a" + Character.toString(Character.MAX_CODE_POINT))).isEqualTo("b");
        assertThat(Deadlines.above("a😀")).isEqualTo("a😁");
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThatThrownBy(() -> Deadlines.above("")).isInstanceOf(IllegalArgumentException.class);
    }
}
