package io.firebreak.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how the relay wakes up. Polling instead of listening is degraded, not down: events still
 * leave, within the poll interval instead of milliseconds, so the instance stays ready.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelayService relay;

    public OutboxHealthCheck(OutboxRelayService relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        String wakeup = !relay.relayEnabled() ? "relay disabled on this instance"
                : relay.listening() ? "listening" : "degraded: polling, " + relay.wakeup();
        return HealthCheckResponse.named("Outbox relay").up().withData("wakeup", wakeup).build();
    }
}
