package io.firebreak.platform.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What to send. {@code HTTP}: a request to {@code url} with {@code headers} and {@code body}, optionally
 * signed per Standard Webhooks with the secrets the service resolves for {@code signingRef}, and/or
 * authorised with the named {@code credential} (config, never stored here). {@code MAIL}: a message to
 * {@code to} with {@code subject} and a text (and optionally HTML) body. {@code keepResponse}: the receiver's answer
 * to the delivered request is kept and handed to the outcome handler (an API call whose answer names what it
 * created, e.g. a tracker's new issue).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundMessage(
        Channel channel,
        String method,
        String url,
        Map<String, String> headers,
        String body,
        String signingRef,
        String credential,
        String to,
        String subject,
        String text,
        String html,
        Boolean keepResponse,
        java.util.List<Attachment> attachments) {

    /** A file a mail carries: its name, media type and content (base64, as it is stored with the delivery). */
    @RegisterForReflection
    public record Attachment(String name, String contentType, String base64) {

        public static Attachment of(String name, String contentType, byte[] content) {
            return new Attachment(name, contentType, java.util.Base64.getEncoder().encodeToString(content));
        }

        public byte[] content() {
            return java.util.Base64.getDecoder().decode(base64);
        }
    }

    public enum Channel { HTTP, MAIL }

    /** A JSON POST (chat webhooks, SMS gateways take their own bodies: use {@link #http}). */
    public static OutboundMessage json(String url, String body) {
        return http("POST", url, Map.of("Content-Type", "application/json"), body, null, null);
    }

    /** A JSON POST signed per Standard Webhooks with the secrets of {@code signingRef}. */
    public static OutboundMessage signedWebhook(String url, String body, String signingRef) {
        return http("POST", url, Map.of("Content-Type", "application/json"), body, Objects.requireNonNull(signingRef), null);
    }

    public static OutboundMessage http(String method, String url, Map<String, String> headers, String body, String signingRef,
                                       String credential) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return new OutboundMessage(Channel.HTTP, method, url, headers == null ? Map.of() : Map.copyOf(headers), body,
                signingRef, credential, null, null, null, null, null, null);
    }

    public static OutboundMessage mail(String to, String subject, String text, String html) {
        return mail(to, subject, text, html, null);
    }

    /** A mail with files attached (a report's PDF). */
    public static OutboundMessage mail(String to, String subject, String text, String html, java.util.List<Attachment> attachments) {
        return new OutboundMessage(Channel.MAIL, null, null, null, null, null, null, Objects.requireNonNull(to),
                subject, text, html, null, attachments == null || attachments.isEmpty() ? null : java.util.List.copyOf(attachments));
    }

    /** This request, its delivered answer's body kept for the outcome handler (at most {@value SendResult#KEPT_BODY_LIMIT} characters). */
    public OutboundMessage keepingResponse() {
        return new OutboundMessage(channel, method, url, headers, body, signingRef, credential, to, subject, text, html, Boolean.TRUE, attachments);
    }

    public boolean keepsResponse() {
        return Boolean.TRUE.equals(keepResponse);
    }

    /** Where it goes, as the history shows it: scheme, host and path of a URL (no query), or the address. */
    public String destination() {
        if (channel == Channel.MAIL) {
            return to;
        }
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getPath() == null ? "" : uri.getPath());
    }
}
