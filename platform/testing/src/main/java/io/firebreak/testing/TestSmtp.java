package io.firebreak.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the test run (GreenMail, over TCP on a free port): services send mail to it
 * with the Quarkus mailer, and tests read what was delivered. One per JVM, like the database and broker.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {
    }

    public static synchronized int start() {
        if (server == null) {
            ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new GreenMail(setup);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server.getSmtp().getPort();
    }

    /** Every message delivered so far to {@code address}. */
    public static List<MimeMessage> messagesTo(String address) {
        start();
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for SMTP", e);
        }
    }
}
