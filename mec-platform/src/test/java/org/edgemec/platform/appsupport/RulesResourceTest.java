package org.edgemec.platform.appsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RulesResourceTest {

    @Inject
    ActiveDnsRules activeDns;

    @Inject
    ActiveTrafficRules activeTraffic;

    static String dnsRule(String id, String domain, String ip, String state) {
        return """
                {"dnsRuleId": "%s", "domainName": "%s", "ipAddressType": "IP_V4", "ipAddress": "%s", "ttl": 15,
                 "state": "%s"}""".formatted(id, domain, ip, state);
    }

    static String trafficRule(String id, int priority, String state) {
        return """
                {"trafficRuleId": "%s", "filterType": "FLOW", "priority": %d,
                 "trafficFilter": [{"dstAddress": ["10.0.0.1"]}], "action": "DROP", "state": "%s"}"""
                .formatted(id, priority, state);
    }

    @Test
    void shouldReadUpdateAndReReadADnsRuleWithETags() {
        Mp1Apps.App app = Mp1Apps.provision();
        String base = "/mec_app_support/v2/applications/" + app.id() + "/dns_rules";
        String domain = app.id() + ".example.mec";
        given().header("Authorization", app.bearer()).get(base).then().statusCode(200)
                .body("$", hasSize(1), "[0].dnsRuleId", equalTo("dr1"), "[0].state", equalTo("ACTIVE"));
        assertEquals("10.88.0.5", activeDns.find(domain.toUpperCase() + ".").get(0).ipAddress());

        String etag = given().header("Authorization", app.bearer()).get(base + "/dr1").then().statusCode(200)
                .body("ttl", equalTo(30)).extract().header("ETag");
        String newTag = given().header("Authorization", app.bearer()).header("If-Match", etag)
                .contentType(ContentType.JSON).body(dnsRule("dr1", domain, "10.88.0.9", "ACTIVE"))
                .put(base + "/dr1").then().statusCode(200).body("ipAddress", equalTo("10.88.0.9"))
                .header("ETag", not(equalTo(etag))).extract().header("ETag");
        given().header("Authorization", app.bearer()).get(base + "/dr1").then().statusCode(200)
                .header("ETag", equalTo(newTag)).body("ipAddress", equalTo("10.88.0.9"));
        assertEquals("10.88.0.9", activeDns.find(domain).get(0).ipAddress(), "the DNS view sees the change");

        given().header("Authorization", app.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(dnsRule("dr1", domain, "10.88.0.10", "INACTIVE")).put(base + "/dr1")
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().header("Authorization", app.bearer()).header("If-Match", newTag).contentType(ContentType.JSON)
                .body(dnsRule("dr1", domain, "10.88.0.10", "INACTIVE")).put(base + "/dr1").then().statusCode(200);
        assertTrue(activeDns.find(domain).isEmpty(), "an INACTIVE rule is not answered");
    }

    @Test
    void shouldRefuseInvalidDnsRules() {
        Mp1Apps.App app = Mp1Apps.provision();
        String base = "/mec_app_support/v2/applications/" + app.id() + "/dns_rules";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(dnsRule("dr1", "ok.mec", "300.1.1.1", "ACTIVE")).put(base + "/dr1")
                .then().statusCode(400).body("detail", containsString("ipAddress"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(dnsRule("other", "ok.mec", "10.0.0.1", "ACTIVE")).put(base + "/dr1")
                .then().statusCode(400).body("detail", containsString("dnsRuleId"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(dnsRule("dr1", "ok.mec", "10.0.0.1", "MAYBE")).put(base + "/dr1")
                .then().statusCode(400).body("detail", containsString("state"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(dnsRule("nope", "ok.mec", "10.0.0.1", "ACTIVE")).put(base + "/nope").then().statusCode(404);
        given().header("Authorization", app.bearer()).get(base + "/nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldReadUpdateAndReReadATrafficRuleWithETags() {
        Mp1Apps.App app = Mp1Apps.provision();
        String base = "/mec_app_support/v2/applications/" + app.id() + "/traffic_rules";
        given().header("Authorization", app.bearer()).get(base).then().statusCode(200)
                .body("[0].trafficRuleId", equalTo("tr1"), "[0].dstInterface.dstIpAddress", equalTo("10.88.0.5"));
        assertTrue(activeTraffic.inPriorityOrder().stream().anyMatch(r -> r.appInstanceId().equals(app.id())
                && r.action() == ActiveTrafficRules.Action.FORWARD_DECAPSULATED
                && r.destinations().get(0).dstIpAddress().equals("10.88.0.5")));

        var get = given().header("Authorization", app.bearer()).get(base + "/tr1").then().statusCode(200).extract();
        String body = get.asString();
        String etag = get.header("ETag");
        given().header("Authorization", app.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(trafficRule("tr1", 1, "ACTIVE")).put(base + "/tr1").then().statusCode(200)
                .body("priority", equalTo(1), "action", equalTo("DROP"));
        given().header("Authorization", app.bearer()).get(base + "/tr1").then().body("priority", equalTo(1));
        assertTrue(activeTraffic.inPriorityOrder().stream().anyMatch(r -> r.appInstanceId().equals(app.id())
                && r.priority() == 1 && r.action() == ActiveTrafficRules.Action.DROP), body);

        given().header("Authorization", app.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(trafficRule("tr1", 2, "ACTIVE")).put(base + "/tr1").then().statusCode(412);
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(trafficRule("tr1", 256, "ACTIVE")).put(base + "/tr1")
                .then().statusCode(400).body("detail", containsString("priority"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"trafficRuleId\": \"tr1\", \"filterType\": \"FLOW\", \"priority\": 1, \"trafficFilter\": [],"
                        + " \"action\": \"DROP\", \"state\": \"ACTIVE\"}").put(base + "/tr1")
                .then().statusCode(400).body("detail", containsString("trafficFilter"));
        // dstInterface: the file's single object (above) or the data model's 0..2 array
        String two = """
                {"trafficRuleId": "tr1", "filterType": "FLOW", "priority": 4,
                 "trafficFilter": [{"dstAddress": ["10.0.0.1"]}], "action": "FORWARD_DECAPSULATED", "state": "ACTIVE",
                 "dstInterface": [%s]}""";
        String dst = "{\"interfaceType\": \"IP\", \"dstIpAddress\": \"10.88.0.%d\"}";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(two.formatted(dst.formatted(6) + ", " + dst.formatted(7))).put(base + "/tr1")
                .then().statusCode(200).body("dstInterface.dstIpAddress", equalTo(List.of("10.88.0.6", "10.88.0.7")));
        assertTrue(activeTraffic.inPriorityOrder().stream().anyMatch(r -> r.appInstanceId().equals(app.id())
                && r.destinations().size() == 2 && r.destinations().get(1).dstIpAddress().equals("10.88.0.7")));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(two.formatted(dst.formatted(6) + ", " + dst.formatted(7) + ", " + dst.formatted(8)))
                .put(base + "/tr1").then().statusCode(400).body("detail", containsString("dstInterface"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(trafficRule("tr1", 3, "INACTIVE")).put(base + "/tr1").then().statusCode(200);
        assertTrue(activeTraffic.inPriorityOrder().stream().noneMatch(r -> r.appInstanceId().equals(app.id())));
        given().header("Authorization", app.bearer()).get(base + "/nope").then().statusCode(404);
    }

    @Test
    void shouldOrderActiveTrafficRulesByPriority() {
        var rules = activeTraffic.inPriorityOrder();
        for (int i = 1; i < rules.size(); i++) {
            assertTrue(rules.get(i - 1).priority() <= rules.get(i).priority(), rules.toString());
        }
    }
}
