package org.edgemec.platform.appsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13.3: services have ETag/If-Match like the rules, and every conditional update is atomic: two PUTs sent at
 * the same moment with the same If-Match never both win (the row is locked for the update; the second sees the new
 * version and gets 412).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ConditionalUpdatesTest {

    private static final int ROUNDS = 5;

    @Inject
    DataSource dataSource;

    static String serviceInfo(String serName, String version) {
        return """
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat/c1", "id": "c1", "name": "cat",
                 "version": "1"}, "version": "%s", "state": "ACTIVE", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"}""".formatted(serName, version);
    }

    @Test
    void shouldTagAServiceAndRefuseAStaleIfMatchWith412() {
        Mp1Apps.App app = Mp1Apps.provision();
        String name = "tagged-" + UUID.randomUUID();
        String services = "/mec_service_mgmt/v1/applications/" + app.id() + "/services";
        String id = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name, "1.0")).post(services).then().statusCode(201).extract().path("serInstanceId");
        String service = services + "/" + id;
        String etag = given().header("Authorization", app.bearer()).get(service).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).extract().header("ETag");

        String next = given().header("Authorization", app.bearer()).header("If-Match", etag)
                .contentType(ContentType.JSON).body(serviceInfo(name, "1.1")).put(service).then().statusCode(200)
                .body("version", equalTo("1.1")).header("ETag", not(equalTo(etag))).extract().header("ETag");
        given().header("Authorization", app.bearer()).get(service).then().header("ETag", equalTo(next));

        given().header("Authorization", app.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(serviceInfo(name, "9.9")).put(service).then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().header("Authorization", app.bearer()).get(service).then().body("version", equalTo("1.1"))
                .header("ETag", equalTo(next));
        // If-Match: * and no If-Match are unconditional
        given().header("Authorization", app.bearer()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(serviceInfo(name, "1.2")).put(service).then().statusCode(200);
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name, "1.3")).put(service).then().statusCode(200).header("ETag", equalTo("\"4\""));
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentServicePutsWithTheSameETagWin() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        String name = "race-" + UUID.randomUUID();
        String services = "/mec_service_mgmt/v1/applications/" + app.id() + "/services";
        String id = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name, "0")).post(services).then().statusCode(201).extract().path("serInstanceId");
        race(app, services + "/" + id, v -> serviceInfo(name, v), "version",
                "select version from {s}.mec_service where ser_instance_id = ?", id);
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentTrafficRulePutsWithTheSameETagWin() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        race(app, "/mec_app_support/v2/applications/" + app.id() + "/traffic_rules/tr1", v -> """
                {"trafficRuleId": "tr1", "filterType": "FLOW", "priority": %s,
                 "trafficFilter": [{"dstAddress": ["10.0.0.1"]}], "action": "DROP", "state": "ACTIVE"}"""
                .formatted(v), "priority", "select version from {s}.traffic_rule where app_instance_id = ?"
                + " and traffic_rule_id = 'tr1'", app.id());
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentDnsRulePutsWithTheSameETagWin() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        race(app, "/mec_app_support/v2/applications/" + app.id() + "/dns_rules/dr1", v -> """
                {"dnsRuleId": "dr1", "domainName": "%s.example.mec", "ipAddressType": "IP_V4",
                 "ipAddress": "10.88.1.%s", "ttl": 30, "state": "ACTIVE"}""".formatted(app.id(), v), "ipAddress",
                "select version from {s}.dns_rule where app_instance_id = ? and dns_rule_id = 'dr1'", app.id());
    }

    /**
     * Per round: both threads take the same ETag, wait at a barrier, then PUT different bodies with it. Exactly one
     * answers 200 and one 412, the stored body is the winner's, and the version went up by exactly one.
     */
    private void race(Mp1Apps.App app, String uri, Function<String, String> body, String field, String versionSql,
                      String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String etag = given().header("Authorization", app.bearer()).get(uri).then().statusCode(200)
                        .extract().header("ETag");
                long before = Db.number(dataSource, versionSql, key);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Response>> answers = new ArrayList<>();
                List<String> values = List.of(String.valueOf(10 + 2 * round), String.valueOf(11 + 2 * round));
                for (String value : values) {
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return given().header("Authorization", app.bearer()).header("If-Match", etag)
                                .contentType(ContentType.JSON).body(body.apply(value)).put(uri);
                    }));
                }
                Response first = answers.get(0).get(30, TimeUnit.SECONDS);
                Response second = answers.get(1).get(30, TimeUnit.SECONDS);
                List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, "round " + round + ": " + first.asString() + " / "
                        + second.asString());
                String winner = first.statusCode() == 200 ? values.get(0) : values.get(1);
                String stored = given().header("Authorization", app.bearer()).get(uri).then().statusCode(200)
                        .extract().path(field).toString();
                assertEquals(winner, field.equals("ipAddress") ? stored.substring("10.88.1.".length()) : stored,
                        "round " + round + ": the winner's body is stored");
                assertEquals(before + 1, Db.number(dataSource, versionSql, key), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
