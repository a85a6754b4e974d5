package io.firebreak.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.system.fault.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * The API fuzz run (docs/reliability.md, "Fuzzing every API"), not a test of ./mvnw verify: run by
 * {@code system-tests/bench/api-fuzz} against the running local stack, through the gateway only. For every operation
 * of every service's OpenAPI document: once without a token and once with a forged one (401 where the operation is
 * secured), then {@code fuzz.tries} times with a real token of a holder of its roles and hostile input — ids that are
 * not ids, hostile query values, mutated and malformed bodies (see {@link Bodies}, {@link HostileValues}). Passes
 * when nothing answered 5xx and every error was RFC 9457 problem+json carrying its status. Reproducible by
 * {@code fuzz.seed}; report in system-tests/target/api-fuzz.txt.
 */
class ApiFuzzRun {

    private static final String GATEWAY = System.getProperty("fuzz.gateway", "http://127.0.0.1:8080");
    private static final String KEYCLOAK = System.getProperty("fuzz.keycloak", "http://127.0.0.1:8180");
    private static final int TRIES = Integer.getInteger("fuzz.tries", 20);
    /** Longer than any request timeout of the stack (the gateway gives up on a service after 30 s). */
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(60);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final List<String> CONTEXTS = List.of(System.getProperty("fuzz.contexts",
            "classification,response,comms,change,review,metrics").split(","));
    private static final Set<String> USERS = Set.of("viewer", "responder", "incident-commander", "comms-lead", "tech-lead",
            "service-owner", "change-approver", "executive", "auditor", "admin");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Api api = new Api(GATEWAY, KEYCLOAK);
    private final Random random = new Random(SEED);
    private final Ids ids = new Ids(http, GATEWAY, () -> api.token("admin"));
    private HostileValues values;
    private Bodies bodies;
    /** Whether the last request's path was filled with harvested ids (all of them real). */
    private boolean realPath;

    @Test
    void noOperationAnswers5xxAndEveryErrorIsProblemJsonAndSecuredOnesWant401WithoutAToken() throws Exception {
        JqwikSession.start();
        try {
            values = new HostileValues(random);
            bodies = new Bodies(values);
            run();
        } finally {
            JqwikSession.finish();
        }
    }

    private void run() throws Exception {
        System.out.printf("[api-fuzz] seed %d, %d tries per operation, contexts %s%n", SEED, TRIES, CONTEXTS);
        Instant start = Instant.now();
        List<Exchange> failures = new ArrayList<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (String context : CONTEXTS) {
            Tally tally = tallies.computeIfAbsent(context, c -> new Tally());
            List<Operation> operations = OpenApi.operations(http, GATEWAY, context);
            ids.harvest(operations, random);
            for (Operation op : operations) {
                tally.operations++;
                // Well-formed requests, so that the token is what decides (not a size or media-type check before it).
                Exchange anonymous = send(op, null, bodies.plain(op), false);
                Exchange forged = send(op, forgedToken(), bodies.plain(op), false);
                for (Exchange e : List.of(anonymous, forged)) {
                    tally.count(e);
                    List<String> faults = new ArrayList<>(e.faults());
                    if (op.secured() && e.status() != 401 && e.status() != 429) {
                        faults.add("secured operation answered " + e.status() + " to " + (e == anonymous ? "no token" : "a forged token"));
                    }
                    fail(e, faults, failures, tally);
                }
                for (int i = 0; i < TRIES; i++) {
                    Exchange e = send(op, userFor(op), bodies.next(op), true);
                    tally.count(e);
                    if (realPath) {
                        tally.countReal(e);
                    }
                    fail(e, e.faults(), failures, tally);
                }
            }
        }
        String report = report(tallies, failures, Duration.between(start, Instant.now()))
                + String.format("Ids harvested before fuzzing: %d (from %d reads as admin)%n", ids.known(), ids.reads());
        Path out = Path.of("target/api-fuzz.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(tallies.values().stream().mapToInt(t -> t.operations).sum()).as("operations found").isGreaterThan(0);
        assertThat(failures).as("answers that broke the rules (seed %d; %s)", SEED, out.toAbsolutePath())
                .extracting(Exchange::describe).isEmpty();
    }

    private static void fail(Exchange e, List<String> faults, List<Exchange> failures, Tally tally) {
        if (!faults.isEmpty()) {
            tally.failures++;
            failures.add(e);
            System.out.println("[api-fuzz] FAIL " + faults + ": " + e.describe());
        }
    }

    /**
     * A holder of one of the operation's roles, a different one each try, so checks behind the role (the object's
     * owner, the team) are reached as different people; admin when it names none a demo user holds.
     */
    private String userFor(Operation op) {
        List<String> holders = op.roles().stream().filter(USERS::contains).toList();
        return holders.isEmpty() ? "admin" : holders.get(values.below(holders.size()));
    }

    /** {@code as}: a demo user's name, a forged token ("Bearer …" as is) or null for none. Waits out 429 (ten times). */
    private Exchange send(Operation op, String as, Bodies.Body body, boolean hostile) throws Exception {
        String uri = GATEWAY + path(op, hostile) + (hostile ? query(op) : "");
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(40))
                    .method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            if (body != null) {
                request.header("Content-Type", body.contentType());
            }
            if (hostile && values.chance(10)) {
                request.header("Accept", values.chance(50) ? "application/xml" : "text/html");
            }
            String shown = "no token";
            if (as != null) {
                boolean forged = as.startsWith("Bearer ");
                request.header("Authorization", forged ? as : "Bearer " + api.token(as));
                shown = forged ? "forged token" : as;
            }
            var answer = Answers.send(http, request.build(), ANSWER_DEADLINE);
            if (answer.isEmpty()) {
                return new Exchange(op, uri.substring(GATEWAY.length()), shown, body, Exchange.NO_ANSWER, null, null);
            }
            HttpResponse<String> r = answer.get();
            if (r.statusCode() == 429 && attempt < 10) {
                Thread.sleep(Math.min(2_000, 1_000L * r.headers().firstValueAsLong("Retry-After").orElse(1)));
                continue;
            }
            return new Exchange(op, uri.substring(GATEWAY.length()), shown, body, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null), r.body());
        }
    }

    /**
     * Half of the hostile tries of an operation with path parameters use ids that exist (harvested, see {@link Ids}),
     * so the input reaches the rules behind the lookup; the rest a schema-valid value (a quarter) or a hostile id.
     */
    private String path(Operation op, boolean hostile) {
        realPath = false;
        if (hostile && op.path().contains("{") && values.chance(50)) {
            var real = ids.fill(op, random);
            if (real.isPresent()) {
                realPath = true;
                return real.get();
            }
        }
        Matcher m = Ids.TEMPLATE.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            var declared = op.in("path").stream().filter(p -> p.name().equals(name)).findFirst();
            String value = (!hostile || values.chance(25)) && declared.isPresent()
                    ? bodies.valid(declared.get().schema(), 0).asText() : values.id();
            m.appendReplacement(path, Matcher.quoteReplacement(Ids.encode(value)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String query(Operation op) {
        List<String> pairs = new ArrayList<>();
        for (Operation.Parameter p : op.in("query")) {
            int kind = values.below(10);
            if (kind < 6) {
                pairs.add(Ids.encode(p.name()) + "=" + Ids.encode(values.text()));
            } else if (kind < 8) {
                pairs.add(Ids.encode(p.name()) + "=" + Ids.encode(bodies.valid(p.schema(), 0).asText()));
            }
        }
        if (values.chance(10)) {
            pairs.add(Ids.encode(values.text()) + "=" + Ids.encode(values.text()));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A token Keycloak never issued: right issuer and an admin role, but signed by nobody (or claiming alg none). */
    private String forgedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String alg = values.chance(50) ? "none" : "RS256";
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"fuzz\"}").getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String claims = b64.encodeToString(("{\"iss\":\"" + KEYCLOAK + "/realms/firebreak\",\"sub\":\"fuzz\",\"preferred_username\":\"admin\","
                + "\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"realm_access\":{\"roles\":[\"admin\"]}}").getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        return "Bearer " + header + "." + claims + "." + (alg.equals("none") ? "" : b64.encodeToString(signature));
    }

    private static String report(Map<String, Tally> tallies, List<Exchange> failures, Duration took) {
        StringBuilder out = new StringBuilder(String.format("API fuzz run, seed %d, %d tries per operation, %d s%n%n", SEED, TRIES, took.toSeconds()));
        out.append(String.format("%-15s %10s %9s %7s %7s %7s %9s %9s%n", "service", "operations", "requests", "2xx", "4xx", "5xx", "still-429", "failures"));
        Tally all = new Tally();
        tallies.forEach((context, t) -> {
            out.append(t.line(context));
            all.add(t);
        });
        out.append(all.line("all"));
        out.append(String.format("%nStatus codes: %s%n", all.statuses));
        out.append(String.format("Hostile requests on ids that exist: %d, answered other than 404: %d; status codes %s%n", all.real,
                all.realReached, all.realStatuses));
        out.append(String.format("Live feeds (text/event-stream) opened, judged by their headers and closed: %d%n", all.streams));
        failures.stream().limit(50).forEach(e -> out.append("FAIL ").append(e.describe()).append('\n'));
        return out.toString();
    }

    private static final class Tally {
        int operations;
        int requests;
        int ok;
        int clientErrors;
        int serverErrors;
        int limited;
        int failures;
        int real;
        int realReached;
        int streams;
        final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        final Map<Integer, Integer> realStatuses = new java.util.TreeMap<>();

        void countReal(Exchange e) {
            real++;
            realStatuses.merge(e.status(), 1, Integer::sum);
            if (e.status() != 404) {
                realReached++;
            }
        }

        void count(Exchange e) {
            requests++;
            if (Answers.EVENT_STREAM.equals(e.responseBody())) {
                streams++;
            }
            statuses.merge(e.status(), 1, Integer::sum);
            if (e.status() == Exchange.NO_ANSWER) {
                return; // no answer: a failure (Exchange.faults), not one of the columns below
            }
            if (e.status() >= 500) {
                serverErrors++;
            } else if (e.status() == 429) {
                limited++;
            } else if (e.status() >= 400) {
                clientErrors++;
            } else {
                ok++;
            }
        }

        void add(Tally t) {
            operations += t.operations;
            requests += t.requests;
            ok += t.ok;
            clientErrors += t.clientErrors;
            serverErrors += t.serverErrors;
            limited += t.limited;
            failures += t.failures;
            real += t.real;
            realReached += t.realReached;
            streams += t.streams;
            t.realStatuses.forEach((k, v) -> realStatuses.merge(k, v, Integer::sum));
            t.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
        }

        String line(String name) {
            return String.format("%-15s %10d %9d %7d %7d %7d %9d %9d%n", name, operations, requests, ok, clientErrors, serverErrors, limited, failures);
        }
    }
}
