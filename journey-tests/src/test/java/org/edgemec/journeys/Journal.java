package org.edgemec.journeys;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the journey did last, so that a failure can say what the user would have seen: the last op occ's error, the
 * platform's last answer, the last commands, and which service to read the log of.
 */
final class Journal {

    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static volatile String lastOpOccDetails = "(no op occ yet)";
    private static volatile String lastPlatformAnswer = "(no platform call yet)";
    private static volatile String serviceAtFault;

    private Journal() {
    }

    static synchronized void exchange(Http.Answer a) {
        String line = a.method() + " " + a.url() + " -> " + a.status() + " " + abbreviate(a.body());
        remember(line);
        if (a.url().startsWith(Stack.EDGE1) || a.url().startsWith(Stack.EDGE2)) {
            lastPlatformAnswer = line;
        }
        if (a.url().contains("/app_lcm_ext/v1/app_lcm_op_occs/")) {
            lastOpOccDetails = a.body();
        }
        if (a.status() >= 400) {
            serviceAtFault = serviceOf(a.url());
        }
    }

    static synchronized void note(String line) {
        remember(line);
    }

    /** The service whose log a failure of the current step should show. */
    static void blame(String service) {
        serviceAtFault = service;
    }

    static synchronized String report() {
        StringBuilder b = new StringBuilder("\n==== journey failure: what the user would see ====\n");
        b.append("last op occ (GET /app_lcm_ext/v1/app_lcm_op_occs/{id}): ").append(lastOpOccDetails).append('\n');
        b.append("last mec-platform answer: ").append(lastPlatformAnswer).append('\n');
        b.append("last calls:\n");
        RECENT.forEach(l -> b.append("  ").append(l).append('\n'));
        List<String> services = serviceAtFault == null
                ? List.of("mec-app-lcm", "mec-platform-edge1", "mec-platform-edge2") : List.of(serviceAtFault);
        for (String s : services) {
            b.append("last lines of .mec/logs/").append(s).append(".log:\n");
            Stack.logTail(s, 40).forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.toString();
    }

    static synchronized void reset() {
        serviceAtFault = null;
    }

    private static String serviceOf(String url) {
        if (url.startsWith(Stack.EDGE1)) {
            return "mec-platform-edge1";
        }
        if (url.startsWith(Stack.EDGE2)) {
            return "mec-platform-edge2";
        }
        return url.startsWith(Stack.LCM) ? "mec-app-lcm" : null;
    }

    private static void remember(String line) {
        RECENT.addLast(line);
        while (RECENT.size() > 12) {
            RECENT.removeFirst();
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 600 ? flat.substring(0, 600) + "..." : flat;
    }
}
