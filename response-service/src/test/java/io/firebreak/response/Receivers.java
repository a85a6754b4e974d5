package io.firebreak.response;

import io.firebreak.testing.TestReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One real HTTP receiver for every response test: chat webhooks, signed webhooks and the
 * Twilio-compatible SMS/voice API (under {@code /twilio}) all land on it.
 */
@QuarkusTestResource(Receivers.class)
public class Receivers implements QuarkusTestResourceLifecycleManager {

    public static final TestReceiver RECEIVER = new TestReceiver();
    public static final String TWILIO_MESSAGES = "/twilio/2010-04-01/Accounts/ACtest/Messages.json";
    public static final String TWILIO_CALLS = "/twilio/2010-04-01/Accounts/ACtest/Calls.json";

    @Override
    public Map<String, String> start() {
        return Map.of("firebreak.response.twilio.base-url", RECEIVER.url("/twilio"),
                "firebreak.response.chat.slack-response-url-prefix", RECEIVER.url("/slack-replies/"));
    }

    @Override
    public void stop() {
        // The receiver lives as long as the test JVM; the next application start reuses it.
    }
}
