package io.firebreak.classification.domain.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.firebreak.events.SignalReceived;
import io.firebreak.platform.problem.Violation;
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
    private static final List<String> BY_SEVERITY = List.of("critical", "error", "warning", "info");

    /** How a notification becomes signals: one per Alertmanager group (default), or one per alert. */
    public enum GroupBy { GROUP, ALERT }

    /** One alert of the group. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                        String endsAt, String generatorURL, String fingerprint) {

        /**
         * Resolved when Alertmanager says so, or when a "firing" alert's {@code endsAt} has already passed
         * (Alertmanager sets it when it stops seeing the alert; a late or repeated notification can still
         * say firing).
         */
        boolean resolvedAt(Instant now) {
            if ("resolved".equals(status)) {
                return true;
            }
            Instant ends = Timestamps.parse(endsAt);
            // Alertmanager sends 0001-01-01T00:00:00Z for "no end known".
            return ends != null && ends.isAfter(Instant.EPOCH) && !ends.isAfter(now);
        }

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
                    resolvedAt(receivedAt) ? "resolve" : "trigger", fingerprint,
                    summary.length() > 1024 ? summary.substring(0, 1024) : summary,
                    l.getOrDefault("instance", l.getOrDefault("job", hook.receiver())), severity(l.get("severity")),
                    Timestamps.parse(startsAt), l.get("service"), l.get("job"), l.get("alertname"), details, receivedAt);
        }
    }

    /**
     * One signal for the whole notification, keyed by Alertmanager's {@code groupKey}: triggered while any
     * alert fires, resolved when all are; the most severe firing alert's severity; the alerts' fingerprints
     * and the number Alertmanager left out ({@code truncatedAlerts}) in the details.
     */
    SignalReceived toGroupSignal(IntegrationKeyService.KeyIdentity key, Instant receivedAt) {
        List<Alert> firing = alerts.stream().filter(a -> !a.resolvedAt(receivedAt)).toList();
        String severity = firing.stream().map(a -> severity(a.labels() == null ? null : a.labels().get("severity")))
                .min(java.util.Comparator.comparingInt(BY_SEVERITY::indexOf)).orElse("info");
        Map<String, String> labels = commonLabels == null ? Map.of() : commonLabels;
        Map<String, String> annotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        String name = labels.getOrDefault("alertname", groupLabels == null ? "alerts" : String.valueOf(groupLabels));
        String summary = annotations.getOrDefault("summary", name) + " (" + firing.size() + " of "
                + (alerts.size() + (truncatedAlerts == null ? 0 : truncatedAlerts)) + " alert(s) firing)";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("groupKey", groupKey);
        details.put("groupLabels", groupLabels == null ? Map.of() : groupLabels);
        details.put("commonLabels", labels);
        details.put("commonAnnotations", annotations);
        details.put("fingerprints", alerts.stream().map(Alert::fingerprint).toList());
        details.put("firing", firing.size());
        details.put("truncatedAlerts", truncatedAlerts == null ? 0 : truncatedAlerts);
        if (externalURL != null) {
            details.put("externalURL", externalURL);
        }
        Instant startsAt = alerts.stream().map(a -> Timestamps.parse(a.startsAt())).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new SignalReceived(key.service(), key.id().toString(), "alertmanager:" + key.name(),
                firing.isEmpty() ? "resolve" : "trigger", groupDedupKey(),
                summary.length() > 1024 ? summary.substring(0, 1024) : summary,
                labels.getOrDefault("job", receiver), severity, startsAt, labels.get("service"), labels.get("job"),
                labels.get("alertname"), details, receivedAt);
    }

    /** The group key itself when short; its SHA-256 otherwise (dedup keys stay under 255 characters). */
    String groupDedupKey() {
        String base = groupKey == null || groupKey.isBlank() ? String.valueOf(groupLabels) : groupKey;
        if (base.length() <= 200) {
            return "am:" + base;
        }
        try {
            return "am:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(base.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** Every violated field, for a problem+json answer. */
    public List<Violation> violations() {
        List<Violation> errors = new ArrayList<>();
        if (!"4".equals(version)) {
            errors.add(new Violation("version", "must be \"4\""));
        }
        if (truncatedAlerts != null && truncatedAlerts < 0) {
            errors.add(new Violation("truncatedAlerts", "must not be negative"));
        }
        if (alerts == null || alerts.isEmpty()) {
            errors.add(new Violation("alerts", "must list at least one alert"));
            return errors;
        }
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            String at = "alerts[" + i + "]";
            if (alert == null) {
                errors.add(new Violation(at, "is null"));
                continue;
            }
            if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
                errors.add(new Violation(at + ".status", "must be firing or resolved"));
            }
            if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
                errors.add(new Violation(at + ".fingerprint", "is missing"));
            }
            if (alert.startsAt() != null && Timestamps.parse(alert.startsAt()) == null) {
                errors.add(new Violation(at + ".startsAt", "must be an RFC 3339 timestamp"));
            }
            if (alert.endsAt() != null && Timestamps.parse(alert.endsAt()) == null) {
                errors.add(new Violation(at + ".endsAt", "must be an RFC 3339 timestamp"));
            }
        }
        return errors;
    }
}
