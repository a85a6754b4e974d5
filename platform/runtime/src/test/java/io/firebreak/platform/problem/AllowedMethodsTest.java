package io.firebreak.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Test
    void pathTemplatesMatchOneSegmentPerParameterOrTheirOwnExpression() {
        assertThat(AllowedMethods.template("/api/v1/{context}/admin/outbox/parked", "{eventId}/retry")
                .matcher("/api/v1/comms/admin/outbox/parked/6f1d9c1e-0b5e-4c1a-9d8e-2b7f3c4d5e6f/retry").matches()).isTrue();
        assertThat(AllowedMethods.template("/api/v1/{context}/admin/outbox/parked", "{eventId}/retry")
                .matcher("/api/v1/comms/admin/outbox/parked/a/b/retry").matches()).isFalse();
        assertThat(AllowedMethods.template("/files", "{path: .+}").matcher("/files/a/b/c").matches()).isTrue();
        assertThat(AllowedMethods.template("/v2", "").matcher("/v2/").matches()).isTrue();
        assertThat(AllowedMethods.template("/v2", "enqueue").matcher("/v2/enqueue").matches()).isTrue();
    }
}
