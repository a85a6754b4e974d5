package io.firebreak.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
    void aPoolClosedBecauseTheServiceIsShuttingDownIsTransientSoItsRecordsAreNotDeadLettered() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool().connectingTo("postgresql://127.0.0.1:1/none").using(vertx).build();
            pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Throwable failure = pool.query("select 1").execute().toCompletionStage().toCompletableFuture()
                    .handle((rows, error) -> error).get(10, TimeUnit.SECONDS);

            assertThat(failure).as("what a closed pool answers").isNotNull();
            assertThat(TransientFailures.isTransient(failure)).isTrue();
            assertThat(TransientFailures.isTransient(new CompletionException(failure))).isTrue();
            assertThat(TransientFailures.isTransient(new io.vertx.core.impl.NoStackTraceThrowable("Some other thing")))
                    .as("only the closed pool").isFalse();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRefusalOfTheRecordItselfIsNotTransient() {
        assertThat(TransientFailures.isTransient(new PgException("null value in column", "ERROR", "23502", null))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("could not serialize access", "ERROR", "40001", null))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("effect failed"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonMessageException("not a CloudEvent"))).isFalse();
    }
}
