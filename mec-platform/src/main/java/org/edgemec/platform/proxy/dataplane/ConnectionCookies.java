package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import org.edgemec.platform.proxy.session.SessionCookies;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The session cookie last verified on each client connection, so that the requests a keep-alive connection carries
 * cost one HMAC check, not one each. A connection belongs to one event loop, so the map is per event-loop thread (no
 * lock); weak keys let a closed connection's entry go with it. A different cookie on the same connection, or an
 * expired one, is verified again.
 */
final class ConnectionCookies {

    private record Entry(String cookie, SessionCookies.Verified verified) {
    }

    private final SessionCookies cookies;
    private final ThreadLocal<Map<HttpConnection, Entry>> perLoop = ThreadLocal.withInitial(WeakHashMap::new);

    ConnectionCookies(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /** The client id of {@code request}'s cookie value; throws as {@link SessionCookies#verify} does. */
    String clientId(HttpServerRequest request, String cookie) {
        HttpConnection connection = request.connection();
        if (connection == null || cookie == null) {
            return cookies.verify(cookie);
        }
        Map<HttpConnection, Entry> verified = perLoop.get();
        Entry e = verified.get(connection);
        if (e != null && e.cookie().equals(cookie) && cookies.stillValid(e.verified())) {
            return e.verified().clientId();
        }
        SessionCookies.Verified fresh = cookies.verified(cookie);
        verified.put(connection, new Entry(cookie, fresh));
        return fresh.clientId();
    }
}
