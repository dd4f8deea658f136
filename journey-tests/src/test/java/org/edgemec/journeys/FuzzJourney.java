package org.edgemec.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on every operation of every service, driven by the OpenAPI document each service serves: malformed JSON,
 * wrong types, unknown enum values, over-long strings, huge and negative numbers, bad ids, bad query values,
 * oversized and chunked bodies, wrong media types, garbage and bomb archives. No answer may be a 5xx, and the stack
 * must still be healthy afterwards. What a create accepted is deleted again through its {@code Location}.
 */
class FuzzJourney {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String LONG = "x".repeat(100_000);
    /** Above every service's body limit (mec-platform 1 MiB, Quarkus' default 10 MiB). */
    private static final int OVERSIZED = 11 * 1024 * 1024;
    /** What the samples give every {@code expiryTime}: longer than the whole run. */
    private static final int EXPIRY_SECONDS = 3600;
    static final List<String> BAD_IDS = List.of("x".repeat(5000), "%00", "..%2F..%2Fetc", "%E2%80%AE%F0%9F%92%A5",
            "'%20OR%201=1--", "-1");
    private static final List<String> BAD_QUERY_VALUES = List.of("", LONG.substring(0, 5000), "%00", "(eq,,", "-1",
            "99999999999999999999", "NOPE", "%25ZZ");
    static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "123", "{\"a\":}",
            "[".repeat(100_000), "{\"a\":\"\\ud800\"}", "{\"a\": 1e999999}", "\u0000");
    /** Raw JSON values put in place of one field at a time. */
    static final List<String> BAD_VALUES = List.of("123", "\"text\"", "true", "[]", "{}", "null",
            "\"" + LONG + "\"", "1e400", "-1", "-9223372036854775809", "9223372036854775808", "\"NOPE\"",
            "[" + "\"x\",".repeat(10_000) + "\"x\"]");

    private static final Map<String, String> SERVICES = new LinkedHashMap<>();
    private static String appInstanceId;
    private static String appBearer;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void provisionAnAppToFuzzMp1With() throws Exception {
        Stack.up();
        SERVICES.put("relocation-service", Stack.RELOCATION);
        SERVICES.put("mec-app-lcm", Stack.LCM);
        SERVICES.put("mec-platform edge1", Stack.EDGE1);
        appInstanceId = "fuzz-" + UUID.randomUUID();
        JsonNode credentials = Http.post(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances", Stack.OPERATOR,
                Map.of("appInstanceId", appInstanceId, "appDId", "fuzz", "appName", "fuzz", "appProvider", "fuzz",
                        "appSoftVersion", "1.0")).expect(201).json();
        String basic = Base64.getEncoder().encodeToString((credentials.path("clientId").asText() + ":"
                + credentials.path("clientSecret").asText()).getBytes(StandardCharsets.UTF_8));
        JsonNode token = Http.send("POST", credentials.path("tokenEndpoint").asText(), "Basic " + basic,
                "application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes()).expect(200).json();
        appBearer = "Bearer " + token.path("access_token").asText();
    }

    @AfterAll
    static void removeWhatTheFuzzCreated() {
        for (String location : created) {
            try {
                send("DELETE", location, Stack.OPERATOR, null, null, false);
            } catch (IOException e) {
                Journal.note("clean-up of " + location + " failed: " + e);
            }
        }
        try {
            send("DELETE", Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances/" + appInstanceId, Stack.OPERATOR,
                    null, null, false);
        } catch (IOException e) {
            Journal.note("clean-up of the fuzz app failed: " + e);
        }
    }

    @Test
    void shouldAnswerNoBadInputOnAnyOperationOfAnyServiceWithA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> partialWrites = new ArrayList<>();
        Map<String, Integer> sentPerService = new TreeMap<>();
        int observed = 0;
        int backgroundChanges = 0;
        long began = System.nanoTime();
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            JsonNode doc = Http.get(service.getValue() + "/q/openapi?format=json", null).expect(200).json();
            int sent = 0;
            for (Operation op : operations(doc)) {
                long started = System.nanoTime();
                List<Case> opCases = cases(op, doc);
                Observer observer = Observer.of(op, doc, service.getValue(), auth(op.path()));
                if (observer != null) {
                    observer.baseline();
                    observed++;
                }
                for (Case c : opCases) {
                    sent++;
                    String url = service.getValue() + c.path();
                    int status = -1;
                    try {
                        Reply r = sendOnce(op.method().toUpperCase(), url, auth(op.path()), c);
                        status = r.status();
                        // 501 is a deliberate answer (relocation-service's user_defined_notification, README), not a crash
                        if (r.status() >= 500 && r.status() != 501) {
                            failures.add(service.getKey() + ": " + op.method().toUpperCase() + " " + op.path() + " ["
                                    + c.what() + "] answered " + r.status() + ": " + snippet(r.body()));
                        } else if (r.status() == 201 && r.location() != null) {
                            String location = r.location().startsWith("http") ? r.location()
                                    : service.getValue() + r.location();
                            created.add(location);
                            known(op, location);
                        }
                    } catch (IOException e) {
                        // A server may close the connection on a body above its limit before reading it all.
                        if (!c.what().startsWith("oversized")) {
                            failures.add(service.getKey() + ": " + op.method().toUpperCase() + " " + op.path() + " ["
                                    + c.what() + "] failed: " + e);
                        }
                    }
                    if (observer != null) {
                        String changed = observer.after(status);
                        if (changed != null) {
                            // the same request again, from the state it left: a partial write changes it again,
                            // a background change (a registration's expiryTime ran out) does not repeat
                            int again = -1;
                            try {
                                again = sendOnce(op.method().toUpperCase(), url, auth(op.path()), c).status();
                            } catch (IOException e) {
                                // judged by what it changed, as the first time
                            }
                            String changedAgain = observer.after(again);
                            if (changedAgain != null) {
                                partialWrites.add(service.getKey() + ": " + op.method().toUpperCase() + " "
                                        + op.path() + " [" + c.what() + "] answered " + status + " but changed "
                                        + changed + "; sent again: " + again + ", changed " + changedAgain);
                            } else {
                                backgroundChanges++;
                                String note = "fuzz: " + op.method().toUpperCase() + " " + op.path() + " [" + c.what()
                                        + "] changed " + changed + ", not again when repeated: a background change";
                                Journal.note(note);
                                System.out.println("[fuzz] " + note);
                            }
                        }
                    }
                }
                System.out.printf("[fuzz] %s %s %s: %d cases in %d ms%n", service.getKey(),
                        op.method().toUpperCase(), op.path(), opCases.size(), (System.nanoTime() - started) / 1_000_000);
            }
            sentPerService.put(service.getKey(), sent);
        }
        String summary = "fuzz: requests per service " + sentPerService + " in "
                + (System.nanoTime() - began) / 1_000_000 + " ms, " + failures.size() + " answered 5xx; " + observed
                + " write operations observed (" + Observer.reads + " reads in " + Observer.nanos / 1_000_000 + " ms, "
                + Observer.volatileSkipped + " volatile resources left out, " + backgroundChanges
                + " background changes not repeated), " + partialWrites.size() + " 4xx answers changed something";
        Journal.note(summary);
        System.out.println("[fuzz] " + summary);
        for (String base : SERVICES.values()) {
            Http.get(base + "/q/health/ready", null).expect(200);
        }
        failures.addAll(partialWrites);
        assertTrue(failures.isEmpty(), failures.size() + " bad inputs answered 5xx, broke the connection or were"
                + " answered 4xx after a partial write:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    @Test
    void shouldAnswerNoBadInputAtTheEdgeProxysOwnListenersWithA5xxAndKeepAnswering() throws Exception {
        ProxyFuzz fuzz = new ProxyFuzz();
        fuzz.setUp();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        try {
            List<ProxyFuzz.Case> cases = fuzz.cases();
            for (boolean https : List.of(false, true)) {
                String listener = https ? "https " + Stack.EDGE1_PROXY_HTTPS : "http " + Stack.EDGE1_PROXY_HTTP;
                for (ProxyFuzz.Case c : cases) {
                    sent++;
                    try {
                        ProxyFuzz.Reply r = fuzz.send(https, c.wire(), c.mayClose());
                        statuses.merge(r.status(), 1, Integer::sum);
                        if (r.status() >= 500 && !c.allowed5xx().contains(r.status())) {
                            failures.add("edge proxy " + listener + " [" + c.what() + "] answered " + r.status() + ": "
                                    + snippet(r.head()));
                        }
                    } catch (IOException e) {
                        failures.add("edge proxy " + listener + " [" + c.what() + "] did not answer: " + e);
                    }
                }
                // still answering: a forwarded request reaches the backend on this listener
                ProxyFuzz.Reply still = fuzz.forwardsStill(https);
                if (still.status() != 200) {
                    failures.add("edge proxy " + listener + " no longer forwards: " + still.status() + " "
                            + snippet(still.head()));
                }
            }
            String h2 = fuzz.http2UploadOfUnknownLength();
            sent++;
            if (!h2.equals("200 2")) {
                failures.add("edge proxy https " + Stack.EDGE1_PROXY_HTTPS + " [HTTP/2 body of unknown length] curl: "
                        + h2);
            }
            fuzz.login();
        } finally {
            fuzz.tearDown();
        }
        String summary = "fuzz: edge proxy " + sent + " requests in " + (System.nanoTime() - started) / 1_000_000
                + " ms, statuses " + statuses + ", " + failures.size() + " failed";
        Journal.note(summary);
        System.out.println("[fuzz] " + summary);
        Http.get(Stack.EDGE1 + "/q/health/ready", null).expect(200);
        assertTrue(failures.isEmpty(), failures.size() + " bad inputs at the edge proxy answered 5xx or no answer:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    record Operation(String method, String path, JsonNode spec) {
    }

    record Case(String what, String path, String contentType, byte[] body, boolean chunked) {
    }

    record Reply(int status, String body, String location, String etag) {
    }

    /**
     * "A 4xx changed nothing", checked through the API: what a write operation may change (the resource at its own
     * path and the one above it, when the document has a GET for them: the collection of a POST, the item of a
     * PUT/PATCH/DELETE and its collection, the item of a task POST) is read before the operation's cases and after
     * each; after a 4xx it must read as before (status, ETag and body). Any other answer may legitimately change it
     * and becomes the new baseline. A resource that reads differently twice in a row with nothing sent (a
     * timestamp, a background job's progress) is left out.
     */
    static final class Observer {
        static int reads;
        static long nanos;
        static int volatileSkipped;
        private final List<String> urls = new ArrayList<>();
        private final String auth;
        private Map<String, String> base;

        private Observer(String auth) {
            this.auth = auth;
        }

        static Observer of(Operation op, JsonNode doc, String service, String auth) {
            if (op.method().equals("get")) {
                return null;
            }
            Observer o = new Observer(auth);
            String parent = op.path().substring(0, Math.max(0, op.path().lastIndexOf('/')));
            for (String template : List.of(op.path(), parent)) {
                if (doc.path("paths").path(template).has("get")) {
                    o.urls.add(service + fill(template, Map.of()));
                }
            }
            return o.urls.isEmpty() ? null : o;
        }

        void baseline() throws IOException {
            Map<String, String> first = read();
            Map<String, String> second = read();
            for (String url : List.copyOf(urls)) {
                if (!first.get(url).equals(second.get(url))) {
                    urls.remove(url);
                    volatileSkipped++;
                }
            }
            second.keySet().retainAll(urls);
            base = second;
        }

        /** What a 4xx answer changed (null when nothing); every answer becomes the baseline of the next case. */
        String after(int status) {
            if (urls.isEmpty()) {
                return null;
            }
            Map<String, String> now;
            try {
                now = read();
            } catch (IOException e) {
                return "(the resource could not be read again: " + e + ")";
            }
            String changed = null;
            if (status >= 400 && status < 500) {
                for (String url : urls) {
                    if (!now.get(url).equals(base.get(url))) {
                        changed = url + ": before " + snippet(base.get(url)) + " after " + snippet(now.get(url));
                        break;
                    }
                }
            }
            base = now;
            return changed;
        }

        private Map<String, String> read() throws IOException {
            long started = System.nanoTime();
            Map<String, String> state = new LinkedHashMap<>();
            for (String url : urls) {
                reads++;
                Reply r = send("GET", url, auth, null, null, false);
                state.put(url, r.status() + " " + r.etag() + " " + r.body());
            }
            nanos += System.nanoTime() - started;
            return state;
        }
    }

    /** Ids of what the run created (collection template -> id), used for the items of that collection after it. */
    private static final Map<String, String> knownIds = new LinkedHashMap<>();

    private static void known(Operation op, String location) {
        if (op.method().equals("post") && !op.path().endsWith("}")) {
            String id = location.substring(location.lastIndexOf('/') + 1);
            if (!id.isEmpty() && location.endsWith(fill(op.path(), Map.of()) + "/" + id)) {
                knownIds.putIfAbsent(op.path(), id);
            }
        }
    }

    /** Every operation of the document, deletes last so that the fuzz app lives through the others. */
    private static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        List<Operation> deletes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey()) || streams(path.getKey(), m.getValue())) {
                    continue;
                }
                (m.getKey().equals("delete") ? deletes : ops).add(new Operation(m.getKey(), path.getKey(), m.getValue()));
            }
        }
        ops.addAll(deletes);
        return ops;
    }

    /**
     * Server-sent event streams never end: they are not request/response operations (the dashboard's
     * {@code /dashboard/v1/events}, whose document does not name its media type).
     */
    private static boolean streams(String path, JsonNode op) {
        return path.endsWith("/events") || op.path("responses").toString().contains("text/event-stream");
    }

    private List<Case> cases(Operation op, JsonNode doc) {
        List<Case> cases = new ArrayList<>();
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : parameters(op, doc)) {
            switch (p.path("in").asText()) {
                case "path" -> pathParams.add(p.path("name").asText());
                case "query" -> queryParams.add(p.path("name").asText());
                default -> { } // headers: the auth and ETag tests cover them
            }
        }
        String good = fill(op.path(), Map.of());
        Body body = body(op, doc);
        // bad ids, one path parameter at a time
        for (String param : pathParams) {
            for (String bad : BAD_IDS) {
                cases.add(new Case("path " + param + "=" + abbreviate(bad), fill(op.path(), Map.of(param, bad)),
                        body.contentType(), body.valid(), false));
            }
        }
        // bad values of every query parameter the operation defines, and one it does not
        for (String param : queryParams) {
            for (String bad : BAD_QUERY_VALUES) {
                cases.add(new Case("query " + param + "=" + abbreviate(bad), good + "?" + param + "=" + bad,
                        body.contentType(), body.valid(), false));
            }
        }
        cases.add(new Case("unknown query parameter", good + "?no_such_parameter=1", body.contentType(), body.valid(),
                false));
        if (body.contentType() == null) {
            return cases;
        }
        if (body.contentType().contains("json")) {
            for (String raw : BAD_BODIES) {
                cases.add(new Case("body " + abbreviate(raw), good, body.contentType(), utf8(raw), false));
            }
            cases.add(new Case("body invalid UTF-8", good, body.contentType(), new byte[] {'{', '"', (byte) 0xC3,
                    (byte) 0x28, '"', ':', '1', '}'}, false));
            for (String field : body.fields()) {
                for (String value : BAD_VALUES) {
                    cases.add(new Case("field " + field + "=" + abbreviate(value), good, body.contentType(),
                            utf8(body.with(field, value)), false));
                }
            }
            cases.add(new Case("media type text/plain", good, "text/plain", body.valid(), false));
            cases.add(new Case("media type application/xml", good, "application/xml", utf8("<a/>"), false));
        } else {
            cases.add(new Case("archive garbage", good, body.contentType(), utf8("PK\u0003\u0004garbage"), false));
            cases.add(new Case("archive bomb", good, body.contentType(), zipBomb(), false));
        }
        cases.add(new Case("chunked body", good, body.contentType(), body.valid(), true));
        cases.add(new Case("oversized body", good, body.contentType(), oversized(body.contentType()), false));
        return cases;
    }

    private static List<JsonNode> parameters(Operation op, JsonNode doc) {
        List<JsonNode> all = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> all.add(resolve(p, doc)));
        return all;
    }

    /**
     * The path with every parameter filled: the fuzz app's id for an app instance, the id of what a POST of the run
     * created in the collection before the parameter, else an unknown id.
     */
    private static String fill(String template, Map<String, String> overrides) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                path.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            path.append(template, i, open);
            String created = knownIds.get(template.substring(0, Math.max(0, open - 1)));
            path.append(overrides.getOrDefault(name, name.equals("appInstanceId") ? appInstanceId
                    : created != null ? created : "fuzz-unknown"));
            i = close + 1;
        }
        return path.toString();
    }

    private static String auth(String path) {
        return path.startsWith("/mec_app_support") || path.startsWith("/mec_service_mgmt") ? appBearer
                : Stack.OPERATOR;
    }

    /** The operation's request body: a valid-looking instance from its schema, and its fields to spoil. */
    private Body body(Operation op, JsonNode doc) {
        JsonNode content = op.spec().path("requestBody").path("content");
        if (!content.fields().hasNext()) {
            return new Body(null, null, null);
        }
        Map.Entry<String, JsonNode> first = content.fields().next();
        String type = content.has("application/json") ? "application/json" : first.getKey();
        if (!type.contains("json")) {
            return new Body(type, zip(Map.of("fuzz.txt", utf8("fuzz"))), null);
        }
        JsonNode instance = sample(content.path(type).path("schema"), doc, 0);
        return new Body(type, utf8(instance.toString()), instance);
    }

    record Body(String contentType, byte[] valid, JsonNode instance) {

        /** Top-level fields and those one level down, as dotted paths. */
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (instance instanceof ObjectNode o) {
                o.fields().forEachRemaining(f -> {
                    fields.add(f.getKey());
                    if (f.getValue() instanceof ObjectNode inner) {
                        inner.fieldNames().forEachRemaining(n -> fields.add(f.getKey() + "." + n));
                    }
                });
            }
            return fields.subList(0, Math.min(fields.size(), 12));
        }

        /** The instance with one field replaced by a raw JSON value. */
        String with(String field, String rawValue) {
            ObjectNode copy = ((ObjectNode) instance).deepCopy();
            String marker = "\"__fuzz_" + UUID.randomUUID() + "__\"";
            String[] parts = field.split("\\.");
            ObjectNode holder = parts.length == 1 ? copy : (ObjectNode) copy.path(parts[0]);
            holder.put(parts[parts.length - 1], marker.substring(1, marker.length() - 1));
            return copy.toString().replace(marker, rawValue);
        }
    }

    /** A value of the schema with its required and known properties set to plausible values. */
    private static JsonNode sample(JsonNode schema, JsonNode doc, int depth) {
        schema = resolve(schema, doc);
        if (depth > 6) {
            return NODES.nullNode();
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return sample(schema.path(choice).get(0), doc, depth + 1);
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.path("allOf").forEach(part -> {
                JsonNode s = sample(part, doc, depth + 1);
                if (s instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            });
            return merged;
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> {
                    if (p.getKey().equals("expiryTime")) {
                        // a timer in seconds (MEC 021 registrations): 1 let a registration expire while the
                        // partial-write check watched it, which read as a change made by the bad request
                        o.set(p.getKey(), NODES.numberNode(EXPIRY_SECONDS));
                    } else if (!p.getKey().equals("_links")) {
                        o.set(p.getKey(), sample(p.getValue(), doc, depth + 1));
                    }
                });
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(sample(schema.path("items"), doc, depth + 1));
                return a;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                String format = schema.path("format").asText();
                return NODES.textNode(switch (format) {
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "uri", "url" -> "http://127.0.0.1:9/fuzz";
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "fuzz";
                });
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static JsonNode resolve(JsonNode node, JsonNode doc) {
        for (int hops = 0; node.has("$ref") && hops < 20; hops++) {
            String ref = node.path("$ref").asText();
            node = doc.at(ref.substring(1));
        }
        return node;
    }

    private static byte[] oversized(String contentType) {
        if (contentType != null && contentType.contains("json")) {
            byte[] body = new byte[OVERSIZED];
            java.util.Arrays.fill(body, (byte) 'x');
            body[0] = '"';
            body[body.length - 1] = '"';
            return body;
        }
        return new byte[OVERSIZED];
    }

    /** 1 GiB of zeros in a few MiB of ZIP, as an AppD and an image layer. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("APPD/MEC-APPD.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * One case, sent again once when the connection failed: after refusing an oversized body a server closes the
     * connection, and the client may only find out on the next request it sends over it.
     */
    private static Reply sendOnce(String method, String url, String auth, Case c) throws IOException {
        try {
            return send(method, url, auth, c.contentType(), c.body(), c.chunked());
        } catch (java.net.http.HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return send(method, url, auth, c.contentType(), c.body(), c.chunked());
        }
    }

    private static Reply send(String method, String url, String auth, String contentType, byte[] body,
            boolean chunked) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(supplier(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .method(method, publisher);
            if (auth != null) {
                b.header("Authorization", auth);
            }
            if (contentType != null && body != null) {
                b.header("Content-Type", contentType);
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("ETag").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            // A URL the client itself refuses to send (for example a raw % sequence) is not a server answer.
            return new Reply(0, e.getMessage(), null, null);
        }
    }

    private static Supplier<java.io.InputStream> supplier(byte[] body) {
        return () -> new ByteArrayInputStream(body);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String shown = s.length() > 24 ? s.substring(0, 12) + "...(" + s.length() + " chars)" : s;
        return URLEncoder.encode(shown, StandardCharsets.UTF_8);
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
