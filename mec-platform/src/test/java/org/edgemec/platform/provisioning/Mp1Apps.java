package org.edgemec.platform.provisioning;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test fixture: provisions app instances through the real provisioning API and fetches their real tokens. */
public final class Mp1Apps {

    public static final String OPERATOR = "Bearer edgemec-operator-dev-token";
    public static final String APPS = "/mec_platform_mgmt/v1/app_instances";

    private Mp1Apps() {
    }

    public record App(String id, String clientId, String clientSecret, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static String newId() {
        return "app-" + UUID.randomUUID();
    }

    /** One traffic rule (tr1, priority 5) and one DNS rule (dr1, IP_V4) like an AppD would carry. */
    public static String provisioning(String id) {
        return """
                {"appInstanceId": "%s", "appDId": "d-1", "appName": "counter", "appProvider": "acme",
                 "appSoftVersion": "1.0", "endpoint": {"host": "10.88.0.5", "port": 8080},
                 "appTrafficRule": [{"trafficRuleId": "tr1", "filterType": "FLOW", "priority": 5,
                    "trafficFilter": [{"dstAddress": ["10.0.0.1"], "dstPort": ["80"]}], "action": "FORWARD_DECAPSULATED",
                    "dstInterface": {"interfaceType": "IP", "dstIPAddress": "10.88.0.5"}}],
                 "appDNSRule": [{"dnsRuleId": "dr1", "domainName": "%s.example.mec", "ipAddressType": "IP_V4",
                    "ipAddress": "10.88.0.5", "ttl": 30}]}
                """.formatted(id, id);
    }

    public static App provision() {
        return provision(newId());
    }

    public static App provision(String id) {
        var response = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(provisioning(id)).post(APPS).then().statusCode(201).extract();
        String clientId = response.path("clientId");
        String secret = response.path("clientSecret");
        return new App(id, clientId, secret, token(clientId, secret));
    }

    public static String token(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/mec_platform_mgmt/v1/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    public static void deprovision(String id) {
        given().header("Authorization", OPERATOR).delete(APPS + "/" + id).then().statusCode(204);
    }
}
