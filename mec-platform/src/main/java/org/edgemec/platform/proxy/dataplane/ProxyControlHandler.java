package org.edgemec.platform.proxy.dataplane;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.MecException;
import org.edgemec.platform.proxy.api.LoginRequest;
import org.edgemec.platform.proxy.api.LoginResponse;
import org.edgemec.platform.proxy.domain.LocalProxy;
import org.edgemec.platform.proxy.domain.LoginService;
import org.edgemec.platform.proxy.domain.Requirements;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Login and logout served by the proxy listeners themselves, at the origin the client uses for its services, so that
 * the Alt-Svc of the answer applies to that origin (RFC 7838: alternatives are per origin).
 */
final class ProxyControlHandler {

    private static final Logger LOG = Logger.getLogger(ProxyControlHandler.class);
    private static final int MAX_LOGIN_BODY = 65_536;

    private final EdgeProxy proxy;
    private final ProxyRuntime runtime;
    private final ProxyProblems problems;

    ProxyControlHandler(EdgeProxy proxy, ProxyRuntime runtime) {
        this.proxy = proxy;
        this.runtime = runtime;
        this.problems = new ProxyProblems(runtime.json);
    }

    void handle(HttpServerRequest request) {
        String path = request.path().substring(EdgeProxy.CONTROL_PREFIX.length());
        if (!path.equals("login") && !path.equals("logout")) {
            problems.write(request.response(), 404, "Not Found", "no such edge proxy resource", request.uri());
        } else if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            problems.write(request.response(), 405, "Method Not Allowed", "use POST", request.uri());
        } else if (path.equals("login")) {
            readBody(request);
        } else {
            logout(request);
        }
    }

    /** Reads the login body, refusing more than {@link #MAX_LOGIN_BODY} bytes (413) without buffering them. */
    private void readBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null && length.length() > 0 && length.chars().allMatch(Character::isDigit)
                && (length.length() > 9 || Integer.parseInt(length) > MAX_LOGIN_BODY)) {
            request.response().putHeader("Connection", "close");
            problems.write(request.response(), 413, "Payload Too Large",
                    "a login body has at most " + MAX_LOGIN_BODY + " bytes", request.uri());
            return;
        }
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_LOGIN_BODY) {
                if (!request.response().ended()) {
                    problems.write(request.response(), 413, "Payload Too Large",
                            "a login body has at most " + MAX_LOGIN_BODY + " bytes", request.uri());
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("login body not read: %s", e.getMessage()));
        request.endHandler(v -> {
            if (!request.response().ended()) {
                login(request, body.getBytes());
            }
        });
    }

    private void login(HttpServerRequest request, byte[] body) {
        LoginService.Login login;
        try {
            login = toLogin(body.length == 0 ? null : runtime.json.readValue(body, LoginRequest.class));
        } catch (MecException e) {
            problems.write(request.response(), e, request.uri());
            return;
        } catch (IOException e) {
            problems.write(request.response(), 400, "Invalid request", jsonProblem(e), request.uri());
            return;
        }
        runtime.vertx.executeBlocking(() -> runtime.login(login, proxy.name()), false).onComplete(done -> {
            if (done.failed()) {
                fail(request, done.cause());
                return;
            }
            LoginService.Session session = done.result();
            runtime.deviceSeen(request.remoteAddress() == null ? null : request.remoteAddress().host(), session, login);
            Map<String, String> forwarding = session.state().forwarding().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a,
                            LinkedHashMap::new));
            request.response().addCookie(sessionCookie(request, session.cookie(), runtime.cookies.lifetime().toSeconds()))
                    .putHeader("Alt-Svc", session.altSvc())
                    .putHeader("content-type", "application/json")
                    .end(io.vertx.core.buffer.Buffer.buffer(write(new LoginResponse(session.clientId(),
                            session.proxy().name(), session.altSvc(), forwarding))));
        });
    }

    private void logout(HttpServerRequest request) {
        String clientId;
        try {
            clientId = runtime.cookies.verify(ForwardingInterceptor.sessionCookie(request));
        } catch (MecException e) {
            problems.write(request.response(), e, request.uri());
            return;
        }
        runtime.vertx.executeBlocking(() -> {
            runtime.logout(clientId, proxy.name());
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                fail(request, done.cause());
                return;
            }
            request.response().addCookie(sessionCookie(request, "", 0)).putHeader("Alt-Svc", "clear")
                    .setStatusCode(204).end();
        });
    }

    private void fail(HttpServerRequest request, Throwable e) {
        if (e instanceof MecException m) {
            problems.write(request.response(), m, request.uri());
        } else {
            LOG.error("login/logout failed", e);
            problems.write(request.response(), 500, "Internal Server Error", "unexpected error", request.uri());
        }
    }

    private static Cookie sessionCookie(HttpServerRequest request, String value, long maxAgeSeconds) {
        return Cookie.cookie(SessionCookies.NAME, value).setPath("/").setHttpOnly(true).setSecure(request.isSSL())
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }

    static LoginService.Login toLogin(LoginRequest r) {
        if (r == null) {
            throw new InvalidFieldException("clientId", "a login body with clientId and secret is required");
        }
        if (r.clientId() == null || r.clientId().isBlank()) {
            throw new InvalidFieldException("clientId", "must not be blank");
        }
        Optional<LocalProxy.Position> position = Optional.empty();
        if (r.position() != null) {
            Double lat = r.position().latitude();
            Double lon = r.position().longitude();
            if (lat == null || lat < -90 || lat > 90) {
                throw new InvalidFieldException("position.latitude", "must be -90..90");
            }
            if (lon == null || lon < -180 || lon > 180) {
                throw new InvalidFieldException("position.longitude", "must be -180..180");
            }
            position = Optional.of(new LocalProxy.Position(lat, lon));
        }
        return new LoginService.Login(r.clientId(), r.secret(), Optional.ofNullable(r.zone()), position,
                Optional.ofNullable(r.proxy()), requirements(r.requirements()));
    }

    private static Requirements requirements(LoginRequest.ClientRequirements r) {
        if (r == null) {
            return Requirements.DEFAULT;
        }
        return new Requirements(
                parse(Requirements.LatencyClass.class, r.latency(), Requirements.LatencyClass.NORMAL, "requirements.latency"),
                parse(Requirements.ThroughputClass.class, r.throughput(), Requirements.ThroughputClass.NORMAL,
                        "requirements.throughput"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "unknown value '" + value + "'");
        }
    }

    private static String jsonProblem(IOException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            return field + ": " + m.getOriginalMessage();
        }
        return "body is not valid JSON";
    }

    private byte[] write(Object body) {
        try {
            return runtime.json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
