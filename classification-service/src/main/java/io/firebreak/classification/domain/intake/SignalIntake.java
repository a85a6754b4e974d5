package io.firebreak.classification.domain.intake;

import io.firebreak.platform.ratelimit.RateLimiter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.classification.config.ClassificationConfig;
import io.firebreak.events.ChangeReceived;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalReceived;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Accepts alert and change events from monitoring and deploy tools: validate, authenticate by key, rate-limit, publish. */
@ApplicationScoped
public class SignalIntake {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    /** Long enough for a mis-set route to be noticed in the sender's log, short enough to lose little time. */
    private static final long NOT_SERVED_RETRY_AFTER_SECONDS = 5;

    private final IntegrationKeyService keys;
    private final SignalSink publisher;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RateLimiter failures;
    private final Admission admission;
    private final boolean served;

    public SignalIntake(IntegrationKeyService keys, SignalSink publisher, ObjectMapper mapper, Clock clock,
                        ClassificationConfig config) {
        this.keys = keys;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.limiter = new RateLimiter(config.intake().ratePerSecond(), config.intake().burst(), System::nanoTime);
        this.failures = new RateLimiter(config.intake().failedKeysPerSecond(), config.intake().failedKeysBurst(), System::nanoTime);
        ClassificationConfig.Admission limits = config.intake().admission();
        this.admission = new Admission(limits.ratePerSecond(), limits.burst(), limits.maxInFlight(), System::nanoTime);
        this.served = config.intake().enabled();
    }

    /** A PagerDuty Events v2 alert event from {@code source} (the sender's address). */
    public Uni<IntakeResult> alert(JsonNode body, String source) {
        List<String> errors = PagerDutyEvents.alertErrors(body);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(new IntakeResult.Invalid(errors));
        }
        return admit(PagerDutyEvents.text(body, "routing_key"), source, key -> {
            JsonNode payload = body.path("payload");
            String dedup = PagerDutyEvents.text(body, "dedup_key");
            String dedupKey = dedup != null ? dedup : UUID.randomUUID().toString().replace("-", "");
            Instant timestamp = Timestamps.parse(PagerDutyEvents.text(payload, "timestamp"));
            SignalReceived signal = new SignalReceived(key.service(), key.id().toString(), "pagerduty:" + key.name(),
                    PagerDutyEvents.text(body, "event_action"), dedupKey, PagerDutyEvents.text(payload, "summary"),
                    PagerDutyEvents.text(payload, "source"), PagerDutyEvents.text(payload, "severity"), timestamp,
                    PagerDutyEvents.text(payload, "component"), PagerDutyEvents.text(payload, "group"),
                    PagerDutyEvents.text(payload, "class"), details(payload.get("custom_details"), body), clock.instant());
            return publisher.publish(EventTypes.SIGNAL_RECEIVED, key.service() + ":" + dedupKey, signal)
                    .replaceWith(new IntakeResult.Accepted(dedupKey, 1));
        });
    }

    /** A PagerDuty Events v2 change event, passed on to the change service. */
    public Uni<IntakeResult> change(JsonNode body, String source) {
        List<String> errors = PagerDutyEvents.changeErrors(body);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(new IntakeResult.Invalid(errors));
        }
        return admit(PagerDutyEvents.text(body, "routing_key"), source, key -> {
            JsonNode payload = body.path("payload");
            ChangeReceived change = new ChangeReceived(key.service(), key.id().toString(), PagerDutyEvents.text(payload, "summary"),
                    PagerDutyEvents.text(payload, "source"), Timestamps.parse(PagerDutyEvents.text(payload, "timestamp")),
                    details(payload.get("custom_details"), null),
                    body.hasNonNull("links") ? mapper.convertValue(body.get("links"), LIST) : List.of(), clock.instant());
            return publisher.publish(EventTypes.CHANGE_RECEIVED, key.service() + ":change", change)
                    .replaceWith(new IntakeResult.Accepted(null, 1));
        });
    }

    /**
     * Alertmanager webhook v4. Grouped by Alertmanager's own group ({@code groupKey}, the default): one
     * signal per notification, so 40 crash-looping pods of one alert group are one alert group here;
     * or by alert ({@code fingerprint}): one signal per alert. Validated by the caller.
     */
    public Uni<IntakeResult> alertmanager(String rawKey, String source, AlertmanagerWebhook webhook, AlertmanagerWebhook.GroupBy groupBy) {
        return admit(rawKey, source, key -> {
            Instant now = clock.instant();
            List<SignalReceived> signals = groupBy == AlertmanagerWebhook.GroupBy.ALERT
                    ? webhook.alerts().stream().map(a -> a.toSignal(key, webhook, now)).toList()
                    : List.of(webhook.toGroupSignal(key, now));
            List<Uni<UUID>> sends = new ArrayList<>();
            for (SignalReceived signal : signals) {
                sends.add(publisher.publish(EventTypes.SIGNAL_RECEIVED, key.service() + ":" + signal.dedupKey(), signal));
            }
            return Uni.join().all(sends).andFailFast().replaceWith(new IntakeResult.Accepted(
                    signals.size() == 1 ? signals.get(0).dedupKey() : null, sends.size()));
        });
    }

    /**
     * Admission control for intake as a whole first (no lookup when intake is at capacity); then authenticates
     * the key and rate-limits per key. A source that keeps presenting unknown keys is
     * refused before the lookup once its failure budget is spent, so guessing costs neither database
     * queries nor memory.
     */
    private Uni<IntakeResult> admit(String rawKey, String source,
                                    java.util.function.Function<IntegrationKeyService.KeyIdentity, Uni<IntakeResult>> accept) {
        if (!served) {
            return Uni.createFrom().item(new IntakeResult.NotServedHere(NOT_SERVED_RETRY_AFTER_SECONDS));
        }
        long overloaded = admission.enter();
        if (overloaded > 0) {
            return Uni.createFrom().item(new IntakeResult.Overloaded(overloaded));
        }
        return Uni.createFrom().deferred(() -> admitted(rawKey, source, accept)).eventually(admission::exit);
    }

    private Uni<IntakeResult> admitted(String rawKey, String source,
                                       java.util.function.Function<IntegrationKeyService.KeyIdentity, Uni<IntakeResult>> accept) {
        String from = source == null ? "unknown" : source;
        long blocked = failures.peek(from);
        if (blocked > 0) {
            return Uni.createFrom().item(new IntakeResult.Throttled(blocked));
        }
        return keys.authenticate(rawKey).chain(identity -> {
            if (identity.isEmpty()) {
                failures.acquire(from);
                return Uni.createFrom().item(new IntakeResult.Unknown());
            }
            long wait = limiter.acquire(identity.get().id().toString());
            if (wait > 0) {
                return Uni.createFrom().item(new IntakeResult.Throttled(wait));
            }
            return accept.apply(identity.get());
        });
    }

    private Map<String, Object> details(JsonNode customDetails, JsonNode body) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (customDetails != null && customDetails.isObject()) {
            details.putAll(mapper.convertValue(customDetails, MAP));
        } else if (customDetails != null && customDetails.isTextual()) {
            details.put("text", customDetails.asText());
        }
        if (body != null) {
            for (String extra : List.of("links", "images", "client", "client_url")) {
                if (body.hasNonNull(extra)) {
                    details.putIfAbsent("_" + extra, mapper.convertValue(body.get(extra), Object.class));
                }
            }
        }
        return details;
    }
}
