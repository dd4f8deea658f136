package org.edgemec.platform.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 (d): app B's token, or a token forged for app A, never reads or changes anything of app A. Every Mp1
 * operation under /applications/{appInstanceId} (and /registrations/{appInstanceId}) is called with B's token on A's
 * path, and with B's own path naming A's sub-resources; each answers 404 as for an unknown app, a forged token 401,
 * and A's resources and rows are the same afterwards.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppIsolationTest {

    private static final String SUPPORT = "/mec_app_support/v2";
    private static final String SERVICES = "/mec_service_mgmt/v1";

    @Inject
    DataSource dataSource;

    @Inject
    SecurityConfig security;

    @Inject
    PlatformKeys keys;

    @Inject
    org.edgemec.platform.domain.rules.ActiveDnsRules activeDns;

    record Call(String method, String path, String body) {
        Response send(String bearer) {
            var request = given().header("Authorization", bearer).contentType(ContentType.JSON);
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, path);
        }
    }

    @Test
    void shouldAnswer404AndChangeNothingWhenAnotherAppCallsEveryAppScopedOperation() throws Exception {
        Mp1Apps.App a = Mp1Apps.provision();
        Mp1Apps.App b = Mp1Apps.provision();
        // A has one of everything an app can own
        given().header("Authorization", a.bearer()).contentType(ContentType.JSON).body(appInfo(a.id()))
                .post(SUPPORT + "/registrations").then().statusCode(201);
        String service = given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("iso-" + UUID.randomUUID(), 60)).post(SERVICES + "/applications/" + a.id()
                        + "/services").then().statusCode(201).extract().path("serInstanceId");
        String termSub = lastSegment(given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                .body(terminationSubscription(a.id())).post(SUPPORT + "/applications/" + a.id() + "/subscriptions")
                .then().statusCode(201).extract().header("Location"));
        String availSub = lastSegment(given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                .body(availabilitySubscription()).post(SERVICES + "/applications/" + a.id() + "/subscriptions")
                .then().statusCode(201).extract().header("Location"));
        String before = snapshot(a, service, termSub, availSub);

        List<Call> calls = new ArrayList<>();
        for (String owner : List.of(a.id(), b.id())) {
            // with B's own id in the path, A's sub-resource ids must be as unknown as with A's id
            String app = SUPPORT + "/applications/" + owner;
            String mgmt = SERVICES + "/applications/" + owner;
            calls.add(new Call("GET", app + "/subscriptions/" + termSub, null));
            calls.add(new Call("DELETE", app + "/subscriptions/" + termSub, null));
            calls.add(new Call("GET", mgmt + "/subscriptions/" + availSub, null));
            calls.add(new Call("DELETE", mgmt + "/subscriptions/" + availSub, null));
            calls.add(new Call("GET", mgmt + "/services/" + service, null));
            calls.add(new Call("PUT", mgmt + "/services/" + service, serviceInfoWithId("stolen", service)));
            calls.add(new Call("DELETE", mgmt + "/services/" + service, null));
            calls.add(new Call("GET", mgmt + "/services/" + service + "/liveness", null));
            calls.add(new Call("PATCH", mgmt + "/services/" + service + "/liveness", "{\"state\": \"ACTIVE\"}"));
        }
        String app = SUPPORT + "/applications/" + a.id();
        String mgmt = SERVICES + "/applications/" + a.id();
        calls.addAll(List.of(
                new Call("GET", SUPPORT + "/registrations/" + a.id(), null),
                new Call("PUT", SUPPORT + "/registrations/" + a.id(), appInfo(a.id())),
                new Call("DELETE", SUPPORT + "/registrations/" + a.id(), null),
                new Call("POST", SUPPORT + "/registrations", appInfo(a.id())),
                new Call("POST", app + "/confirm_ready", "{\"indication\": \"READY\"}"),
                new Call("POST", app + "/confirm_termination", "{\"operationAction\": \"TERMINATING\"}"),
                new Call("GET", app + "/subscriptions", null),
                new Call("POST", app + "/subscriptions", terminationSubscription(a.id())),
                new Call("GET", app + "/traffic_rules", null),
                new Call("GET", app + "/traffic_rules/tr1", null),
                new Call("PUT", app + "/traffic_rules/tr1", """
                        {"trafficRuleId": "tr1", "filterType": "FLOW", "priority": 0,
                         "trafficFilter": [{"protocol": ["TCP"]}], "action": "DROP", "state": "ACTIVE"}"""),
                new Call("GET", app + "/dns_rules", null),
                new Call("GET", app + "/dns_rules/dr1", null),
                new Call("PUT", app + "/dns_rules/dr1", """
                        {"dnsRuleId": "dr1", "domainName": "%s.example.mec", "ipAddressType": "IP_V4",
                         "ipAddress": "10.66.6.6", "state": "ACTIVE"}""".formatted(a.id())),
                new Call("GET", mgmt + "/services", null),
                new Call("POST", mgmt + "/services", serviceInfo("planted-" + UUID.randomUUID(), null)),
                new Call("GET", mgmt + "/subscriptions", null),
                new Call("POST", mgmt + "/subscriptions", availabilitySubscription()),
                new Call("GET", "/mec_app_support/v1/registrations/" + a.id(), null),
                new Call("GET", "/mec_app_support/v1/applications/" + a.id() + "/dns_rules", null)));

        String forged = forgedToken(a.id());
        for (Call call : calls) {
            Response answer = call.send(b.bearer());
            assertEquals(404, answer.statusCode(), call + " with B's token: " + answer.asString());
            assertEquals("application/problem+json", answer.contentType().split(";")[0], call.toString());
            Response forgedAnswer = call.send("Bearer " + forged);
            assertEquals(401, forgedAnswer.statusCode(), call + " with a forged token: " + forgedAnswer.asString());
        }
        assertEquals(before, snapshot(a, service, termSub, availSub), "nothing of A changed");
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mec_service where ser_name like 'planted-%'"
                + " or ser_name = 'stolen'"));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_termination where app_instance_id = ?",
                a.id()));
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.mp1_subscription where app_instance_id = ?"
                + " and subscription_type = 'AppTerminationNotificationSubscription'", a.id()));
        // and A itself still can
        given().header("Authorization", a.bearer()).get(app + "/subscriptions/" + termSub).then().statusCode(200);
        Mp1Apps.deprovision(a.id()); // its unfiltered availability subscription would hear every later test
        Mp1Apps.deprovision(b.id());
    }

    /** Issue 13 (b): over Mp1 an app changes its DNS rules' addresses and states, never takes another name. */
    @Test
    void shouldRefuseADnsRuleNamingANameThatIsNotTheApps() {
        Mp1Apps.App a = Mp1Apps.provision();
        Mp1Apps.App b = Mp1Apps.provision();
        String rule = SUPPORT + "/applications/" + b.id() + "/dns_rules/dr1";
        String before = given().header("Authorization", b.bearer()).get(rule).then().statusCode(200).extract()
                .asString();
        for (String name : List.of(a.id() + ".example.mec", "bank.example.com", "example.mec")) {
            given().header("Authorization", b.bearer()).contentType(ContentType.JSON).body("""
                    {"dnsRuleId": "dr1", "domainName": "%s", "ipAddressType": "IP_V4", "ipAddress": "10.66.6.6",
                     "state": "ACTIVE"}""".formatted(name)).put(rule)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("domainName"));
        }
        assertEquals(before, given().header("Authorization", b.bearer()).get(rule).then().extract().asString());
        assertEquals(List.of(a.id()), activeDns.find(a.id() + ".example.mec").stream()
                .map(org.edgemec.platform.domain.rules.ActiveDnsRules.DnsRecord::appInstanceId).toList(),
                "only A answers A's name");
        // its own name, in another spelling, is fine
        given().header("Authorization", b.bearer()).contentType(ContentType.JSON).body("""
                {"dnsRuleId": "dr1", "domainName": "%s.EXAMPLE.mec.", "ipAddressType": "IP_V4",
                 "ipAddress": "10.66.6.6", "state": "ACTIVE"}""".formatted(b.id())).put(rule).then().statusCode(200);
    }

    /** Issue 13 (c): notifications go only to the allowed networks (default: loopback and private ranges). */
    @Test
    void shouldRefuseCallbacksOutsideTheAllowedNetworksOfEverySubscriptionType() {
        Mp1Apps.App a = Mp1Apps.provision();
        String termination = SUPPORT + "/applications/" + a.id() + "/subscriptions";
        String availability = SERVICES + "/applications/" + a.id() + "/subscriptions";
        for (String callback : List.of("http://8.8.8.8/cb", "http://169.254.169.254/latest/meta-data",
                "https://[2001:db8::1]:8443/cb", "http://0.0.0.0:9/cb", "http://[::ffff:8.8.4.4]/cb",
                "http://no-such-host.invalid/cb")) {
            given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                    .body(terminationSubscription(a.id()).replace("http://127.0.0.1:9/notify", callback))
                    .post(termination).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("callbackReference"));
            given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                    .body(availabilitySubscription().replace("http://127.0.0.1:9/notify", callback))
                    .post(availability).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("callbackReference"));
        }
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mp1_subscription where app_instance_id = ?",
                a.id()), "nothing stored");
        for (String callback : List.of("http://localhost:9/cb", "http://10.1.2.3:8080/cb", "http://192.168.1.1/cb",
                "http://[::1]:9/cb", "http://[fd00::5]:9/cb")) {
            String location = given().header("Authorization", a.bearer()).contentType(ContentType.JSON)
                    .body(availabilitySubscription().replace("http://127.0.0.1:9/notify", callback))
                    .post(availability).then().statusCode(201).extract().header("Location");
            // deleted at once: unfiltered, it would be notified of every later test's services, and unroutable
            // private addresses would hold the outbox in connect timeouts
            given().header("Authorization", a.bearer()).delete(location).then().statusCode(204);
        }
        Mp1Apps.deprovision(a.id());
    }

    /** Everything of A as A reads it, plus the rows an operation could touch without a readable trace. */
    private String snapshot(Mp1Apps.App a, String service, String termSub, String availSub) {
        String app = SUPPORT + "/applications/" + a.id();
        String mgmt = SERVICES + "/applications/" + a.id();
        StringBuilder all = new StringBuilder();
        for (String path : List.of(SUPPORT + "/registrations/" + a.id(), app + "/subscriptions",
                app + "/subscriptions/" + termSub, app + "/traffic_rules", app + "/dns_rules", mgmt + "/services",
                mgmt + "/services/" + service, mgmt + "/subscriptions", mgmt + "/subscriptions/" + availSub)) {
            Response r = given().header("Authorization", a.bearer()).get(path);
            all.append(path).append(' ').append(r.statusCode()).append(' ').append(r.asString()).append('\n');
            all.append(r.header("ETag")).append('\n');
        }
        all.append(Db.single(dataSource, "select ready_at from {s}.app_instance where app_instance_id = ?", a.id()));
        all.append(Db.single(dataSource, "select string_agg(version || ':' || state, ',' order by id)"
                + " from {s}.traffic_rule where app_instance_id = ?", a.id()));
        all.append(Db.single(dataSource, "select string_agg(version || ':' || state, ',' order by id)"
                + " from {s}.dns_rule where app_instance_id = ?", a.id()));
        return all.toString();
    }

    /** Signed like the platform's own tokens (issuer, key id, group), but with a key the platform never had. */
    private String forgedToken(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        return Jwt.issuer(security.issuer()).subject(subject).groups(Set.of("mec-app")).expiresIn(3600)
                .jws().keyId(keys.keyId()).sign(foreign);
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String appInfo(String id) {
        return """
                {"appName": "counter", "appProvider": "acme", "appDId": "d-1", "appInstanceId": "%s",
                 "isInsByMec": true}""".formatted(id);
    }

    private static String serviceInfo(String name, Integer livenessInterval) {
        return """
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat/c1", "id": "c1", "name": "cat",
                 "version": "1"}, "version": "1.0", "state": "ACTIVE", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"%s}""".formatted(name,
                livenessInterval == null ? "" : ", \"livenessInterval\": " + livenessInterval);
    }

    private static String serviceInfoWithId(String name, String id) {
        return serviceInfo(name, null).replaceFirst("\\{", "{\"serInstanceId\": \"" + id + "\", ");
    }

    private static String terminationSubscription(String id) {
        return """
                {"subscriptionType": "AppTerminationNotificationSubscription",
                 "callbackReference": "http://127.0.0.1:9/notify", "appInstanceId": "%s"}""".formatted(id);
    }

    private static String availabilitySubscription() {
        return """
                {"subscriptionType": "SerAvailabilityNotificationSubscription",
                 "callbackReference": "http://127.0.0.1:9/notify"}""";
    }
}
