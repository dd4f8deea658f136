package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What an operator does on mec-app-lcm (MEC 010-2), through its public API only. */
final class Operator {

    static final Duration WAIT = Duration.ofSeconds(90);

    private Operator() {
    }

    /** V2.1.1 path family: {@code app_packages/{appPkgId}}. */
    static JsonNode onboardV2(Packages.Package p) {
        String id = Http.post(Stack.LCM + "/app_pkgm/v1/app_packages", null, createBody(p)).expect(201).json()
                .path("id").asText();
        Http.send("PUT", Stack.LCM + "/app_pkgm/v1/app_packages/" + id + "/package_content", null,
                "application/zip", p.zip()).expect(202);
        return until(() -> Http.get(Stack.LCM + "/app_pkgm/v1/app_packages/" + id, null).expect(200).json(),
                j -> "ONBOARDED".equals(j.path("onboardingState").asText()), "package " + id + " ONBOARDED");
    }

    /** V3.1.1 path family: {@code onboarded_app_packages/{appDId}} (the package id until the AppD names its own). */
    static JsonNode onboardV3(Packages.Package p) {
        return onboardV3(Stack.LCM, p);
    }

    /** The same through the mec-app-lcm at {@code lcm} (one replica of it). */
    static JsonNode onboardV3(String lcm, Packages.Package p) {
        String id = Http.post(lcm + "/app_pkgm/v1/onboarded_app_packages", null, createBody(p)).expect(201)
                .json().path("id").asText();
        Http.send("PUT", lcm + "/app_pkgm/v1/onboarded_app_packages/" + id + "/package_content", null,
                "application/zip", p.zip()).expect(202);
        return until(() -> Http.get(lcm + "/app_pkgm/v1/onboarded_app_packages/" + p.appDId(), null).json(),
                j -> "ONBOARDED".equals(j.path("onboardingState").asText()), "package " + p.appDId() + " ONBOARDED");
    }

    private static Map<String, Object> createBody(Packages.Package p) {
        return Map.of("appPkgName", p.appDId(), "appPkgVersion", "1.0", "appPkgPath", p.appDId() + ".zip",
                "appProvider", "edgemec", "checksum", Map.of("algorithm", "SHA-256", "hash", p.sha256()));
    }

    static String createInstance(String appDId, String name) {
        return createInstance(Stack.LCM, appDId, name);
    }

    static String createInstance(String lcm, String appDId, String name) {
        return Http.post(lcm + "/app_lcm/v1/app_instances", null,
                Map.of("appDId", appDId, "appInstanceName", name)).expect(201).json().path("id").asText();
    }

    /** Starts an LCM task and waits for its op occ to end; returns the op occ details (steps and error). */
    static JsonNode task(String instanceId, String task, Object body, String expectedState) {
        return task(Stack.LCM, instanceId, task, body, expectedState);
    }

    /** The same through the mec-app-lcm at {@code lcm}, which it also reads the op occ from. */
    static JsonNode task(String lcm, String instanceId, String task, Object body, String expectedState) {
        Http.Answer started = Http.post(lcm + "/app_lcm/v1/app_instances/" + instanceId + "/" + task, null, body)
                .expect(202);
        String header = started.header("Location").orElseThrow(() -> new AssertionError(task + ": no Location"));
        String opId = header.substring(header.lastIndexOf('/') + 1);
        String location = lcm + "/app_lcm/v1/app_lcm_op_occs/" + opId;
        JsonNode op = until(() -> Http.get(location, null).expect(200).json(),
                j -> List.of("COMPLETED", "FAILED_TEMP", "FAILED").contains(j.path("operationState").asText()),
                task + " op occ " + opId + " ends");
        JsonNode details = Http.get(lcm + "/app_lcm_ext/v1/app_lcm_op_occs/" + opId, null).expect(200).json();
        assertEquals(expectedState, op.path("operationState").asText(), task + " of " + instanceId + " ended "
                + op.path("operationState").asText() + "; op occ error: " + details.path("error"));
        return details;
    }

    static JsonNode instantiate(String instanceId, String host, String expectedState) {
        return instantiate(Stack.LCM, instanceId, host, expectedState);
    }

    static JsonNode instantiate(String lcm, String instanceId, String host, String expectedState) {
        return task(lcm, instanceId, "instantiate", Map.of("selectedMECHostInfo",
                List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), expectedState);
    }

    static JsonNode instance(String instanceId) {
        return Http.get(Stack.LCM + "/app_lcm/v1/app_instances/" + instanceId, null).expect(200).json();
    }

    /** Clean-up after a journey: terminates (when instantiated) and deletes an instance that still exists. */
    static void removeInstance(String id) {
        if (id == null || Http.get(Stack.LCM + "/app_lcm/v1/app_instances/" + id, null).status() != 200) {
            return;
        }
        try {
            if ("INSTANTIATED".equals(instance(id).path("instantiationState").asText())) {
                task(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            }
            Http.delete(Stack.LCM + "/app_lcm/v1/app_instances/" + id, null);
        } catch (AssertionError e) {
            System.err.println("clean-up of " + id + " failed: " + e.getMessage());
        }
    }

    /** Clean-up after a journey: disables and deletes an onboarded package that still exists. */
    static void removePackage(String appDId) {
        String pkg = Stack.LCM + "/app_pkgm/v1/onboarded_app_packages/" + appDId;
        if (Http.get(pkg, null).status() == 200) {
            Http.send("PATCH", pkg, null, "application/json", "{\"operationalState\":\"DISABLED\"}".getBytes());
            Http.delete(pkg, null);
        }
    }

    /** Bounded poll on readiness: returns the first value that matches or fails naming what it waited for. */
    static <T> T until(Supplier<T> probe, Predicate<T> done, String what) {
        Instant end = Instant.now().plus(WAIT);
        T last = null;
        while (Instant.now().isBefore(end)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not within " + WAIT + ": " + what + "; last seen: " + last);
    }
}
