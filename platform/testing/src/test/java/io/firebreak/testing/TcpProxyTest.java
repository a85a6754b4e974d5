package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    /**
     * A client keeps connecting while the proxy refuses: whatever got through before must be cut, so a test that
     * refuses "the database" right after a send can rely on the next statement failing (OutboxFaultsTest once saw
     * its relay mark a row after the cut, through a connection accepted while refuse() ran).
     */
    @Test
    void noConnectionAcceptedWhileTheProxyRefusesOutlivesTheRefusal() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serveEcho(echo), "echo");
            server.setDaemon(true);
            server.start();
            for (int round = 0; round < 30; round++) {
                TcpProxy proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort()).accept();
                List<Socket> clients = new CopyOnWriteArrayList<>();
                Thread connector = new Thread(() -> {
                    while (true) {
                        try {
                            clients.add(new Socket(InetAddress.getLoopbackAddress(), proxy.port()));
                        } catch (IOException refused) {
                            return;
                        }
                    }
                });
                connector.start();
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4));
                proxy.refuse();
                connector.join(5_000);
                for (Socket client : clients) {
                    assertThat(answers(client)).as("round %d: a connection made through the proxy still works after refuse()", round)
                            .isFalse();
                    client.close();
                }
            }
        }
    }

    /** Whether a byte written comes back: the connection still reaches the echo server. */
    private static boolean answers(Socket client) {
        try {
            client.setSoTimeout(2_000);
            OutputStream out = client.getOutputStream();
            out.write(7);
            out.flush();
            return client.getInputStream().read() == 7;
        } catch (SocketTimeoutException e) {
            return true; // open but silent: not cut either
        } catch (IOException e) {
            return false;
        }
    }

    private static void serveEcho(ServerSocket echo) {
        while (!echo.isClosed()) {
            try {
                Socket s = echo.accept();
                Thread t = new Thread(() -> {
                    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        int b;
                        while ((b = in.read()) >= 0) {
                            out.write(b);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // the proxy cut it
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
