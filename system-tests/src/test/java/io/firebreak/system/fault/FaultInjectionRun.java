package io.firebreak.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The fault run (docs/reliability.md), not a test of ./mvnw verify: run by {@code system-tests/bench/fault-run}
 * against the running local stack. A steady alert load through the gateway over several hundred alert groups (each
 * its own tier-2 service, so each critical group declares one P2 of its own), paged by webhook to two people of a
 * team of the run's own — level 1, then level 2 after a one-minute window; half of the incidents are acknowledged by
 * the page's link — while the plan's faults strike one after the other: {@code kill -9} of service instances (each
 * restarted by {@code deploy/local/up}), a graceful stop (SIGTERM, a rolling deploy's) of each service, {@code kill -9}
 * of the Kafka broker, a PostgreSQL immediate-mode restart, and the paging
 * receiver down for a while. Then it waits until the stack is quiet and accounts, from the services' APIs, the
 * topics and the receiver: no accepted alert lost, one incident per group, no page twice, every page delivered,
 * every unacknowledged incident escalated, DLQs and outboxes empty, consumers caught up. Settings: {@code fault.*}.
 */
class FaultInjectionRun {

    private static final String GATEWAY = System.getProperty("fault.gateway", "http://127.0.0.1:8080");
    private static final String KEYCLOAK = System.getProperty("fault.keycloak", "http://127.0.0.1:8180");
    private static final String KAFKA = System.getProperty("fault.kafka", "127.0.0.1:19092");
    private static final String DB = System.getProperty("fault.db", "jdbc:postgresql://127.0.0.1:15432/firebreak");
    private static final int RATE = Integer.getInteger("fault.rate", 200);
    private static final int SECONDS = Integer.getInteger("fault.seconds", 300);
    private static final int GROUPS = Integer.getInteger("fault.groups", 300);
    /** Faults in order: instance names of .state/instances, kafka, postgres; empty means the full plan (every service, broker, database). */
    private static final String PLAN = System.getProperty("fault.plan", "");
    private static final int FIRST_FAULT_AT = Integer.getInteger("fault.first-at", 15);
    private static final int RECEIVER_DOWN_AT = Integer.getInteger("fault.receiver-down-at", 60);
    private static final int RECEIVER_DOWN_FOR = Integer.getInteger("fault.receiver-down-for", 60);
    private static final int QUIET_WITHIN = Integer.getInteger("fault.quiet-within", 600);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Path repo = Path.of(System.getProperty("firebreak.repo.root", "..")).toAbsolutePath().normalize();
    private final Api api = new Api(GATEWAY, KEYCLOAK);

    @Test
    void noAcceptedAlertIsLostAndNothingHappensTwiceUnderFaults() throws Exception {
        Instant since = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String first = "fault-a-" + run;
        String second = "fault-b-" + run;
        List<String> plan = plan();
        System.out.printf("[fault-run] run %s: %d alerts/s for %d s over %d groups; faults %s%n", run, RATE, SECONDS, GROUPS, plan);

        Map<String, Integer> indexOf = new HashMap<>();
        try (PageReceiver receiver = new PageReceiver(service -> indexOf.getOrDefault(service, 1) % 2 == 0);
             Backlogs backlogs = new Backlogs(KAFKA, DB)) {
            List<AlertLoad.Group> groups = setUp(run, receiver.url(), indexOf);
            Map<String, Long> dlqBefore = backlogs.deadLetters();

            AlertLoad load = new AlertLoad(GATEWAY, groups);
            ScheduledExecutorService clock = load.start(RATE);
            Faults faults = new Faults(repo, repo.resolve("system-tests/target/fault-run-logs"), load.started(), KAFKA);
            Thread receiverFault = new Thread(() -> {
                try {
                    Thread.sleep(RECEIVER_DOWN_AT * 1000L);
                    faults.receiverDown(receiver, Duration.ofSeconds(RECEIVER_DOWN_FOR));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (RECEIVER_DOWN_FOR > 0) {
                receiverFault.start();
            }
            Thread.sleep(FIRST_FAULT_AT * 1000L);
            for (String target : plan) {
                if (target.equals("postgres")) {
                    faults.postgresCrash();
                } else if (target.startsWith("stop:")) {
                    faults.stop(target.substring("stop:".length()));
                } else {
                    faults.kill(target);
                }
                Thread.sleep(5_000);
            }
            // The load outlasts the last fault by 15 s at least, so recovery is seen under load.
            long until = Math.max(SECONDS * 1000L, Duration.between(load.started(), Instant.now()).toMillis() + 15_000);
            Thread.sleep(Math.max(0, until - Duration.between(load.started(), Instant.now()).toMillis()));
            load.stop();
            clock.shutdown();
            load.drain();
            receiverFault.join();
            Instant loadEnded = Instant.now();
            System.out.println("[fault-run] load stopped; waiting for the stack to be quiet");

            Quiet quiet = waitQuiet(backlogs, since, loadEnded);
            Ledger ledger = account(groups, load, receiver, first, second, indexOf);
            Map<String, Long> dlqAfter = backlogs.deadLetters();
            Map<String, Long> dlqNew = new LinkedHashMap<>();
            dlqAfter.forEach((t, n) -> {
                long added = n - dlqBefore.getOrDefault(t, 0L);
                if (added != 0) {
                    dlqNew.put(t, added);
                }
            });
            String report = report(run, plan, load, groups, faults, receiver, ledger, quiet, dlqNew, loadEnded);
            Files.writeString(repo.resolve("system-tests/target/fault-run.txt"), report);
            System.out.println(report);

            assertThat(faults.injected()).as("every fault recovered").allMatch(Faults.Injected::recovered);
            assertThat(ledger.accepted).as("alerts accepted").isPositive();
            assertThat(ledger.lost).as("accepted alerts not stored").isZero();
            assertThat(ledger.storedBeyondUnknown).as("stored alerts beyond those accepted or of unknown outcome (double counting)").isZero();
            assertThat(ledger.withoutIncident).as("groups without an incident").isEmpty();
            assertThat(ledger.duplicateIncidents).as("incidents beyond one per group").isZero();
            assertThat(ledger.doublePages).as("pages twice for one person, level and incident").isZero();
            assertThat(receiver.pagesDeliveredTwice()).as("pages delivered under two delivery ids").isZero();
            assertThat(ledger.undelivered).as("pages not delivered").isEmpty();
            assertThat(ledger.notReceived).as("pages the receiver never got").isEmpty();
            assertThat(ledger.lostEscalations).as("unacknowledged incidents not escalated to level 2").isEmpty();
            assertThat(ledger.lostAcknowledgements).as("acknowledged by link but not acknowledged").isEmpty();
            assertThat(ledger.pagedAfterAcknowledgement).as("pages triggered after the acknowledgement").isEmpty();
            assertThat(dlqNew).as("records dead-lettered during the run").isEmpty();
            assertThat(quiet.reached).as("stack quiet (lag 0, outboxes and deliveries drained) within %d s", QUIET_WITHIN).isTrue();
        }
    }

    /**
     * The faults: fault.plan (names; {@code stop:NAME} for a graceful stop), or {@code kill -9} of one instance of every
     * service (intake first), then a graceful stop of one of each, the broker and the database.
     */
    private List<String> plan() throws Exception {
        if (!PLAN.isBlank()) {
            return List.of(PLAN.split(","));
        }
        List<String> plan = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String line : Files.readAllLines(repo.resolve("deploy/local/.state/instances"))) {
            String[] f = line.split(" ");
            String kind = f[1] + "/" + f[4];
            if (!seen.contains(kind)) {
                seen.add(kind);
                plan.add(f[0]);
            }
        }
        plan.sort((a, b) -> Boolean.compare(!a.contains("intake"), !b.contains("intake")));
        plan.addAll(plan.stream().map(name -> "stop:" + name).toList());
        plan.add("kafka");
        plan.add("postgres");
        return plan;
    }

    /** A team paged by its own policy (two levels, one-minute P2 window); per group a tier-2 service and its key. */
    private List<AlertLoad.Group> setUp(String run, String receiverUrl, Map<String, Integer> indexOf) throws Exception {
        PagedTeam pagers = new PagedTeam(api, DB, run);
        pagers.create(receiverUrl);
        List<AlertLoad.Group> groups = pagers.services("fault-" + run, GROUPS, 2, 0);
        groups.forEach(g -> indexOf.put(g.service(), g.index()));
        pagers.awaitKnown(GROUPS);
        return groups;
    }

    private static Response expect(Response r, int status) {
        assertThat(r.statusCode()).as("%s", r.asString()).isEqualTo(status);
        return r;
    }

    record Quiet(boolean reached, double seconds, Map<String, Long> lag, Map<String, long[]> outboxes) {
    }

    /** Until consumers have caught up, outboxes and deliveries are drained, and the escalation window has passed. */
    private Quiet waitQuiet(Backlogs backlogs, Instant since, Instant loadEnded) throws Exception {
        Instant giveUp = loadEnded.plusSeconds(QUIET_WITHIN);
        Instant windowPassed = loadEnded.plus(WINDOW).plusSeconds(30);
        Map<String, Long> lag = Map.of();
        Map<String, long[]> outboxes = Map.of();
        int quietChecks = 0;
        while (Instant.now().isBefore(giveUp)) {
            try {
                lag = backlogs.lag();
                outboxes = backlogs.outboxes(since);
            } catch (Exception e) {
                System.out.println("[fault-run] backlog not readable yet: " + e.getMessage());
                Thread.sleep(5_000);
                continue;
            }
            boolean quiet = lag.values().stream().allMatch(n -> n == 0)
                    && outboxes.values().stream().allMatch(r -> r[0] == 0 && r[2] == 0)
                    && Instant.now().isAfter(windowPassed);
            quietChecks = quiet ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return new Quiet(true, Duration.between(loadEnded, Instant.now()).toMillis() / 1000.0, lag, outboxes);
            }
            Thread.sleep(5_000);
        }
        System.out.print("[fault-run] not quiet; lag explained:\n" + backlogs.explainLag(lag));
        return new Quiet(false, QUIET_WITHIN, lag, outboxes);
    }

    /** What the accounting found. */
    static final class Ledger {
        long sent;
        long accepted;
        long refused;
        long unknown;
        long notSent;
        long stored;
        long lost;
        long storedBeyondUnknown;
        long storedOfUnknown;
        long incidents;
        long duplicateIncidents;
        long pages;
        long doublePages;
        long escalated;
        long acknowledged;
        final List<String> withoutIncident = new ArrayList<>();
        final List<String> undelivered = new ArrayList<>();
        final List<String> notReceived = new ArrayList<>();
        final List<String> lostEscalations = new ArrayList<>();
        final List<String> lostAcknowledgements = new ArrayList<>();
        final List<String> pagedAfterAcknowledgement = new ArrayList<>();
    }

    /** From the services' APIs (alert groups, incidents, paging) and the receiver's record. */
    private Ledger account(List<AlertLoad.Group> groups, AlertLoad load, PageReceiver receiver, String first, String second,
                           Map<String, Integer> indexOf) {
        Ledger l = new Ledger();
        for (AlertLoad.Group g : groups) {
            AlertLoad.Tally t = load.tally(g.index());
            l.sent += t.sent.get();
            l.accepted += t.accepted.get();
            l.refused += t.refused.get();
            l.unknown += t.unknown.get();
            l.notSent += t.notSent.get();
            JsonPath found = expect(api.call("viewer", "GET", "/api/v1/classification/alert-groups?service=" + g.service(), null), 200).jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            int stored = items.stream().filter(i -> g.dedupKey().equals(i.get("dedupKey"))).mapToInt(i -> (Integer) i.get("signalCount")).sum();
            l.stored += stored;
            l.lost += Math.max(0, t.accepted.get() - stored);
            l.storedOfUnknown += Math.max(0, Math.min(stored - t.accepted.get(), t.unknown.get()));
            l.storedBeyondUnknown += Math.max(0, stored - t.accepted.get() - t.unknown.get());
            String incident = items.stream().filter(i -> g.dedupKey().equals(i.get("dedupKey"))).map(i -> (String) i.get("incidentId"))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            int total = expect(api.call("viewer", "GET", "/api/v1/classification/incidents?businessService=" + g.service(), null), 200)
                    .jsonPath().getInt("total");
            l.incidents += total;
            l.duplicateIncidents += Math.max(0, total - 1);
            if (incident == null) {
                l.withoutIncident.add(g.service());
                continue;
            }
            JsonPath paging = expect(api.call("admin", "GET", "/api/v1/response/incidents/" + incident + "/paging", null), 200).jsonPath();
            List<Map<String, Object>> pages = paging.getList("pages");
            String ackAt = paging.getString("acknowledgedAt");
            Map<String, Integer> once = new HashMap<>();
            boolean levelTwo = false;
            for (Map<String, Object> p : pages) {
                l.pages++;
                String slot = p.get("level") + "/" + p.get("round") + "/" + p.get("person");
                if (once.merge(slot, 1, Integer::sum) > 1) {
                    l.doublePages++;
                }
                String status = (String) p.get("status");
                if (p.get("deliveredAt") == null && !(status.equals("CANCELLED") && ackAt != null)) {
                    l.undelivered.add(incident + "/" + p.get("id") + " " + status);
                }
                if (p.get("deliveredAt") != null && !receiver.pages().containsKey((String) p.get("id"))) {
                    l.notReceived.add(incident + "/" + p.get("id"));
                }
                if (((Integer) p.get("level")) == 1 && second.equals(p.get("person"))) {
                    levelTwo = true;
                }
                if (ackAt != null && Instant.parse((String) p.get("triggeredAt")).isAfter(Instant.parse(ackAt))) {
                    l.pagedAfterAcknowledgement.add(incident + "/" + p.get("id"));
                }
            }
            boolean toAcknowledge = indexOf.get(g.service()) % 2 == 0;
            if (ackAt != null) {
                l.acknowledged++;
            }
            if (levelTwo) {
                l.escalated++;
            }
            if (toAcknowledge && "HTTP 200".equals(receiver.ackOutcomes().get(incident)) && ackAt == null) {
                l.lostAcknowledgements.add(incident);
            }
            if (ackAt == null && !levelTwo) {
                l.lostEscalations.add(incident + " (" + g.service() + ")");
            }
        }
        return l;
    }

    private String report(String run, List<String> plan, AlertLoad load, List<AlertLoad.Group> groups, Faults faults, PageReceiver receiver,
                          Ledger l, Quiet quiet, Map<String, Long> dlqNew, Instant loadEnded) throws Exception {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "# Fault run %s, %s%n", run, Instant.now()));
        r.append(String.format(Locale.ROOT, "stack: %s%n", Files.readAllLines(repo.resolve("deploy/local/.state/instances")).stream()
                .map(s -> s.split(" ")[0]).toList()));
        r.append(String.format(Locale.ROOT, "load: %d alerts/s offered for %.0f s over %d groups (each its own tier-2 service)%n", RATE,
                Duration.between(load.started(), loadEnded).toMillis() / 1000.0, groups.size()));
        r.append("\n## Faults (second of the load; up = until deploy/local/up had everything ready again; component = until the struck"
                + " instance's readiness answered 200 or the broker's port accepted; boot = Quarkus' own 'started in'; intake = seconds"
                + " from the fault to the last second with an alert not answered 202 before the next fault)\n");
        int loadSeconds = (int) Duration.between(load.started(), loadEnded).toSeconds();
        List<Faults.Injected> injected = faults.injected().stream().sorted(Comparator.comparingDouble(Faults.Injected::atSecond)).toList();
        for (int i = 0; i < injected.size(); i++) {
            Faults.Injected f = injected.get(i);
            int from = (int) f.atSecond();
            int to = i + 1 < injected.size() ? (int) injected.get(i + 1).atSecond() : loadSeconds;
            int lastFailed = -1;
            for (int sec = from; sec < to; sec++) {
                if (load.failedAt(sec) > 0) {
                    lastFailed = sec;
                }
            }
            r.append(String.format(Locale.ROOT, "- %s at %.0f s: up %.0f s%s%s%s; intake %s%n", f.what(), f.atSecond(), f.recoverySeconds(),
                    !Double.isNaN(f.componentReadySeconds()) ? String.format(Locale.ROOT, ", component %.1f s", f.componentReadySeconds())
                            : f.what().startsWith("kill") ? ", component NOT ready" : "",
                    Double.isNaN(f.bootSeconds()) ? "" : String.format(Locale.ROOT, ", boot %.1f s", f.bootSeconds()),
                    f.recovered() ? "" : " — NOT RECOVERED",
                    lastFailed < 0 ? "every alert 202" : "not all 202 until +" + (lastFailed - from + 1) + " s"));
        }
        r.append("\n## Alerts\n");
        r.append(String.format(Locale.ROOT, "sent %d: accepted (202) %d, refused (429) %d, unknown outcome (5xx, timeout, reset) %d,"
                + " not sent (client at its in-flight cap) %d%n", l.sent, l.accepted, l.refused, l.unknown, l.notSent));
        r.append(String.format(Locale.ROOT, "stored (alert groups' signal counts) %d: accepted and lost %d; stored of unknown outcome %d;"
                + " stored beyond accepted + unknown %d%n", l.stored, l.lost, l.storedOfUnknown, l.storedBeyondUnknown));
        r.append("errors by kind: ").append(load.errors()).append('\n');
        r.append("\n## Incidents and pages\n");
        r.append(String.format(Locale.ROOT, "incidents %d for %d groups: groups without one %d, duplicates %d%n", l.incidents, groups.size(),
                l.withoutIncident.size(), l.duplicateIncidents));
        r.append(String.format(Locale.ROOT, "pages %d (double %d, undelivered %d, never received %d); acknowledged by link %d;"
                        + " escalated to level 2 %d; unacknowledged and not escalated %d; paged after acknowledgement %d%n",
                l.pages, l.doublePages, l.undelivered.size(), l.notReceived.size(), l.acknowledged, l.escalated, l.lostEscalations.size(),
                l.pagedAfterAcknowledgement.size()));
        r.append(String.format(Locale.ROOT, "receiver: %d deliveries, %d distinct pages, %d redeliveries of one delivery id (a retry"
                + " whose 2xx was not recorded; receivers dedupe by webhook-id), %d pages under two delivery ids%n", receiver.deliveries(),
                receiver.pages().size(), receiver.redeliveries(), receiver.pagesDeliveredTwice()));
        r.append("\n## Backlogs\n");
        r.append(String.format(Locale.ROOT, "quiet %s %.0f s after the load stopped; consumer lag %s%n", quiet.reached() ? "reached" : "NOT reached",
                quiet.seconds(), quiet.lag()));
        quiet.outboxes().forEach((schema, row) -> r.append(String.format(Locale.ROOT,
                "%s: outbox unpublished %d, parked %d; deliveries pending %d, dead %d (to destinations failing before the run, not"
                + " counted: %d)%n", schema, row[0], row[1], row[2], row[3], row[4])));
        r.append("records dead-lettered during the run: ").append(dlqNew.isEmpty() ? "none" : dlqNew).append('\n');
        r.append("\n## Intake per 10 s (accepted / not accepted)\n");
        int seconds = (int) Duration.between(load.started(), loadEnded).toSeconds();
        for (int s = 0; s < seconds; s += 10) {
            long ok = 0;
            long bad = 0;
            for (int i = s; i < Math.min(s + 10, seconds + 1); i++) {
                ok += load.acceptedAt(i);
                bad += load.failedAt(i);
            }
            r.append(String.format(Locale.ROOT, "%4d s: %6d / %d%n", s, ok, bad));
        }
        for (List<String> problems : List.of(l.withoutIncident, l.undelivered, l.notReceived, l.lostEscalations, l.lostAcknowledgements,
                l.pagedAfterAcknowledgement)) {
            problems.stream().limit(10).forEach(p -> r.append("problem: ").append(p).append('\n'));
        }
        return r.toString();
    }
}
