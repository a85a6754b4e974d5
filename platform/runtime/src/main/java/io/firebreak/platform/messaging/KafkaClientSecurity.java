package io.firebreak.platform.messaging;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The security settings of the service's Kafka connection ({@code kafka.security.*}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}), for the producers the platform creates itself (outbox relay, intake). SmallRye's channels get
 * the {@code kafka.*} settings from Quarkus; these producers would otherwise connect without credentials, which a
 * broker with authentication (Strimzi's SCRAM listener in the Kubernetes manifests) refuses.
 */
public final class KafkaClientSecurity {

    private static final String PREFIX = "kafka.";

    private KafkaClientSecurity() {
    }

    public static Map<String, Object> settings(Config config) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String key = name.substring(PREFIX.length());
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                // An empty value (an unset FIREBREAK_* variable) is no setting: Kafka's default applies.
                config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).ifPresent(v -> out.put(key, v));
            }
        }
        return out;
    }
}
