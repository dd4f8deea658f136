package org.edgemec.relocation.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests and bodies the AMS tests share: the operator token, unique consumers, RegistrationInfo bodies. */
public final class Ams {

    public static final String SERVICES = "/amsi/v1/app_mobility_services";
    public static final String PROBLEM = "application/problem+json";

    private Ams() {
    }

    public static String operatorToken() {
        return ConfigProvider.getConfig().getValue("edgemec.operator.token", String.class);
    }

    /** A request carrying the operator bearer token. */
    public static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + operatorToken());
    }

    /** An application instance id no other test uses, so lists can be narrowed to a test's own data. */
    public static String uniqueAppInstanceId() {
        return "app-" + UUID.randomUUID();
    }

    /** One device at {@code ip}, service level 2 (APP_MOBILITY_WITH_CONFIRMATION), context not transferred. */
    public static Map<String, Object> device(String ip) {
        return Map.of("associateId", Map.of("type", "UE_IPv4_ADDRESS", "value", ip),
                "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 2),
                "contextTransferState", 0);
    }

    public static Map<String, Object> registration(String appInstanceId, String ip, long expiryTime) {
        return Map.of("serviceConsumerId", Map.of("appInstanceId", appInstanceId),
                "deviceInformation", List.of(device(ip)),
                "expiryTime", expiryTime);
    }

    /** POSTs the body and returns the allocated appMobilityServiceId. */
    public static String register(Object body) {
        return operator().contentType(ContentType.JSON).body(body).post(SERVICES)
                .then().statusCode(201).extract().path("appMobilityServiceId");
    }
}
