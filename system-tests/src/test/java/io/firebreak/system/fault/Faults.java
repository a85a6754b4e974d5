package io.firebreak.system.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Injects the faults into the local stack with its own commands — {@code deploy/local/fault} to break,
 * {@code deploy/local/up} (which starts again whatever is not running) to recover — and keeps their timeline.
 * Beside {@code up}'s own wait (every instance ready, the demo data re-seeded), it times the struck component alone:
 * a service instance until its readiness check answers 200, the broker until it accepts connections again — so a
 * slow recovery can be told apart from a slow {@code up}.
 */
final class Faults {

    /**
     * One fault: what, when (seconds since the load started), until {@code up} had everything ready again, until the
     * struck component itself was ready (NaN where that is not separate, e.g. PostgreSQL), and the JVM's own start
     * time as Quarkus logged it (NaN where not a service).
     */
    record Injected(String what, double atSecond, double recoverySeconds, boolean recovered, double componentReadySeconds,
                    double bootSeconds) {
    }

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final Path repo;
    private final Path logs;
    private final Instant origin;
    private final String kafka;
    private final List<Injected> injected = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Faults(Path repo, Path logs, Instant origin, String kafka) throws IOException {
        this.repo = repo;
        this.logs = Files.createDirectories(logs);
        this.origin = origin;
        this.kafka = kafka;
    }

    List<Injected> injected() {
        return injected;
    }

    /** SIGKILL of one component (a service instance, kafka), then {@code up}. */
    void kill(String name) throws Exception {
        strikeAndRestart("kill -9 " + name, name, "kill");
    }

    /**
     * SIGTERM of one service instance (its shutdown runs: what a rolling deploy does to a pod), then {@code up}. A
     * consumer still working through fetched records when its pool closes must leave them to the next owner, not
     * dead-letter them.
     */
    void stop(String name) throws Exception {
        strikeAndRestart("graceful stop (SIGTERM) " + name, name, "stop");
    }

    private void strikeAndRestart(String label, String name, String fault) throws Exception {
        Instant at = Instant.now();
        run(fault + "-" + name, "deploy/local/fault", fault, name);
        CompletableFuture<Double> component = CompletableFuture.supplyAsync(() -> untilReady(name, at));
        boolean ok = run("up-after-" + fault + "-" + name, "deploy/local/up");
        // up may give up (its own per-instance limit) before the component is ready: then it is reported as not ready.
        double ready = component.completeOnTimeout(Double.NaN, 1, TimeUnit.MINUTES).join();
        record(label, at, ok, ready, bootSeconds(repo.resolve("deploy/local/.state/logs/" + name + ".log")));
    }

    /** PostgreSQL stopped in immediate mode and started (crash recovery). */
    void postgresCrash() throws Exception {
        Instant at = Instant.now();
        boolean ok = run("postgres-crash", "deploy/local/fault", "postgres-crash");
        record("PostgreSQL immediate-mode restart", at, ok, Double.NaN, Double.NaN);
    }

    void receiverDown(PageReceiver receiver, Duration down) throws Exception {
        Instant at = Instant.now();
        receiver.down();
        Thread.sleep(down.toMillis());
        receiver.up();
        record("paging receiver down " + down.toSeconds() + " s", at, true, Double.NaN, Double.NaN);
    }

    /** Seconds from {@code at} until the component answers again (its readiness check, or the broker's port); NaN if never within 10 min. */
    private double untilReady(String name, Instant at) {
        Instant deadline = at.plus(Duration.ofMinutes(10));
        Optional<Integer> port = name.equals("kafka") ? Optional.empty() : servicePort(name);
        while (Instant.now().isBefore(deadline)) {
            if (name.equals("kafka") ? brokerListening() : port.map(this::ready).orElse(false)) {
                return Duration.between(at, Instant.now()).toMillis() / 1000.0;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private Optional<Integer> servicePort(String name) {
        try {
            return Files.readAllLines(repo.resolve("deploy/local/.state/instances")).stream().map(l -> l.split(" "))
                    .filter(f -> f[0].equals(name)).map(f -> Integer.parseInt(f[3])).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean brokerListening() {
        String[] hostPort = kafka.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The "started in N s" Quarkus logged in the instance's log (up starts it with a fresh one), NaN if none. */
    private static double bootSeconds(Path log) {
        try {
            if (!Files.exists(log)) {
                return Double.NaN;
            }
            Matcher m = STARTED_IN.matcher(Files.readString(log, java.nio.charset.StandardCharsets.UTF_8));
            double seconds = Double.NaN;
            while (m.find()) {
                seconds = Double.parseDouble(m.group(1));
            }
            return seconds;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private synchronized void record(String what, Instant at, boolean ok, double componentReady, double boot) {
        injected.add(new Injected(what, Duration.between(origin, at).toMillis() / 1000.0,
                Duration.between(at, Instant.now()).toMillis() / 1000.0, ok, componentReady, boot));
        System.out.printf("[fault-run] %s at %.0f s: %s%n", what, Duration.between(origin, at).toMillis() / 1000.0,
                ok ? "recovered" : "NOT recovered (see " + logs + ")");
    }

    private boolean run(String label, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(logs.resolve(label + ".log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
