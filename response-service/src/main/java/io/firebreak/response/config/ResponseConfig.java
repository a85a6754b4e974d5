package io.firebreak.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed settings of the response service ({@code firebreak.response.*}). */
@ConfigMapping(prefix = "firebreak.response")
public interface ResponseConfig {

    /** Where people reach this service from outside (the gateway), for the links in pages. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Plain-http webhook URLs are refused unless allowed (local stack and tests run receivers on http). */
    @WithDefault("false")
    boolean allowHttpWebhooks();

    /** How long a verification code is good for. */
    @WithDefault("15m")
    Duration verificationTtl();

    /** Wrong codes before a new one must be requested. */
    @WithDefault("5")
    int verificationAttempts();

    Twilio twilio();

    /** The Twilio-compatible SMS/voice API; its credential is {@code firebreak.delivery.credentials.twilio}. */
    interface Twilio {

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        /** The sending number (E.164). */
        Optional<String> from();
    }
}
