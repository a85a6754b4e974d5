package io.firebreak.classification.domain.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.firebreak.events.SignalReceived;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prometheus Alertmanager webhook payload, version 4. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerWebhook(String version, String groupKey, Integer truncatedAlerts, String status, String receiver,
                                  Map<String, String> groupLabels, Map<String, String> commonLabels,
                                  Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    /** One alert of the group. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                        String endsAt, String generatorURL, String fingerprint) {

        SignalReceived toSignal(IntegrationKeyService.KeyIdentity key, AlertmanagerWebhook hook, Instant receivedAt) {
            Map<String, String> l = labels == null ? Map.of() : labels;
            Map<String, String> a = annotations == null ? Map.of() : annotations;
            String summary = a.getOrDefault("summary", a.getOrDefault("description", l.getOrDefault("alertname", "alert")));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("labels", l);
            details.put("annotations", a);
            if (generatorURL != null) {
                details.put("generatorURL", generatorURL);
            }
            if (hook.externalURL() != null) {
                details.put("externalURL", hook.externalURL());
            }
            return new SignalReceived(key.service(), key.id().toString(), "alertmanager:" + key.name(),
                    "resolved".equals(status) ? "resolve" : "trigger", fingerprint,
                    summary.length() > 1024 ? summary.substring(0, 1024) : summary,
                    l.getOrDefault("instance", l.getOrDefault("job", hook.receiver())), severity(l.get("severity")),
                    Timestamps.parse(startsAt), l.get("service"), l.get("job"), l.get("alertname"), details, receivedAt);
        }
    }

    /** Maps Alertmanager's free-form severity label onto PagerDuty's four levels. */
    static String severity(String label) {
        if (label == null) {
            return "warning";
        }
        String s = label.toLowerCase();
        if (SEVERITIES.contains(s)) {
            return s;
        }
        return switch (s) {
            case "page", "high", "fatal", "emergency", "alert" -> "critical";
            case "major", "err" -> "error";
            case "minor", "low", "none", "informational" -> "info";
            default -> "warning";
        };
    }

    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (!"4".equals(version)) {
            errors.add("'version' must be \"4\"");
        }
        if (alerts == null || alerts.isEmpty()) {
            errors.add("'alerts' must list at least one alert");
            return errors;
        }
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            if (alert == null) {
                errors.add("'alerts[" + i + "]' is null");
                continue;
            }
            if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
                errors.add("'alerts[" + i + "].status' must be firing or resolved");
            }
            if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
                errors.add("'alerts[" + i + "].fingerprint' is missing");
            }
            if (alert.startsAt() != null && Timestamps.parse(alert.startsAt()) == null) {
                errors.add("'alerts[" + i + "].startsAt' must be an RFC 3339 timestamp");
            }
        }
        return errors;
    }
}
