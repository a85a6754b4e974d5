package io.firebreak.platform.testapp;

import io.firebreak.platform.delivery.DeliveryOutcome;
import io.firebreak.platform.delivery.DeliveryOutcomeHandler;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.platform.delivery.WebhookSecrets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Outbound deliveries of the test application: enqueueing, the secrets of its endpoints, and what it hears back. */
public final class WidgetDeliveries {

    public static final String PURPOSE = "testapp.notify";

    private WidgetDeliveries() {
    }

    @ApplicationScoped
    public static class Sender {

        private final OutboundDeliveries deliveries;

        public Sender(OutboundDeliveries deliveries) {
            this.deliveries = deliveries;
        }

        @WithTransaction
        public Uni<UUID> enqueue(String reference, String orderingKey, OutboundMessage message, Integer maxAttempts, boolean failAfter) {
            return deliveries.enqueue(PURPOSE, reference, orderingKey, message, maxAttempts)
                    .chain(id -> failAfter ? Uni.createFrom().<UUID>failure(new IllegalStateException("rolled back on purpose"))
                            : Uni.createFrom().item(id));
        }

        @WithTransaction
        public Uni<Boolean> replay(UUID id) {
            return deliveries.replay(id);
        }

        @WithTransaction
        public Uni<Integer> cancelWithPrefix(String prefix) {
            return deliveries.cancelPendingWithPrefix(PURPOSE, prefix);
        }

        @WithTransaction
        public Uni<Long> pendingWithPrefix(String prefix) {
            return deliveries.pendingWithPrefix(PURPOSE, prefix);
        }

        @WithTransaction
        public Uni<Integer> cancel(String reference) {
            return deliveries.cancelPending(PURPOSE, reference);
        }
    }

    /** Endpoint secrets by signing reference, as a service would keep them per subscriber. */
    @ApplicationScoped
    public static class Secrets implements WebhookSecrets {

        private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();

        public void put(String ref, List<String> list) {
            secrets.put(ref, list);
        }

        @Override
        public Uni<List<String>> secrets(String signingRef) {
            // Through a session, as a service reading its endpoints' secrets from its schema would.
            return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select 1").getSingleResult()))
                    .map(ignored -> secrets.getOrDefault(signingRef, List.of()));
        }
    }

    @ApplicationScoped
    public static class Outcomes implements DeliveryOutcomeHandler {

        /** References whose outcome the handler refuses the first time it hears it. */
        public static final String FAILS_ONCE = "handler-fails-once-";
        private final java.util.Set<String> failedOnce = ConcurrentHashMap.newKeySet();

        @Override
        public String purpose() {
            return PURPOSE;
        }

        @Override
        public Uni<Void> finished(DeliveryOutcome outcome) {
            if (outcome.reference().startsWith(FAILS_ONCE) && failedOnce.add(outcome.reference())) {
                return Uni.createFrom().failure(new IllegalStateException("handler failed on purpose"));
            }
            return Panache.getSession().chain(s -> s.createNativeQuery("insert into platform_test.widget_delivery_outcome"
                            + " (delivery_id, reference, delivered, attempts, last_status, last_error, response)"
                            + " values (:id, :reference, :delivered, :attempts, :status, :error, :response)"
                            + " on conflict (delivery_id) do update set delivered = excluded.delivered, attempts = excluded.attempts,"
                            + " last_status = excluded.last_status, last_error = excluded.last_error, response = excluded.response")
                    .setParameter("id", outcome.id()).setParameter("reference", outcome.reference())
                    .setParameter("delivered", outcome.delivered()).setParameter("attempts", outcome.attempts())
                    .setParameter("status", outcome.lastStatus()).setParameter("error", outcome.lastError())
                    .setParameter("response", outcome.response())
                    .executeUpdate()).replaceWithVoid();
        }
    }
}
