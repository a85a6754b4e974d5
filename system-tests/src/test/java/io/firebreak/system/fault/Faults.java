package io.firebreak.system.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Injects the faults into the local stack with its own commands — {@code deploy/local/fault} to break,
 * {@code deploy/local/up} (which starts again whatever is not running) to recover — and keeps their timeline.
 */
final class Faults {

    /** One fault: what, when (seconds since the load started), how long until {@code up} had everything ready again. */
    record Injected(String what, double atSecond, double recoverySeconds, boolean recovered) {
    }

    private final Path repo;
    private final Path logs;
    private final Instant origin;
    private final List<Injected> injected = new ArrayList<>();

    Faults(Path repo, Path logs, Instant origin) throws IOException {
        this.repo = repo;
        this.logs = Files.createDirectories(logs);
        this.origin = origin;
    }

    List<Injected> injected() {
        return injected;
    }

    /** SIGKILL of one component (a service instance, kafka), then {@code up}. */
    void kill(String name) throws Exception {
        Instant at = Instant.now();
        run("kill-" + name, "deploy/local/fault", "kill", name);
        boolean ok = run("up-after-" + name, "deploy/local/up");
        record("kill -9 " + name, at, ok);
    }

    /** PostgreSQL stopped in immediate mode and started (crash recovery). */
    void postgresCrash() throws Exception {
        Instant at = Instant.now();
        boolean ok = run("postgres-crash", "deploy/local/fault", "postgres-crash");
        record("PostgreSQL immediate-mode restart", at, ok);
    }

    void receiverDown(PageReceiver receiver, Duration down) throws Exception {
        Instant at = Instant.now();
        receiver.down();
        Thread.sleep(down.toMillis());
        receiver.up();
        record("paging receiver down " + down.toSeconds() + " s", at, true);
    }

    private synchronized void record(String what, Instant at, boolean ok) {
        injected.add(new Injected(what, Duration.between(origin, at).toMillis() / 1000.0,
                Duration.between(at, Instant.now()).toMillis() / 1000.0, ok));
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
