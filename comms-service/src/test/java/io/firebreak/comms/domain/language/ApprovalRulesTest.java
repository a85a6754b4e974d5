package io.firebreak.comms.domain.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {

    private static final ApprovalRules.Given LEAD = new ApprovalRules.Given("ulla", "comms-lead");
    private static final ApprovalRules.Given EXEC = new ApprovalRules.Given("eve", "executive");

    @Test
    void anInternalTemplateIsApprovedByOneCommsLead() {
        assertThat(ApprovalRules.complete(false, List.of(LEAD))).isTrue();
        assertThat(ApprovalRules.complete(false, List.of(EXEC))).isFalse();
        assertThat(ApprovalRules.missing(false, List.of(EXEC))).isEqualTo("an approval by a comms lead");
    }

    @Test
    void customerFacingLanguageNeedsTwoDistinctApproversOneOfThemACommsLead() {
        assertThat(ApprovalRules.complete(true, List.of(LEAD))).isFalse();
        assertThat(ApprovalRules.missing(true, List.of(LEAD))).isEqualTo("1 more approval");
        assertThat(ApprovalRules.complete(true, List.of(LEAD, LEAD))).isFalse();
        assertThat(ApprovalRules.complete(true, List.of(EXEC, new ApprovalRules.Given("ed", "executive")))).isFalse();
        assertThat(ApprovalRules.complete(true, List.of(EXEC, LEAD))).isTrue();
        assertThat(ApprovalRules.missing(true, List.of())).isEqualTo("2 more approvals, one by a comms lead");
    }

    @Test
    void theAuthorNeverApprovesAndNobodyApprovesTwice() {
        assertThat(ApprovalRules.refusal("tess", List.of(), "tess")).contains("author");
        assertThat(ApprovalRules.refusal("tess", List.of(LEAD), "ulla")).contains("already approved");
        assertThat(ApprovalRules.refusal("tess", List.of(LEAD), "eve")).isNull();
    }
}
