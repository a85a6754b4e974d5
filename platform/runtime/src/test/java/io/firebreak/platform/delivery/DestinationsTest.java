package io.firebreak.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs aimed at the service's own network are refused unless allowed. */
class DestinationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.8.9.10/", "https://10.0.0.5/", "https://172.16.3.4/",
            "https://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "https://0.0.0.0/", "https://100.64.0.1/",
            "https://224.0.0.1/", "https://[::1]/", "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://[::]/",
            "https://localhost:8443/", "https://api.localhost/", "https://printer.local/", "https://db.internal/",
            "https://LOCALHOST/", "https://[::ffff:127.0.0.1]/", "https://999.1.1.1/", "https://10.1/", "https://2130706433/"})
    void internalOrMalformedLiteralDestinationsAreRefused(String url) {
        assertThat(Destinations.refusal(URI.create(url), false)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T/B/X", "https://8.8.8.8/", "https://100.128.0.1/",
            "https://172.32.0.1/", "https://[2001:db8::1]/", "https://chat.example.com/hooks/abc", "https://internal.example.com/"})
    void publicDestinationsAreAccepted(String url) {
        assertThat(Destinations.refusal(URI.create(url), false)).as(url).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/pager", "https://localhost/", "https://10.1.2.3/"})
    void aLocalStackMayAllowItsOwnReceivers(String url) {
        assertThat(Destinations.refusal(URI.create(url), true)).as(url).isNull();
    }
}
