package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.platform.steering.SteeringService;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relocation steering with strategy DNS, end to end: the operator API over HTTP (PostgreSQL behind it), answers
 * checked with dig against the application's DNS server; expiry by the scheduled job; validation, 404, 401.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DnsSteeringTest {

    @Inject
    DnsServerLifecycle server;
    @Inject
    DataSource dataSource;
    @Inject
    SteeringService steerings;

    private static String steering(String appInstanceId) {
        return Mp1Apps.APPS + "/" + appInstanceId + "/steering";
    }

    private static ValidatableResponse put(String appInstanceId, String body) {
        return given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body(body)
                .put(steering(appInstanceId)).then();
    }

    private DnsProbe dns() {
        return new DnsProbe(server.address().getPort());
    }

    private static String answer(DnsProbe dns, String domain, String type) {
        return dns.dig(domain, type, "+noall", "+answer");
    }

    @Test
    void shouldAnswerTheTargetWhileSteeredAndTheRuleAgainAfterDelete() {
        DnsProbe dns = dns();
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        assertEquals("10.88.0.5", dns.dig(domain, "A", "+short"));

        String body = """
                {"strategy": "DNS", "target": {"host": "10.88.0.9", "port": 8080}, "relocationId": "reloc-1"}""";
        String createdAt = put(app.id(), body).statusCode(200).contentType(ContentType.JSON)
                .body("appInstanceId", equalTo(app.id())).body("strategy", equalTo("DNS"))
                .body("target.host", equalTo("10.88.0.9")).body("target.port", equalTo(8080))
                .body("domainNames", contains(domain)).body("relocationId", equalTo("reloc-1"))
                .body("createdAt", notNullValue()).body("expiresAt", nullValue())
                .extract().path("createdAt");
        assertTrue(answer(dns, domain, "A").matches("(?is)" + domain + "\\.\\s+30\\s+IN\\s+A\\s+10\\.88\\.0\\.9"),
                "the target, with the rule's TTL: " + answer(dns, domain, "A"));
        assertEquals("10.88.0.9", dns.dig(domain, "A", "+short", "+tcp"));
        assertEquals("", dns.dig(domain, "AAAA", "+short"), "an IPv4 target has no AAAA record");

        // idempotent: the same body answers the same steering
        put(app.id(), body).statusCode(200).body("createdAt", equalTo(createdAt));
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(200)
                .body("createdAt", equalTo(createdAt)).body("target.host", equalTo("10.88.0.9"));

        // another body replaces it: an IPv6 target with its own TTL is an AAAA answer
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "fd00::9"}, "ttl": 5}""").statusCode(200)
                .body("target.host", equalTo("fd00::9")).body("target.port", nullValue())
                .body("relocationId", nullValue());
        assertTrue(answer(dns, domain, "AAAA").matches("(?is)" + domain + "\\.\\s+5\\s+IN\\s+AAAA\\s+fd00::9"),
                answer(dns, domain, "AAAA"));
        assertEquals("", dns.dig(domain, "A", "+short"), "NODATA for A while steered to an IPv6 target");

        given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(app.id())).then().statusCode(204);
        assertEquals("10.88.0.5", dns.dig(domain, "A", "+short"), "back to the rule's address");
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(app.id())).then().statusCode(404);
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldKeepTheSteeringWhenDeprovisionedWithKeepSteeringUntilItIsDeleted() {
        DnsProbe dns = dns();
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.9"}, "relocationId": "reloc-2"}""")
                .statusCode(200);

        given().header("Authorization", Mp1Apps.OPERATOR).delete(Mp1Apps.APPS + "/" + app.id() + "?keepSteering=true")
                .then().statusCode(204);
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + app.id()).then().statusCode(404);
        assertEquals(0, Db.number(dataSource, "SELECT count(*) FROM {s}.dns_rule WHERE app_instance_id = ?", app.id()),
                "the instance's own rules are gone");
        assertEquals("10.88.0.9", dns.dig(domain, "A", "+short"), "the steering is still answered");
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(200)
                .body("domainNames", contains(domain)).body("relocationId", equalTo("reloc-2"));

        // the same body is still the same steering; another one replaces it for the recorded names
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.10"}, "relocationId": "reloc-2"}""")
                .statusCode(200).body("domainNames", contains(domain));
        assertEquals("10.88.0.10", dns.dig(domain, "A", "+short"));

        given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(app.id())).then().statusCode(204);
        assertTrue(dns.dig(domain, "A").contains("status: NXDOMAIN"), "the name is unknown now");
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.9"}}""").statusCode(404)
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
    }

    @Test
    void shouldEndTheSteeringWithTheInstanceWithoutKeepSteering() {
        DnsProbe dns = dns();
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.9"}}""").statusCode(200);
        Mp1Apps.deprovision(app.id());
        assertTrue(dns.dig(domain, "A").contains("status: NXDOMAIN"), dns.dig(domain, "A"));
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(404);
    }

    @Test
    void shouldRemoveAnExpiredSteeringWithTheScheduledJob() throws Exception {
        DnsProbe dns = dns();
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        var r = put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.9"}, "expiresAfter": "PT2S"}""").statusCode(200)
                .extract();
        Instant createdAt = OffsetDateTime.parse(r.path("createdAt")).toInstant();
        assertEquals(createdAt.plusSeconds(2), OffsetDateTime.parse(r.path("expiresAt")).toInstant());
        assertEquals("10.88.0.9", dns.dig(domain, "A", "+short"));

        Instant deadline = Instant.now().plusSeconds(15);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().extract()
                    .statusCode();
        }
        assertEquals(404, status, "removed by the expiry job");
        assertTrue(Instant.now().isAfter(createdAt.plusSeconds(2)));
        assertEquals("10.88.0.5", dns.dig(domain, "A", "+short"), "the rule's address again");
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldSkipAnExpiredSteeringThatAnotherReplicaHolds() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        put(app.id(), """
                {"strategy": "DNS", "target": {"host": "10.88.0.9"}, "expiresAfter": "PT1H"}""").statusCode(200);
        String schema = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("edgemec.db.schema", String.class);
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT 1 FROM " + schema
                    + ".steering WHERE app_instance_id = ? FOR UPDATE")) {
                lock.setString(1, app.id());
                assertTrue(lock.executeQuery().next());
            }
            assertEquals(0, steerings.removeExpired(later, 50), "the locked row is skipped, nothing waits for it");
            other.rollback();
        }
        assertEquals(1, steerings.removeExpired(later, 50), "claimed once the lock is gone");
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(404);
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldRefuseInvalidBodiesNamingTheField() {
        Mp1Apps.App app = Mp1Apps.provision();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"target\": {\"host\": \"10.88.0.9\"}}", "strategy"),
                Map.entry("{\"strategy\": \"CARRIER_PIGEON\", \"target\": {\"host\": \"10.88.0.9\"}}", "strategy"),
                Map.entry("{\"strategy\": \"DNS\"}", "target"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"port\": 80}}", "target.host"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"edge2.example\"}}", "target.host"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.300\"}}", "target.host"),
                Map.entry("{\"strategy\": \"TRAFFIC_RULE\", \"target\": {\"host\": \"10.88.0.9\"}}", "target.port"),
                Map.entry("{\"strategy\": \"TRAFFIC_RULE\", \"target\": {\"host\": \"10.88.0.9\", \"port\": 0}}",
                        "target.port"),
                Map.entry("{\"strategy\": \"TRAFFIC_RULE\", \"target\": {\"host\": \"10.88.0.9\", \"port\": 70000}}",
                        "target.port"),
                Map.entry("{\"strategy\": \"TRAFFIC_RULE\", \"target\": {\"host\": \"not a host\", \"port\": 80}}",
                        "target.host"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}, \"expiresAfter\": \"PT0S\"}",
                        "expiresAfter"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}, \"expiresAfter\": \"-PT5S\"}",
                        "expiresAfter"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}, \"expiresAfter\": \"soon\"}",
                        "expiresAfter"),
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}, \"ttl\": -1}", "ttl"),
                // an unknown field is ignored (tolerant reader), so the answer names the real error
                Map.entry("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}, \"colour\": \"red\","
                        + " \"ttl\": -2}", "ttl"));
        cases.forEach((body, field) -> put(app.id(), body).statusCode(400)
                .contentType(containsString("application/problem+json")).body("status", equalTo(400))
                .body("detail", containsString(field)));
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(404);
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldAnswer404ForAnUnknownInstanceAnd401WithoutTheOperatorToken() {
        String unknown = Mp1Apps.newId();
        put(unknown, "{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}}").statusCode(404)
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(unknown)).then().statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(unknown)).then().statusCode(404);

        Mp1Apps.App app = Mp1Apps.provision();
        String body = "{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}}";
        given().contentType(ContentType.JSON).body(body).put(steering(app.id())).then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body)
                .put(steering(app.id())).then().statusCode(401);
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body(body)
                .put(steering(app.id())).then().statusCode(401);
        given().get(steering(app.id())).then().statusCode(401);
        given().delete(steering(app.id())).then().statusCode(401);
        given().header("Authorization", Mp1Apps.OPERATOR).get(steering(app.id())).then().statusCode(404);
        Mp1Apps.deprovision(app.id());
    }
}
