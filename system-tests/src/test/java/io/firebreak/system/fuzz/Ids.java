package io.firebreak.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids that name something, harvested from the services' own list and read operations before the fuzzing, so hostile
 * input also reaches the rules behind "does it exist" (a state machine, an owner check, a conflict) instead of
 * stopping at 404. A path like {@code /incidents/{id}/pages/{pageId}} is filled left to right from what the concrete
 * parent answered — an incident's id from {@code GET /incidents}, then one of <em>that</em> incident's pages — so
 * the ids belong together.
 */
final class Ids {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A path template's parameter, {@code {name}}. */
    static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final int PER_POOL = 12;
    private static final int READS_PER_OPERATION = 4;

    /** Values seen under a concrete parent path for a parameter: "/api/v1/response/incidents|id" → ids. */
    private final Map<String, Set<String>> byParent = new HashMap<>();
    /** Values seen in any answer under a field of the parameter's name (the fallback). */
    private final Map<String, Set<String>> byField = new HashMap<>();
    private final HttpClient http;
    private final String gateway;
    private final Supplier<String> adminToken;
    private int reads;

    Ids(HttpClient http, String gateway, Supplier<String> adminToken) {
        this.http = http;
        this.gateway = gateway;
        this.adminToken = adminToken;
    }

    int reads() {
        return reads;
    }

    int known() {
        return byParent.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Reads, as admin, every GET operation whose path it can fill, shallow ones first and then one level deeper
     * with what those answered (three rounds), and keeps the ids the answers name.
     */
    void harvest(List<Operation> operations, Random random) throws Exception {
        List<Operation> reads = operations.stream().filter(o -> o.method().equals("GET"))
                .sorted(Comparator.comparingLong(o -> o.path().chars().filter(c -> c == '{').count())).toList();
        Set<String> done = new LinkedHashSet<>();
        for (int round = 0; round < 3; round++) {
            for (Operation op : reads) {
                for (int i = 0; i < READS_PER_OPERATION; i++) {
                    Optional<String> path = fill(op, random);
                    if (path.isEmpty() || !done.add(path.get())) {
                        continue;
                    }
                    read(op, path.get(), operations);
                }
            }
        }
    }

    /** The operation's path with every parameter a real value, or empty where one is not known. */
    Optional<String> fill(Operation op, Random random) {
        Matcher m = TEMPLATE.matcher(op.path());
        StringBuilder path = new StringBuilder();
        int from = 0;
        while (m.find()) {
            path.append(op.path(), from, m.start());
            String parent = trimSlash(path.toString());
            List<String> pool = new ArrayList<>(byParent.getOrDefault(parent + "|" + m.group(1), Set.of()));
            if (pool.isEmpty()) {
                pool.addAll(byField.getOrDefault(m.group(1), Set.of()));
            }
            if (pool.isEmpty()) {
                return Optional.empty();
            }
            path.append(encode(pool.get(random.nextInt(pool.size()))));
            from = m.end();
        }
        path.append(op.path(), from, op.path().length());
        return Optional.of(path.toString());
    }

    private void read(Operation op, String path, List<Operation> operations) throws Exception {
        reads++;
        var reply = Answers.send(http, HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken.get()).header("Accept", "application/json").build(),
                Duration.ofSeconds(60));
        if (reply.isEmpty()) {
            return;
        }
        HttpResponse<String> r = reply.get();
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(r.body());
        } catch (Exception e) {
            return;
        }
        // The operations one template deeper than this path name what their parameter is called here.
        String template = op.path();
        for (Operation child : operations) {
            String rest = child.path().startsWith(template + "/{") ? child.path().substring(template.length() + 2) : null;
            if (rest == null) {
                continue;
            }
            String param = rest.substring(0, rest.indexOf('}'));
            for (JsonNode item : items(answer)) {
                JsonNode value = item.has(param) ? item.get(param) : item.get("id");
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    add(byParent, path + "|" + param, value.asText());
                }
            }
        }
        fields(answer, 0);
    }

    /** The objects an answer lists: the array itself, or the arrays of an object (items, content, …), or the object. */
    private static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(items::add);
        } else if (answer.isObject()) {
            answer.fields().forEachRemaining(f -> {
                if (f.getValue().isArray()) {
                    f.getValue().forEach(items::add);
                }
            });
            if (items.isEmpty()) {
                items.add(answer);
            }
        }
        return items.stream().filter(JsonNode::isObject).toList();
    }

    private void fields(JsonNode node, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isValueNode() && !f.getValue().asText().isBlank() && f.getValue().asText().length() <= 200) {
                    add(byField, f.getKey(), f.getValue().asText());
                } else {
                    fields(f.getValue(), depth + 1);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> fields(n, depth + 1));
        }
    }

    /** A value as one path segment or query value: percent-encoded, a space as %20 (not +). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void add(Map<String, Set<String>> pools, String key, String value) {
        Set<String> pool = pools.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (pool.size() < PER_POOL) {
            pool.add(value);
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
