package io.firebreak.response.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Priority;
import io.firebreak.response.model.paging.EscalationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalationWindowsTest {

    private static final Duration P1 = Duration.ofMinutes(5);
    private static final Duration P2 = Duration.ofMinutes(15);
    private static final Instant DUE = Instant.parse("2026-11-30T10:05:00Z");

    @Test
    void aLevelWaitsThePrioritysWindowUnlessItHasADelayOfItsOwn() {
        EscalationLevel plain = new EscalationLevel(List.of(), null);
        EscalationLevel slow = new EscalationLevel(List.of(), 30);
        assertThat(EscalationWindows.window(plain, Priority.P1, P1, P2)).isEqualTo(P1);
        assertThat(EscalationWindows.window(plain, Priority.P2, P1, P2)).isEqualTo(P2);
        assertThat(EscalationWindows.window(slow, Priority.P1, P1, P2)).isEqualTo(Duration.ofMinutes(30));
    }

    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of(0, 0, 3, 0, new EscalationWindows.Step(1, 0), "the next level"),
                Arguments.of(2, 0, 3, 0, null, "past the last level without repeats: exhausted"),
                Arguments.of(2, 0, 3, 2, new EscalationWindows.Step(0, 1), "past the last level: the first repeat starts at level 1"),
                Arguments.of(2, 2, 3, 2, null, "after the last repeat: exhausted"),
                Arguments.of(0, 0, 1, 1, new EscalationWindows.Step(0, 1), "a one-level policy repeats itself"));
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("steps")
    void anEscalationMovesLevelByLevelThenRepeatsThenStops(int level, int round, int levels, int repeats, EscalationWindows.Step expected,
                                                            String why) {
        assertThat(EscalationWindows.next(level, round, levels, repeats)).as(why).isEqualTo(expected);
    }

    static Stream<Arguments> delays() {
        return Stream.of(
                Arguments.of(Priority.P1, DUE.plus(Duration.ofMinutes(20)), "vendor on the line", null, "within 30 min of a P1: granted"),
                Arguments.of(Priority.P1, DUE.plus(Duration.ofMinutes(30)), "vendor on the line", null, "exactly the bound: granted"),
                Arguments.of(Priority.P1, DUE.plus(Duration.ofMinutes(31)), "vendor on the line", "at most 30 minutes", "past a P1's bound"),
                Arguments.of(Priority.P2, DUE.plus(Duration.ofMinutes(90)), "vendor on the line", null, "a P2 may wait 2 h"),
                Arguments.of(Priority.P1, DUE.plus(Duration.ofMinutes(10)), null, "justification", "no justification, no delay"),
                Arguments.of(Priority.P1, DUE.plus(Duration.ofMinutes(10)), "  ok  ", "justification", "a word is no justification"),
                Arguments.of(Priority.P1, DUE.minus(Duration.ofMinutes(1)), "vendor on the line", "must be after", "a delay lies beyond the window"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("delays")
    void aDelayNeedsAJustificationAndStaysWithinThePrioritysBound(Priority priority, Instant until, String justification, String refusal,
                                                                   String why) {
        String answer = EscalationWindows.refusal(DUE, until, justification, priority, Duration.ofMinutes(30), Duration.ofHours(2));
        if (refusal == null) {
            assertThat(answer).as(why).isNull();
        } else {
            assertThat(answer).as(why).contains(refusal);
        }
    }
}
