package org.edgemec.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemec.edgeclient.EdgeClient;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** How the drone reaches the counter: one GET, its status, body and who served it. */
interface CounterClient extends AutoCloseable {

    record Reply(int status, String body, String servedBy) {
    }

    Reply get();

    @Override
    default void close() {
    }

    /**
     * Through an edge proxy over HTTPS with edge-client (platform CA, session cookie, follows Alt-Svc). A 421 means
     * the proxy lost the client's state; as the proxy asks, the client logs in again at the origin (the request
     * itself stays a failure).
     */
    static CounterClient viaProxy(EdgeClient client, URI origin, Runnable login) {
        return new CounterClient() {
            @Override
            public Reply get() {
                EdgeClient.Response r = client.get(origin.resolve("/"));
                if (r.status() == 421) {
                    login.run();
                }
                return new Reply(r.status(), r.body(), r.servedBy());
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /**
     * Straight to the app at the address the DNS server of the drone's current zone answers for its name (TTL 1 s:
     * asked again for every request), as a UE using its zone's DNS does.
     */
    static CounterClient viaDns(String dnsName, Supplier<String> zone, Map<String, Integer> dnsPortOfZone) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        return () -> {
            String address = resolve(dnsName, dnsPortOfZone.get(zone.get()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + address + ":8080/"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(r.statusCode(), r.body(), address + ":8080");
            } catch (IOException e) {
                throw new IllegalStateException(address + ":8080 failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        };
    }

    private static String resolve(String name, int port) {
        try {
            SimpleResolver resolver = new SimpleResolver("127.0.0.1");
            resolver.setPort(port);
            resolver.setTimeout(Duration.ofSeconds(2));
            Lookup lookup = new Lookup(name, Type.A);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            Record[] answers = lookup.run();
            if (answers == null || answers.length == 0) {
                throw new IllegalStateException("DNS 127.0.0.1:" + port + " has no A record for " + name + ": "
                        + lookup.getErrorString());
            }
            return ((ARecord) answers[0]).getAddress().getHostAddress();
        } catch (IOException e) {
            throw new IllegalStateException("DNS 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }
}
