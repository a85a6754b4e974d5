package io.firebreak.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsTransientEvenWhenWrapped() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("too many connections", "FATAL", "53300", null))).isTrue();
        assertThat(TransientFailures.isTransient(new PgException("connection failure", "FATAL", "08006", null))).isTrue();
    }

    @Test
    void aRefusalOfTheRecordItselfIsNotTransient() {
        assertThat(TransientFailures.isTransient(new PgException("null value in column", "ERROR", "23502", null))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("could not serialize access", "ERROR", "40001", null))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("effect failed"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonMessageException("not a CloudEvent"))).isFalse();
    }
}
