package io.firebreak.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlamelessRulesTest {

    private static final List<String> PEOPLE = List.of("ines", "Ines Moreau", "tara");

    @Test
    void aSentenceNamingAPersonAsTheCauseIsFlagged() {
        var flags = BlamelessRules.check("The outage started at 10:02. Ines caused the outage by pushing the config.", PEOPLE);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).rule()).isEqualTo(BlamelessRules.PERSON_AS_CAUSE);
        assertThat(flags.get(0).sentence()).isEqualTo("Ines caused the outage by pushing the config.");
        assertThat(flags.get(0).offset()).isEqualTo(29);
    }

    @Test
    void aPossessiveFaultIsFlaggedToo() {
        assertThat(BlamelessRules.check("It was tara's mistake in the rollout.", PEOPLE)).extracting(BlamelessRules.Flag::rule)
                .containsExactly(BlamelessRules.PERSON_AS_CAUSE);
    }

    @Test
    void blameLanguageIsFlaggedEvenWithoutAName() {
        assertThat(BlamelessRules.check("A careless engineer skipped the canary. It was human error.", PEOPLE))
                .extracting(BlamelessRules.Flag::matched).containsExactly("careless", "human error");
    }

    @Test
    void describingWhatPeopleDidAndWhatTheSystemAllowedIsNotFlagged() {
        assertThat(BlamelessRules.check("Ines deployed 1.5.0 at 10:00 following the runbook. The pipeline had no canary stage, so the"
                + " pool exhaustion reached every region. Tara rolled back at 10:20.", PEOPLE)).isEmpty();
    }

    @Test
    void namesAreMatchedAsWholeWordsOnly() {
        // "tara" inside "guitarist" or "inessential" is no person.
        assertThat(BlamelessRules.check("An inessential job caused the spike. The guitarist broke nothing.", PEOPLE)).isEmpty();
    }
}
