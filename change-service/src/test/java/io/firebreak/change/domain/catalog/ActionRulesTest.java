package io.firebreak.change.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.change.model.ActionType;
import io.firebreak.platform.problem.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRulesTest {

    private static final List<ActionType> CATALOG = List.of(
            new ActionType("rollback", "Roll back", List.of("fromVersion", "toVersion"), List.of(), true),
            new ActionType("failover", "Fail over", List.of("to"), List.of("payments", "checkout"), true));

    @Test
    void anActionOutsideTheCatalogIsRefusedWithThePermittedOnes() {
        assertThat(ActionRules.refusal(CATALOG, "drop-table", "checkout", Map.of())).extracting(Violation::message)
                .containsExactly("drop-table is not a pre-authorised emergency action; permitted: rollback, failover");
    }

    @Test
    void everyParameterOfTheActionIsRequiredAndNoOtherIsAccepted() {
        assertThat(ActionRules.refusal(CATALOG, "rollback", "checkout", Map.of("fromVersion", "1.5", "typo", "x")))
                .extracting(Violation::field).containsExactly("parameters.toVersion", "parameters.typo");
        assertThat(ActionRules.refusal(CATALOG, "rollback", "checkout", Map.of("fromVersion", "1.5", "toVersion", "1.4"))).isEmpty();
    }

    @Test
    void anActionLimitedToSomeServicesRefusesOthers() {
        assertThat(ActionRules.refusal(CATALOG, "failover", "search", Map.of("to", "eu-west")))
                .extracting(Violation::message).containsExactly("failover may target only payments, checkout");
        assertThat(ActionRules.refusal(CATALOG, "failover", "payments", Map.of("to", "eu-west"))).isEmpty();
    }

    @Test
    void aCatalogNeedsUniqueWellFormedNamesDescriptionsAndParameters() {
        assertThat(ActionRules.catalogProblems(List.of())).extracting(Violation::field).containsExactly("actions");
        assertThat(ActionRules.catalogProblems(List.of(
                new ActionType("rollback", "x", List.of(), List.of(), true),
                new ActionType("rollback", "", List.of("a", "a"), List.of(" "), false))))
                .extracting(Violation::field)
                .containsExactly("actions[1].name", "actions[1].description", "actions[1].parameters[1]", "actions[1].targets");
        assertThat(ActionRules.catalogProblems(CATALOG)).isEmpty();
    }
}
