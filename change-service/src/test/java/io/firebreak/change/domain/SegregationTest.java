package io.firebreak.change.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegregationTest {

    @Test
    void nobodyApprovesTheirOwnChangeNotEvenAChangeApprover() {
        assertThat(Segregation.approvalRefusal("cam", new Segregation.Approver("cam", true, true), true)).contains("requester");
        assertThat(Segregation.approvalRefusal("cam", new Segregation.Approver("alex", true, false), false)).isNull();
    }

    @Test
    void theIncidentCommanderApprovesOnlyPreAuthorisedActionsThatAllowIt() {
        Segregation.Approver ic = new Segregation.Approver("ivan", false, true);
        assertThat(Segregation.approvalRefusal("cam", ic, true)).isNull();
        assertThat(Segregation.approvalRefusal("cam", ic, false)).contains("not one the incident commander may approve");
        assertThat(Segregation.approvalRefusal("cam", new Segregation.Approver("ivy", false, false), true)).contains("incident's commander");
    }

    @Test
    void theImplementerDoesNotValidateTheirOwnChange() {
        assertThat(Segregation.validationRefusal("ian", "ian")).isNotNull();
        assertThat(Segregation.validationRefusal("ian", "vic")).isNull();
    }
}
