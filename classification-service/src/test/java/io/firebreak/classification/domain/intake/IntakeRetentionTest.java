package io.firebreak.classification.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntakeRetentionTest {

    private final IntakeRetention retention;

    IntakeRetentionTest(IntakeRetention retention) {
        this.retention = retention;
    }

    @Test
    void oldSignalsAndOldResolvedGroupsWithoutAnIncidentGoRecentOnesAndIncidentHistoryStay() throws Throwable {
        String service = "retained-" + UUID.randomUUID().toString().substring(0, 8);
        UUID oldGroup = group(service, "old", "now() - interval '100 days'", null);
        UUID incidentGroup = group(service, "declared", "now() - interval '100 days'", UUID.randomUUID());
        UUID recentGroup = group(service, "recent", "now() - interval '1 day'", null);
        UUID oldSignal = signal(service, oldGroup, "now() - interval '40 days'");
        UUID recentSignal = signal(service, recentGroup, "now() - interval '1 hour'");

        assertThat(VertxContextSupport.subscribeAndAwait(retention::purge)).isGreaterThanOrEqualTo(2);

        assertThat(exists("signal", oldSignal)).isFalse();
        assertThat(exists("alert_group", oldGroup)).isFalse();
        assertThat(exists("signal", recentSignal)).isTrue();
        assertThat(exists("alert_group", recentGroup)).isTrue();
        assertThat(exists("alert_group", incidentGroup)).isTrue();
    }

    private static UUID group(String service, String dedup, String resolvedAt, UUID incident) throws Exception {
        UUID id = UUID.randomUUID();
        update("insert into classification.alert_group (id, service, dedup_key, status, summary, severity, signal_count,"
                + " first_signal_at, last_signal_at, resolved_at, incident_id) values (?, ?, ?, 'RESOLVED', 's', 'critical', 1,"
                + resolvedAt + ", " + resolvedAt + ", " + resolvedAt + ", ?)", id, service, dedup, incident);
        return id;
    }

    private static UUID signal(String service, UUID group, String receivedAt) throws Exception {
        UUID id = UUID.randomUUID();
        update("insert into classification.signal (id, alert_group_id, service, integration_key_id, action, dedup_key, payload,"
                + " received_at) values (?, ?, ?, 'k', 'trigger', 'd', '{}', " + receivedAt + ")", id, group, service);
        return id;
    }

    private static void update(String sql, Object... params) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static boolean exists(String table, UUID id) throws Exception {
        try (Connection c = TestPostgres.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from classification." + table + " where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }
}
