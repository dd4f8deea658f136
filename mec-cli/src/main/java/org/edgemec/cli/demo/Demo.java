package org.edgemec.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.edgemec.cli.CliException;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.api.Steering;
import org.edgemec.edgeclient.EdgeClient;
import org.edgemec.mp1api.mec021.AssociateId;

/**
 * The paper's scenario on the running stack: the stateful counter on the host of zone A, a drone that flies between
 * zone A and zone B, publishing its position, and asks the counter every {@code interval}; the platform relocates
 * the counter to the drone's zone and steers the drone to it. Everything it creates (package, instance, AMS
 * registration) is removed at the end; it acts on nothing else.
 */
public final class Demo {

    /** What the user chose. */
    public record Options(int moves, Duration interval, double speedMetresPerSecond, Steering steering,
                          Duration relocationTimeout) {
    }

    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration POSITION_EVERY = Duration.ofSeconds(1);
    /** Successful answers after a relocation ended before the next move: the client is served at the new place. */
    private static final int ANSWERS_AFTER_MOVE = 3;

    private final Mec mec;
    private final Options options;
    private final PrintStream out;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, JsonNode> relocations = new LinkedHashMap<>();
    private final org.edgemec.cli.render.RelocationProgress progress;
    private final List<String> moveProblems = new ArrayList<>();

    public Demo(Mec mec, Options options, PrintStream out) {
        this.mec = mec;
        this.options = options;
        this.out = out;
        this.progress = new org.edgemec.cli.render.RelocationProgress(out);
    }

    public DemoReport run() {
        Map<String, String> hostOfZone = zones();
        List<String> zoneNames = new ArrayList<>(hostOfZone.keySet());
        Route route = Route.between(zoneNames.get(0), zoneNames.get(1));
        String hostA = hostOfZone.get(route.zoneA());
        DemoApp app = new DemoApp(mec.lcm(), run);
        String registration = null;
        AssociateId device = new AssociateId(AssociateId.Type.UE_IPv4_ADDRESS, droneAddress());
        try {
            out.println("[demo] onboarding the stateful counter (" + DemoApp.IMAGE + ") as " + app.appDId());
            app.onboard();
            out.println("[demo] instantiating it on " + hostA + " (" + route.zoneA() + ")");
            app.instantiate(hostA);
            registration = register(app.instanceId(), device);
            out.println("[demo] instance " + app.instanceId() + " on " + hostA + "; AMS registration " + registration
                    + " ties it to the drone (associateId " + device.value() + ")");
            try (Transactions tx = new Transactions(client(app, hostA, route, hostOfZone), out);
                 MobilityPublisher feed = new MobilityPublisher(mec.endpoints().kafka(), "edgemec.mobility",
                         "mec-cli-demo-" + run)) {
                feed.awaitTopic();
                Flight flight = new Flight(route, feed, device, app.instanceId(), hostOfZone);
                flight.awaitFirstAnswer(tx);
                tx.start(options.interval());
                for (int move = 1; move <= options.moves(); move++) {
                    flight.fly(move, tx);
                }
                tx.close();
                return new DemoReport(tx.all(), tx.state(), new ArrayList<>(relocations.values()), moveProblems,
                        options.moves());
            }
        } finally {
            if (registration != null) {
                mec.relocation().send("DELETE", "/amsi/v1/app_mobility_services/" + registration, null, null);
            }
            List<String> problems = app.remove();
            out.println(problems.isEmpty() ? "[demo] removed the instance and the package (the stack keeps running)"
                    : "[demo] clean-up incomplete: " + String.join("; ", problems));
        }
    }

    /** The first two hosts with a zone (edge1 and edge2 in ./mec up): zone -> host, in host-name order. */
    private Map<String, String> zones() {
        Map<String, String> hostOfZone = new LinkedHashMap<>();
        mec.hosts().stream().filter(h -> h.hasNonNull("zone") && mec.endpoints().dnsPorts()
                        .containsKey(h.path("name").asText()))
                .sorted((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()))
                .forEach(h -> hostOfZone.putIfAbsent(h.path("zone").asText(), h.path("name").asText()));
        if (hostOfZone.size() < 2) {
            throw new CliException(CliException.FAILED, "the demo needs two MEC hosts in two zones (edge1 and edge2 "
                    + "of ./mec up); mec-app-lcm knows: " + mec.hosts());
        }
        return hostOfZone;
    }

    /** A device address of this run only: sightings of other clients (127.0.0.1 at a proxy) do not move the demo. */
    private String droneAddress() {
        int n = Integer.parseInt(run.substring(0, 4), 16);
        return "10.77." + (n >> 8) + "." + (n & 0xff);
    }

    private String register(String instanceId, AssociateId device) {
        return mec.relocation().post("/amsi/v1/app_mobility_services", Map.of(
                "serviceConsumerId", Map.of("appInstanceId", instanceId),
                "deviceInformation", List.of(Map.of("associateId", Map.of("type", device.type().name(),
                        "value", device.value()), "contextTransferState", 0))))
                .path("appMobilityServiceId").asText();
    }

    private CounterClient client(DemoApp app, String hostA, Route route, Map<String, String> hostOfZone) {
        if (options.steering() == Steering.DNS) {
            Map<String, Integer> dnsPortOfZone = new HashMap<>();
            hostOfZone.forEach((zone, host) -> dnsPortOfZone.put(zone, mec.endpoints().dnsPorts().get(host)));
            return CounterClient.viaDns(app.dnsName(), () -> currentZone, dnsPortOfZone);
        }
        // ALT_SVC and TRAFFIC_RULE: the drone is a client of the edge proxy of zone A
        String authority = proxyAuthority(hostA);
        URI origin = URI.create("https://" + app.dnsName() + ":" + authority.substring(authority.lastIndexOf(':') + 1));
        if (!java.nio.file.Files.exists(mec.endpoints().caPem())) {
            throw new CliException(CliException.FAILED, "no platform CA at " + mec.endpoints().caPem()
                    + " (./mec up creates it)");
        }
        EdgeClient edge = EdgeClient.create(mec.endpoints().caPem(), Duration.ofSeconds(10))
                .resolve(app.dnsName(), "127.0.0.1");
        String login = "{\"clientId\":\"demo\",\"secret\":\"" + mec.endpoints().proxySecret() + "\",\"proxy\":\""
                + hostA + "\"}";
        Runnable logIn = () -> DemoApp.until(() -> {
            try {
                return edge.post(origin.resolve("/edge_proxy/v1/login"), "application/json", login).status();
            } catch (RuntimeException e) {
                return -1;
            }
        }, status -> status == 200, "login at " + hostA + "'s edge proxy (" + origin + ")");
        logIn.run();
        out.println("[drone] logged in at " + hostA + "'s edge proxy " + authority + " as " + origin.getHost());
        return CounterClient.viaProxy(edge, origin, () -> {
            logIn.run();
            out.println("[drone] the proxy lost the drone's session (421): logged in again at " + authority);
        });
    }

    private String proxyAuthority(String host) {
        for (JsonNode p : mec.platform(host).get("/edge_proxy/v1/proxies")) {
            if (p.path("local").asBoolean()) {
                return p.path("authority").asText();
            }
        }
        throw new CliException(CliException.FAILED, "mec-platform " + host + " runs no edge proxy");
    }

    private volatile String currentZone;

    /** The drone's flight: moves between the zones, publishing positions, and following the relocations. */
    private final class Flight {

        private final Route route;
        private final MobilityPublisher feed;
        private final AssociateId device;
        private final String instanceId;
        private final Map<String, String> hostOfZone;
        private long lastPublished;
        private double[] position;

        Flight(Route route, MobilityPublisher feed, AssociateId device, String instanceId,
               Map<String, String> hostOfZone) {
            this.route = route;
            this.feed = feed;
            this.device = device;
            this.instanceId = instanceId;
            this.hostOfZone = hostOfZone;
            currentZone = route.zoneA();
            position = route.position(route.zoneA(), 0);
        }

        void awaitFirstAnswer(Transactions tx) {
            publish(true);
            DemoApp.until(tx::probe, ok -> ok, "the counter answers the drone");
        }

        void fly(int move, Transactions tx) {
            String from = currentZone;
            String to = route.other(from);
            double metres = route.lengthMetres();
            long legMs = Math.round(metres / options.speedMetresPerSecond() * 1000);
            out.printf(Locale.ROOT, "[drone] move %d/%d: %s -> %s, %.0f m at %.0f m/s%n", move, options.moves(), from,
                    to, metres, options.speedMetresPerSecond());
            long start = System.currentTimeMillis();
            List<String> before = new ArrayList<>(relocations.keySet());
            for (long elapsed = 0; elapsed < legMs; elapsed = System.currentTimeMillis() - start) {
                double f = (double) elapsed / legMs;
                position = route.position(from, f);
                String zone = route.zone(from, f);
                boolean crossed = !zone.equals(currentZone);
                if (crossed) {
                    currentZone = zone;
                    out.printf(Locale.ROOT, "[drone] entered %s at %.5f,%.5f%n", zone, position[0], position[1]);
                    requestIfNotMobilityDriven(move, zone);
                }
                publish(crossed);
                follow();
                pause(TICK);
            }
            position = route.position(from, 1);
            awaitRelocation(move, before, hostOfZone.get(to), tx);
        }

        /** With DNS or TRAFFIC_RULE the demo asks for the relocation itself, before the event shows the move. */
        private void requestIfNotMobilityDriven(int move, String zone) {
            if (options.steering() != Steering.ALTSVC) {
                mec.relocateToZone(instanceId, zone, options.steering(), "demo-" + run + "-move-" + move);
            }
        }

        private void awaitRelocation(int move, List<String> before, String targetHost, Transactions tx) {
            long deadline = System.currentTimeMillis() + options.relocationTimeout().toMillis();
            JsonNode mine = null;
            while (mine == null || !org.edgemec.cli.render.RelocationProgress.finished(mine)) {
                publish(false);
                follow();
                mine = relocations.values().stream().filter(r -> !before.contains(r.path("relocationId").asText()))
                        .findFirst().orElse(null);
                if (System.currentTimeMillis() > deadline) {
                    moveProblems.add("move " + move + ": " + (mine == null ? "no relocation to " + targetHost
                            + " started" : "relocation " + mine.path("relocationId").asText() + " still "
                            + mine.path("state").asText()) + " " + options.relocationTimeout().toSeconds()
                            + " s after the drone reached " + currentZone);
                    return;
                }
                pause(TICK);
            }
            if (!targetHost.equals(mine.path("targetHost").asText())) {
                moveProblems.add("move " + move + ": relocation " + mine.path("relocationId").asText() + " went to "
                        + mine.path("targetHost").asText() + ", not " + targetHost);
            }
            long ended = System.currentTimeMillis();
            DemoApp.until(() -> tx.okSince(ended), n -> n >= ANSWERS_AFTER_MOVE || tx.all().size() > 1000,
                    ANSWERS_AFTER_MOVE + " answers after relocation " + mine.path("relocationId").asText());
        }

        private void publish(boolean now) {
            if (now || System.currentTimeMillis() - lastPublished >= POSITION_EVERY.toMillis()) {
                feed.publish(device, currentZone, position[0], position[1]);
                lastPublished = System.currentTimeMillis();
            }
        }

        /**
         * One read of the instance's relocations: progress lines for what changed. relocation-service being
         * restarted meanwhile is waited out (the relocation's own deadline bounds it): its saga resumes.
         */
        private void follow() {
            try {
                read();
                unreachableSince = 0;
            } catch (CliException e) {
                if (e.exitCode() != CliException.SERVICE) {
                    throw e;
                }
                if (unreachableSince == 0) {
                    unreachableSince = System.currentTimeMillis();
                    out.println("[demo] " + e.getMessage() + "; waiting for it");
                } else if (System.currentTimeMillis() - unreachableSince > options.relocationTimeout().toMillis()) {
                    throw e;
                }
            }
        }

        private long unreachableSince;

        private void read() {
            for (JsonNode r : mec.relocations(Map.of("appInstanceId", instanceId))) {
                String id = r.path("relocationId").asText();
                if (!progress.hasPrintedEnd(id)) {
                    JsonNode full = mec.relocation(id);
                    progress.observe(full);
                    relocations.put(id, full);
                } else {
                    relocations.putIfAbsent(id, r);
                }
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }
}
