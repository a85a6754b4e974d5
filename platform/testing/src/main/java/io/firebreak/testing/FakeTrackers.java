package io.firebreak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server implementing the documented request and response shapes of the endpoints Firebreak calls:
 * GitHub Issues REST (create, update, comment; Bearer token; 201/200/201, 401 "Bad credentials", 404, 422 "Validation
 * Failed") and Jira Cloud REST v3 (create issue, transition, comment; Basic; 201/204/201, 400 with {@code errors}).
 * It keeps the issues, so a test can close one and send the webhook the tracker would send.
 */
public final class FakeTrackers implements AutoCloseable {

    public static final String GITHUB_TOKEN = "Bearer test-github-token-not-a-secret";
    public static final String JIRA_AUTH = "Basic dGVzdEBleGFtcGxlLmNvbTp0ZXN0LWppcmEtdG9rZW4=";
    public static final String JIRA_DONE = "31";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GH_ISSUES = Pattern.compile("/repos/([^/]+/[^/]+)/issues");
    private static final Pattern GH_ISSUE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)");
    private static final Pattern GH_COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
    private static final Pattern JIRA_ISSUE = Pattern.compile("/rest/api/3/issue");
    private static final Pattern JIRA_TRANSITIONS = Pattern.compile("/rest/api/3/issue/([A-Z][A-Z0-9_]*-\\d+)/transitions");
    private static final Pattern JIRA_COMMENT = Pattern.compile("/rest/api/3/issue/([A-Z][A-Z0-9_]*-\\d+)/comment");

    /** One request as it arrived. */
    public record Call(String method, String path, String authorization, String accept, JsonNode body) {
    }

    private final String githubAuthorization;
    private final String jiraAuthorization;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** GitHub issues by "owner/repo#number", Jira issues by key; each the JSON the tracker would show. */
    private final Map<String, ObjectNode> issues = new ConcurrentHashMap<>();
    private final Map<String, List<String>> comments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final java.util.Set<String> jiraProjects = ConcurrentHashMap.newKeySet();

    /** Expects the tokens of the test credentials ({@link #GITHUB_TOKEN}, {@link #JIRA_AUTH}). */
    public FakeTrackers() {
        this(GITHUB_TOKEN, JIRA_AUTH);
    }

    /** Expects these Authorization values (the local stack's credentials differ from the tests'). */
    public FakeTrackers(String githubAuthorization, String jiraAuthorization) {
        this.githubAuthorization = githubAuthorization;
        this.jiraAuthorization = jiraAuthorization;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeTrackers jiraProject(String key) {
        jiraProjects.add(key);
        return this;
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    public ObjectNode issue(String id) {
        return issues.get(id);
    }

    public List<String> comments(String id) {
        return comments.getOrDefault(id, List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            answer(exchange, 400, "{\"message\":\"Problems parsing JSON\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call(exchange.getRequestMethod(), path, auth, exchange.getRequestHeaders().getFirst("Accept"), body));
        String method = exchange.getRequestMethod();
        Matcher m;
        if (path.startsWith("/repos/")) {
            if (!githubAuthorization.equals(auth)) {
                answer(exchange, 401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
            } else if ((m = GH_ISSUES.matcher(path)).matches() && "POST".equals(method)) {
                githubCreate(exchange, m.group(1), body);
            } else if ((m = GH_ISSUE.matcher(path)).matches() && "PATCH".equals(method)) {
                githubUpdate(exchange, m.group(1) + "#" + m.group(2), body);
            } else if ((m = GH_COMMENTS.matcher(path)).matches() && "POST".equals(method)) {
                comment(exchange, m.group(1) + "#" + m.group(2), body.path("body").asText(), 201);
            } else {
                answer(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        } else if (path.startsWith("/rest/api/3/")) {
            if (!jiraAuthorization.equals(auth)) {
                answer(exchange, 401, "{\"errorMessages\":[\"You do not have permission to access this resource.\"],\"errors\":{}}");
            } else if (JIRA_ISSUE.matcher(path).matches() && "POST".equals(method)) {
                jiraCreate(exchange, body);
            } else if ((m = JIRA_TRANSITIONS.matcher(path)).matches() && "POST".equals(method)) {
                jiraTransition(exchange, m.group(1), body);
            } else if ((m = JIRA_COMMENT.matcher(path)).matches() && "POST".equals(method)) {
                comment(exchange, m.group(1), body.path("body").toString(), 201);
            } else {
                answer(exchange, 404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
            }
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private void githubCreate(HttpExchange exchange, String repo, JsonNode body) throws IOException {
        if (!body.path("title").isTextual() || body.path("title").asText().isBlank()) {
            answer(exchange, 422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"code\":\"missing_field\",\"field\":\"title\"}]}");
            return;
        }
        int number = counters.computeIfAbsent(repo, r -> new AtomicInteger()).incrementAndGet();
        ObjectNode issue = JSON.createObjectNode().put("id", 1_000_000L + number).put("number", number)
                .put("url", url() + "/repos/" + repo + "/issues/" + number).put("html_url", "https://github.example/" + repo + "/issues/" + number)
                .put("state", "open").putNull("state_reason").put("title", body.path("title").asText()).put("body", body.path("body").asText(""));
        var labels = issue.putArray("labels");
        body.path("labels").forEach(l -> labels.addObject().put("name", l.asText()));
        issue.putObject("user").put("login", "firebreak-bot");
        issues.put(repo + "#" + number, issue);
        answer(exchange, 201, issue.toString());
    }

    private void githubUpdate(HttpExchange exchange, String id, JsonNode body) throws IOException {
        ObjectNode issue = issues.get(id);
        if (issue == null) {
            answer(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        if (body.path("state").isTextual()) {
            issue.put("state", body.path("state").asText());
            issue.put("state_reason", body.path("state_reason").asText(null));
        }
        answer(exchange, 200, issue.toString());
    }

    private void jiraCreate(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode fields = body.path("fields");
        String project = fields.path("project").path("key").asText("");
        ObjectNode errors = JSON.createObjectNode();
        if (!jiraProjects.contains(project)) {
            errors.put("project", "Specify a valid project ID or key");
        }
        if (!fields.path("summary").isTextual() || fields.path("summary").asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (!fields.path("issuetype").path("name").isTextual() && !fields.path("issuetype").path("id").isTextual()) {
            errors.put("issuetype", "Specify an issue type");
        }
        if (fields.has("description") && !"doc".equals(fields.path("description").path("type").asText())) {
            errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
        }
        if (!errors.isEmpty()) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("errorMessages");
            answer.set("errors", errors);
            answer(exchange, 400, answer.toString());
            return;
        }
        int n = counters.computeIfAbsent(project, p -> new AtomicInteger()).incrementAndGet();
        String key = project + "-" + n;
        ObjectNode issue = JSON.createObjectNode().put("id", Integer.toString(10_000 + n)).put("key", key)
                .put("self", url() + "/rest/api/3/issue/" + (10_000 + n));
        ObjectNode shown = issue.deepCopy();
        ObjectNode shownFields = shown.putObject("fields");
        shownFields.putObject("project").put("key", project);
        shownFields.put("summary", fields.path("summary").asText());
        shownFields.set("description", fields.path("description"));
        shownFields.putObject("status").put("name", "To Do").putObject("statusCategory").put("key", "new");
        issues.put(key, shown);
        answer(exchange, 201, issue.toString());
    }

    private void jiraTransition(HttpExchange exchange, String key, JsonNode body) throws IOException {
        ObjectNode issue = issues.get(key);
        if (issue == null) {
            answer(exchange, 404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
            return;
        }
        if (!JIRA_DONE.equals(body.path("transition").path("id").asText())) {
            answer(exchange, 400, "{\"errorMessages\":[\"Transition id '" + body.path("transition").path("id").asText() + "' is not valid for this issue.\"],\"errors\":{}}");
            return;
        }
        close(key, "Done");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void comment(HttpExchange exchange, String id, String text, int status) throws IOException {
        if (!issues.containsKey(id)) {
            answer(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        comments.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(text);
        answer(exchange, status, "{\"id\":\"" + comments.get(id).size() + "\"}");
    }

    /** Someone closes the issue in the tracker (a Jira issue moves to a done status). */
    public void close(String id, String jiraStatus) {
        ObjectNode issue = issues.get(id);
        if (issue.has("number")) {
            issue.put("state", "closed").put("state_reason", "completed");
        } else {
            ObjectNode status = ((ObjectNode) issue.path("fields")).putObject("status");
            status.put("name", jiraStatus).putObject("statusCategory").put("key", "done");
        }
    }

    /** Someone edits the Jira issue's description to name its evidence. */
    public void describe(String key, String line) {
        ObjectNode fields = (ObjectNode) issues.get(key).path("fields");
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        var paragraph = doc.putArray("content").addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", line);
        fields.set("description", doc);
    }

    /**
     * How the tracker signs a webhook: {@code sha256=} and the hex HMAC-SHA256 of the body with the secret (GitHub's
     * X-Hub-Signature-256, Jira's X-Hub-Signature). Written here as the sender's side, apart from the service's check.
     */
    public static String signature(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of GitHub's {@code issues} webhook for this issue. */
    public String githubIssuesEvent(String repo, int number, String action, String sender) {
        ObjectNode event = JSON.createObjectNode().put("action", action);
        event.set("issue", issues.get(repo + "#" + number));
        event.putObject("repository").put("full_name", repo);
        event.putObject("sender").put("login", sender);
        return event.toString();
    }

    /** The body of Jira's {@code jira:issue_updated} webhook for this issue. */
    public String jiraIssueUpdated(String key, String accountId) {
        ObjectNode event = JSON.createObjectNode().put("timestamp", System.currentTimeMillis()).put("webhookEvent", "jira:issue_updated");
        event.putObject("user").put("accountId", accountId);
        event.set("issue", issues.get(key));
        return event.toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
