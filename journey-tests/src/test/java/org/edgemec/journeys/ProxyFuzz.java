package org.edgemec.journeys;

import com.sun.net.httpserver.HttpServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Bad input on the edge proxy's own listeners (edge1's HTTP and HTTPS proxy ports), which no OpenAPI document
 * describes. The routes, as {@code mec-platform} registers them ({@code proxy/dataplane/EdgeProxy.dispatch} and
 * {@code ProxyControlHandler}):
 *
 * <table>
 *     <tr><th>route</th><th>input</th></tr>
 *     <tr><td>{@code POST /edge_proxy/v1/login}</td><td>JSON {@code clientId}, {@code secret}, {@code zone},
 *     {@code position.latitude}, {@code position.longitude}, {@code proxy}, {@code requirements.latency},
 *     {@code requirements.throughput}; at most 64 KiB</td></tr>
 *     <tr><td>{@code POST /edge_proxy/v1/logout}</td><td>the {@code edgemec_session} cookie</td></tr>
 *     <tr><td>any other method or path under {@code /edge_proxy/v1/}</td><td>405 / 404</td></tr>
 *     <tr><td>every other request (forwarded)</td><td>the cookie, {@code Host} / {@code :authority} naming the
 *     service host, then method, target, headers and body streamed to the backend</td></tr>
 * </table>
 *
 * Requests go over raw sockets (plain and TLS, HTTP/1.1), so that they can be as malformed as a client can make them:
 * bad and missing {@code Host}, bad {@code Alt-Used}, malformed cookies, huge and many headers, smuggling-style
 * framing, bad chunks, oversized bodies, bad JSON. A logged-in client forwards to a backend of the journey's own, so a
 * 5xx is the proxy's, never a broken backend's.
 */
final class ProxyFuzz {

    private static final String LONG = "x".repeat(100_000);
    private static final int OVERSIZED = 11 * 1024 * 1024;

    /**
     * One request as bytes on the wire; {@code mayClose}: the server may close without answering (the bytes are not
     * HTTP, or their framing breaks after the request was accepted and forwarded, when no answer can follow).
     */
    record Case(String what, byte[] wire, boolean mayClose, java.util.Set<Integer> allowed5xx) {

        Case(String what, byte[] wire, boolean mayClose) {
            this(what, wire, mayClose, java.util.Set.of());
        }
    }

    record Reply(int status, String head) {
    }

    private final SSLContext tls;
    private final String serviceHost = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + ".fuzz.test";
    private HttpServer backend;
    private String cookie;

    ProxyFuzz() throws Exception {
        tls = trustingThePlatformCa();
    }

    /** A backend of the journey behind a service host of the catalogue, and the demo client logged in at edge1. */
    void setUp() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        backend.start();
        Http.put(Stack.EDGE1 + "/edge_proxy/v1/services/" + serviceHost, Stack.OPERATOR,
                Map.of("backend", "127.0.0.1:" + backend.getAddress().getPort())).expect(200);
        cookie = login();
    }

    void tearDown() {
        try {
            send(false, request("POST", "/edge_proxy/v1/logout", List.of("Host: 127.0.0.1", "Cookie: "
                    + "edgemec_session=" + cookie), new byte[0]), false);
        } catch (IOException e) {
            Journal.note("logout of the fuzz client failed: " + e);
        }
        Http.delete(Stack.EDGE1 + "/edge_proxy/v1/services/" + serviceHost, Stack.OPERATOR);
        if (backend != null) {
            backend.stop(0);
        }
    }

    /** Logs the demo client in at edge1's HTTP proxy port; the cookie, or an AssertionError. */
    String login() throws IOException {
        byte[] body = ("{\"clientId\":\"" + Stack.PROXY_CLIENT + "\",\"secret\":\"" + Stack.PROXY_SECRET + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Reply r = send(false, request("POST", "/edge_proxy/v1/login", List.of("Host: 127.0.0.1",
                "Content-Type: application/json"), body), false);
        if (r.status() != 200) {
            throw new AssertionError("login at edge1's proxy answered " + r.status() + ": " + r.head());
        }
        for (String line : r.head().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie: edgemec_session=")) {
                String v = line.substring("set-cookie: edgemec_session=".length());
                return v.contains(";") ? v.substring(0, v.indexOf(';')) : v;
            }
        }
        throw new AssertionError("login answered no session cookie: " + r.head());
    }

    /** A logged-in request for the fuzz service host answers the backend's 200 (the proxy still forwards). */
    Reply forwardsStill(boolean https) throws IOException {
        return send(https, request("GET", "/still", List.of("Host: " + serviceHost, "Cookie: edgemec_session="
                + cookie), null), false);
    }

    /**
     * An HTTP/2 upload of unknown length (curl {@code --http2 -T -}: no content-length) reaches the backend: the
     * status curl got, or -1 when curl failed.
     */
    String http2UploadOfUnknownLength() throws Exception {
        java.nio.file.Path ca = java.nio.file.Files.createTempFile("fuzz-ca", ".pem");
        java.nio.file.Files.writeString(ca, Http.get(Stack.EDGE1 + "/edge_proxy/v1/ca.pem", null).body());
        java.nio.file.Path upload = java.nio.file.Files.createTempFile("fuzz-upload", ".txt");
        java.nio.file.Files.writeString(upload, "x".repeat(200_000));
        Process p = new ProcessBuilder("curl", "-sS", "--http2", "--max-time", "15", "--cacert", ca.toString(),
                "--resolve", serviceHost + ":" + Stack.EDGE1_PROXY_HTTPS + ":127.0.0.1", "-H",
                "Cookie: edgemec_session=" + cookie, "-X", "POST", "-T", "-", "-o", "/dev/null", "-w",
                "%{http_code} %{http_version}", "https://" + serviceHost + ":" + Stack.EDGE1_PROXY_HTTPS + "/h2")
                .redirectInput(upload.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        java.nio.file.Files.deleteIfExists(ca);
        java.nio.file.Files.deleteIfExists(upload);
        return out;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        loginCases(cases);
        logoutAndControlCases(cases);
        forwardingCases(cases);
        protocolCases(cases);
        return cases;
    }

    private static final String LOGIN_PATH = "/edge_proxy/v1/login";
    private static final List<String> LOGIN_FIELDS = List.of("clientId", "secret", "zone", "position.latitude",
            "position.longitude", "proxy", "requirements.latency", "requirements.throughput");

    private void loginCases(List<Case> cases) {
        List<String> json = List.of("Host: 127.0.0.1", "Content-Type: application/json");
        for (String raw : FuzzJourney.BAD_BODIES) {
            cases.add(new Case("login body " + FuzzJourney.abbreviate(raw), request("POST", LOGIN_PATH, json,
                    utf8(raw)), false));
        }
        cases.add(new Case("login body invalid UTF-8", request("POST", LOGIN_PATH, json,
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), false));
        for (String field : LOGIN_FIELDS) {
            for (String value : FuzzJourney.BAD_VALUES) {
                cases.add(new Case("login field " + field + "=" + FuzzJourney.abbreviate(value),
                        request("POST", LOGIN_PATH, json, utf8(loginWith(field, value))), false));
            }
        }
        byte[] valid = utf8(loginWith("zone", "\"zone-edge1\""));
        cases.add(new Case("login media type text/plain", request("POST", LOGIN_PATH,
                List.of("Host: 127.0.0.1", "Content-Type: text/plain"), valid), false));
        cases.add(new Case("login chunked", chunked("POST", LOGIN_PATH, json, List.of(valid)), false));
        cases.add(new Case("login chunked above 64 KiB", chunked("POST", LOGIN_PATH, json,
                List.of(utf8("{\"clientId\":\""), utf8(LONG), utf8("\"}"))), false));
        cases.add(new Case("login oversized", request("POST", LOGIN_PATH, json, oversized()), true));
        cases.add(new Case("login Content-Length 99999999999", raw("POST " + LOGIN_PATH + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n{}"), false));
        // the session cookie of another client, or a forged one, changes nothing at login
        cases.add(new Case("login with a forged cookie", request("POST", LOGIN_PATH, List.of("Host: 127.0.0.1",
                "Content-Type: application/json", "Cookie: edgemec_session=ZGVtbw.9999999999.AAAA"), valid), false));
    }

    private static String loginWith(String field, String rawValue) {
        Map<String, String> top = new java.util.LinkedHashMap<>();
        top.put("clientId", "\"" + Stack.PROXY_CLIENT + "\"");
        top.put("secret", "\"" + Stack.PROXY_SECRET + "\"");
        top.put("zone", "\"zone-edge1\"");
        top.put("position", "{\"latitude\":43.7,\"longitude\":10.4}");
        top.put("requirements", "{\"latency\":\"NORMAL\",\"throughput\":\"NORMAL\"}");
        String[] parts = field.split("\\.");
        if (parts.length == 1) {
            top.put(field, rawValue);
        } else if (parts[0].equals("position")) {
            top.put("position", parts[1].equals("latitude") ? "{\"latitude\":" + rawValue + ",\"longitude\":10.4}"
                    : "{\"latitude\":43.7,\"longitude\":" + rawValue + "}");
        } else {
            top.put("requirements", parts[1].equals("latency")
                    ? "{\"latency\":" + rawValue + ",\"throughput\":\"NORMAL\"}"
                    : "{\"latency\":\"NORMAL\",\"throughput\":" + rawValue + "}");
        }
        StringBuilder b = new StringBuilder("{");
        top.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    /** Malformed session cookies: not base64, wrong parts, bad expiry, forged signature, duplicates, huge. */
    private List<String> badCookies() {
        return List.of("edgemec_session=", "edgemec_session=a", "edgemec_session=a.b", "edgemec_session=a.b.c",
                "edgemec_session=a.b.c.d", "edgemec_session=ZGVtbw.99999999999999999999.AAAA",
                "edgemec_session=ZGVtbw.-1.AAAA", "edgemec_session=ZGVtbw.1.!!!!", "edgemec_session=%00.1.x",
                "edgemec_session=\"unterminated", "edgemec_session=" + "x".repeat(5000),
                "edgemec_session=" + cookie + "x", "edgemec_session=" + swapFirstTwo(cookie),
                "edgemec_session=a; edgemec_session=b", "edgemec_session=ZGVtbw.9999999999.AAAA; edgemec_session="
                        + cookie, "=;=;;=", ";;;;", "edgemec_session=\u00e9\u00e9.1.\u00e9", "other=1");
    }

    private static String swapFirstTwo(String cookie) {
        String[] p = cookie.split("\\.");
        return p.length == 3 ? p[1] + "." + p[0] + "." + p[2] : cookie;
    }

    private void logoutAndControlCases(List<Case> cases) {
        for (String c : badCookies()) {
            cases.add(new Case("logout cookie " + FuzzJourney.abbreviate(c), request("POST", "/edge_proxy/v1/logout",
                    List.of("Host: 127.0.0.1", "Cookie: " + c), new byte[0]), false));
        }
        cases.add(new Case("logout without cookie", request("POST", "/edge_proxy/v1/logout",
                List.of("Host: 127.0.0.1"), new byte[0]), false));
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "FUZZ")) {
            for (String path : List.of(LOGIN_PATH, "/edge_proxy/v1/logout")) {
                cases.add(new Case(method + " " + path, request(method, path, List.of("Host: 127.0.0.1"),
                        method.equals("GET") || method.equals("HEAD") ? null : utf8("{}")), false));
            }
        }
        for (String id : FuzzJourney.BAD_IDS) {
            cases.add(new Case("control path " + FuzzJourney.abbreviate(id), request("POST", "/edge_proxy/v1/" + id,
                    List.of("Host: 127.0.0.1"), utf8("{}")), false));
        }
        cases.add(new Case("control path login/..", request("POST", "/edge_proxy/v1/login/..%2Flogout",
                List.of("Host: 127.0.0.1"), utf8("{}")), false));
    }

    private void forwardingCases(List<Case> cases) {
        String session = "Cookie: edgemec_session=" + cookie;
        for (String c : badCookies()) {
            cases.add(new Case("forward cookie " + FuzzJourney.abbreviate(c), request("GET", "/",
                    List.of("Host: " + serviceHost, "Cookie: " + c), null), false));
        }
        cases.add(new Case("forward without cookie", request("GET", "/", List.of("Host: " + serviceHost), null),
                false));
        // unknown and malformed service hosts, with a valid session
        List<String> hosts = List.of("unknown.fuzz.test", "", "127.0.0.1", serviceHost + ":99999", serviceHost + ":x",
                "[::1", "[::1]:1", "a b", "x".repeat(5000), serviceHost + ".", serviceHost.toUpperCase(Locale.ROOT),
                "%00", "\u00e9.fuzz.test", "*", serviceHost + "@evil.test");
        for (String h : hosts) {
            cases.add(new Case("forward Host " + FuzzJourney.abbreviate(h), request("GET", "/",
                    List.of("Host: " + h, session), null), false));
        }
        cases.add(new Case("forward no Host", raw("GET / HTTP/1.1\r\n" + session + "\r\nConnection: close\r\n\r\n"),
                false));
        cases.add(new Case("forward two Hosts", request("GET", "/", List.of("Host: " + serviceHost,
                "Host: unknown.fuzz.test", session), null), false));
        cases.add(new Case("forward absolute-form to another host", raw("GET http://unknown.fuzz.test/ HTTP/1.1\r\n"
                + "Host: " + serviceHost + "\r\n" + session + "\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("forward absolute-form to the service host", raw("GET http://" + serviceHost
                + "/ HTTP/1.1\r\nHost: unknown.fuzz.test\r\n" + session + "\r\nConnection: close\r\n\r\n"), false));
        for (String altUsed : List.of("", "::::", "edge2.fuzz.test:1", "x".repeat(5000), "%00", "[::1]:99999")) {
            cases.add(new Case("forward Alt-Used " + FuzzJourney.abbreviate(altUsed), request("GET", "/",
                    List.of("Host: " + serviceHost, "Alt-Used: " + altUsed, session), null), false));
        }
        // what reaches the backend: targets, methods, bodies, framing
        for (String target : List.of("/%00", "/../../etc/passwd", "/" + "x".repeat(5000), "/%E2%80%AE%F0%9F%92%A5",
                "/?a=%ZZ", "/?" + "a=1&".repeat(500), "*", "//", "/edge_proxy/v1")) {
            cases.add(new Case("forward target " + FuzzJourney.abbreviate(target), request("GET", target,
                    List.of("Host: " + serviceHost, session), null), false));
        }
        for (String method : List.of("FUZZ", "TRACE", "OPTIONS", "PATCH", "DELETE", "CONNECT")) {
            cases.add(new Case("forward method " + method, request(method, method.equals("CONNECT") ? serviceHost
                    + ":443" : "/", List.of("Host: " + serviceHost, session), utf8("{}")), false));
        }
        List<String> json = List.of("Host: " + serviceHost, session, "Content-Type: application/json");
        for (String raw : List.of("{", "[".repeat(100_000), "\u0000")) {
            cases.add(new Case("forward body " + FuzzJourney.abbreviate(raw), request("POST", "/", json, utf8(raw)),
                    false));
        }
        cases.add(new Case("forward chunked", chunked("POST", "/", json, List.of(utf8("{\"a\":"), utf8("1}"))),
                false));
        cases.add(new Case("forward oversized", request("POST", "/", json, oversized()), true));
        // the headers are fine, so the request is on its way to the backend when the chunk framing breaks: Vert.x
        // closes the connection (no answer can follow a half-forwarded body); the run checks the proxy answers on
        cases.add(new Case("forward bad chunk size", raw("POST / HTTP/1.1\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"), true));
        cases.add(new Case("forward chunk size beyond 64 bits", raw("POST / HTTP/1.1\r\nHost: " + serviceHost + "\r\n"
                + session + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n"
                + "0\r\n\r\n"), true));
        cases.add(new Case("forward Content-Length and chunked", raw("POST / HTTP/1.1\r\nHost: " + serviceHost
                + "\r\n" + session + "\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: " + serviceHost + "\r\n\r\n"), false));
        cases.add(new Case("forward two Content-Lengths", raw("POST / HTTP/1.1\r\nHost: " + serviceHost + "\r\n"
                + session + "\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}x"), false));
        cases.add(new Case("forward Content-Length -1", raw("POST / HTTP/1.1\r\nHost: " + serviceHost + "\r\n"
                + session + "\r\nContent-Length: -1\r\nConnection: close\r\n\r\n{}"), false));
        cases.add(new Case("forward Content-Length abc", raw("POST / HTTP/1.1\r\nHost: " + serviceHost + "\r\n"
                + session + "\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}"), false));
        cases.add(new Case("forward Expect: 100-continue", request("POST", "/", List.of("Host: " + serviceHost,
                session, "Expect: 100-continue"), utf8("{}")), false));
        cases.add(new Case("forward unknown Expect", request("POST", "/", List.of("Host: " + serviceHost, session,
                "Expect: fuzz"), utf8("{}")), false));
        cases.add(new Case("forward Upgrade: h2c", request("GET", "/", List.of("Host: " + serviceHost, session,
                "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA", "Connection: Upgrade, HTTP2-Settings"),
                null), false));
        cases.add(new Case("forward hop-by-hop Connection naming the cookie", request("GET", "/",
                List.of("Host: " + serviceHost, session, "Connection: close, Cookie, Host"), null), false));
        cases.add(new Case("forward X-Forwarded-For 5000 chars", request("GET", "/", List.of("Host: " + serviceHost,
                session, "X-Forwarded-For: " + "1.".repeat(2500)), null), false));
    }

    /** Framing the HTTP/1.1 parser has to refuse: huge and many headers, bad names, bad versions, no HTTP. */
    private void protocolCases(List<Case> cases) {
        String session = "Cookie: edgemec_session=" + cookie;
        cases.add(new Case("one 100,000 character header", request("GET", "/", List.of("Host: " + serviceHost, session,
                "X-Fuzz: " + LONG), null), true));
        List<String> many = new ArrayList<>(List.of("Host: " + serviceHost, session));
        for (int i = 0; i < 1000; i++) {
            many.add("X-Fuzz-" + i + ": " + "y".repeat(20));
        }
        cases.add(new Case("1,000 headers", request("GET", "/", many, null), true));
        cases.add(new Case("100,000 character cookie", request("GET", "/", List.of("Host: " + serviceHost,
                "Cookie: edgemec_session=" + LONG), null), true));
        cases.add(new Case("request line of 100,000 characters", request("GET", "/" + LONG,
                List.of("Host: " + serviceHost, session), null), true));
        cases.add(new Case("header name with a space", raw("GET / HTTP/1.1\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nBad Header: x\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("folded header", raw("GET / HTTP/1.1\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nX-Fuzz: a\r\n  folded\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("header without colon", raw("GET / HTTP/1.1\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nnocolon\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("bare LF line ends", raw("GET / HTTP/1.1\nHost: " + serviceHost + "\n" + session
                + "\nConnection: close\n\n"), true));
        // Vert.x's own answer to a version it does not speak: 501 (with the request's version in the status line)
        cases.add(new Case("HTTP/9.9", raw("GET / HTTP/9.9\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nConnection: close\r\n\r\n"), true, java.util.Set.of(501, 505)));
        cases.add(new Case("HTTP/1.0 without Host", raw("GET / HTTP/1.0\r\n" + session + "\r\n\r\n"), true));
        cases.add(new Case("no version", raw("GET /\r\n\r\n"), true));
        cases.add(new Case("garbage", raw("\u0016\u0003\u0001garbage\r\n\r\n"), true));
        cases.add(new Case("NUL in the request line", raw("GET /\u0000 HTTP/1.1\r\nHost: " + serviceHost
                + "\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("NUL in a header", raw("GET / HTTP/1.1\r\nHost: " + serviceHost + "\r\n" + session
                + "\r\nX-Fuzz: a\u0000b\r\nConnection: close\r\n\r\n"), true));
    }

    /** Sends one request on a new connection; the status and head of the answer (0 when the server just closed). */
    Reply send(boolean https, byte[] wire, boolean mayClose) throws IOException {
        int port = https ? Stack.EDGE1_PROXY_HTTPS : Stack.EDGE1_PROXY_HTTP;
        try (Socket socket = https ? tlsSocket(port) : new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(wire);
                out.flush();
            } catch (IOException e) {
                // a server may answer and close before it read everything (a body or header above its limit)
                if (!mayClose) {
                    throw e;
                }
            }
            return read(socket.getInputStream(), mayClose);
        }
    }

    private static Reply read(InputStream in, boolean mayClose) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    break;
                }
                if (n > 65_536) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw e; // the proxy stopped answering: a failure of the run
        } catch (IOException e) {
            if (!mayClose || head.size() > 0) {
                throw e;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            if (text.isEmpty() && mayClose) {
                return new Reply(0, "(closed without an answer)");
            }
            throw new IOException("no HTTP answer: '" + text.substring(0, Math.min(80, text.length())) + "'");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        return new Reply(status, text);
    }

    private Socket tlsSocket(int port) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    /** Trusts the platform CA that every proxy's certificate is issued by (public at the platform). */
    private static SSLContext trustingThePlatformCa() throws Exception {
        String pem = Http.get(Stack.EDGE1 + "/edge_proxy/v1/ca.pem", null).expect(200).body();
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("platform-ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** An HTTP/1.1 request with {@code Connection: close}, and {@code Content-Length} when there is a body. */
    static byte[] request(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("connection:"))) {
            head.append("Connection: close\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body == null ? new byte[0] : body);
    }

    private static byte[] chunked(String method, String target, List<String> headers, List<byte[]> chunks) {
        List<String> all = new ArrayList<>(headers);
        all.add("Transfer-Encoding: chunked");
        byte[] out = request(method, target, all, null);
        for (byte[] c : chunks) {
            out = concat(out, concat(utf8(Integer.toHexString(c.length) + "\r\n"), concat(c, utf8("\r\n"))));
        }
        return concat(out, utf8("0\r\n\r\n"));
    }

    private static byte[] raw(String wire) {
        return wire.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversized() {
        byte[] body = new byte[OVERSIZED];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[body.length - 1] = '"';
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
