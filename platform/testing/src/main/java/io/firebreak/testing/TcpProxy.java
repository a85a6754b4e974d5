package io.firebreak.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a real server, for network faults in tests: {@link #refuse()}
 * closes the listening port (connects are refused, as when the server is down), {@link #accept()}
 * opens it again on the same port, {@link #cut()} drops every open connection. Clients that connect
 * to the address they were given (PostgreSQL does; Kafka does not, it follows advertised listeners)
 * see the faults for real.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A proxy to {@code targetHost:targetPort} on a free loopback port, refusing until {@link #accept()}. */
    public static TcpProxy to(String targetHost, int targetPort) {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return new TcpProxy(targetHost, targetPort, probe.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts accepting connections and forwarding them. */
    public synchronized TcpProxy accept() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    // Registered under the lock refuse() holds: a connection accepted while refuse() runs is either
                    // dropped by its cut() or closed here, never left open past it (a test once saw one survive).
                    if (!register(client, listening)) {
                        continue;
                    }
                    Socket upstream = new Socket(targetHost, targetPort);
                    if (!register(upstream, listening) || client.isClosed()) {
                        client.close();
                        upstream.close();
                        continue;
                    }
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by refuse() or close(), or the target refused: the client sees a dropped connection
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Keeps a socket for cut(), unless the port it came through was closed meanwhile (then closes it). */
    private synchronized boolean register(Socket socket, ServerSocket listening) throws IOException {
        if (server != listening) {
            socket.close();
            return false;
        }
        sockets.add(socket);
        return true;
    }

    /** Closes the listening port (new connects are refused) and drops open connections. */
    public synchronized void refuse() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
            server = null;
        }
        cut();
    }

    /** Drops every open connection, keeping the port open for new ones. */
    public void cut() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.clear();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        refuse();
    }
}
