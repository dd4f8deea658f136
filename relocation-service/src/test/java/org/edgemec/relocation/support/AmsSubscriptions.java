package org.edgemec.relocation.support;

import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.edgemec.relocation.support.Ams.operator;

/** Subscription bodies, requests and outbox look-ups the AMS subscription tests share. */
public final class AmsSubscriptions {

    public static final String SUBSCRIPTIONS = "/amsi/v1/subscriptions";
    public static final String MOBILITY_PROCEDURES = "/ams_ext/v1/mobility_procedures";
    public static final String ADJACENT_APP_INFO = "/ams_ext/v1/adjacent_app_info";
    /** Nothing listens on the discard port: notifications to it fail and are retried, which is harmless. */
    public static final String NOWHERE = "http://127.0.0.1:9/notify";

    private AmsSubscriptions() {
    }

    public static Map<String, Object> ue(String ip) {
        return Map.of("type", "UE_IPv4_ADDRESS", "value", ip);
    }

    /** A MobilityProcedureSubscription; criteria may be null (left out). */
    public static Map<String, Object> mobility(String callback, String appInstanceId, List<?> associateId,
                                               List<Integer> mobilityStatus) {
        Map<String, Object> criteria = new HashMap<>();
        if (appInstanceId != null) {
            criteria.put("appInstanceId", appInstanceId);
        }
        if (associateId != null) {
            criteria.put("associateId", associateId);
        }
        if (mobilityStatus != null) {
            criteria.put("mobilityStatus", mobilityStatus);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("subscriptionType", "MobilityProcedureSubscription");
        body.put("callbackReference", callback);
        body.put("filterCriteria", criteria);
        return body;
    }

    public static Map<String, Object> adjacent(String callback, String appInstanceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("subscriptionType", "AdjacentAppInfoSubscription");
        body.put("callbackReference", callback);
        body.put("filterCriteria", Map.of("appInstanceId", appInstanceId));
        return body;
    }

    public static Map<String, Object> timeStamp(Instant instant) {
        return Map.of("seconds", instant.getEpochSecond(), "nanoSeconds", instant.getNano());
    }

    /** POSTs the subscription and returns its _links.self.href. */
    public static String subscribe(Map<String, Object> body) {
        return operator().contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS)
                .then().statusCode(201).extract().path("_links.self.href");
    }

    public static String idOf(String href) {
        return href.substring(href.lastIndexOf('/') + 1);
    }

    public static void mobilityProcedure(String appInstanceId, List<?> associateId, int mobilityStatus) {
        operator().contentType(ContentType.JSON)
                .body(Map.of("appInstanceId", appInstanceId, "associateId", associateId,
                        "mobilityStatus", mobilityStatus))
                .post(MOBILITY_PROCEDURES).then().statusCode(202);
    }

    /** Outbox rows of a subscription, optionally only those with {@code status}, and their highest attempt count. */
    public static int[] outbox(String subscriptionId, String status) {
        String sql = "SELECT count(*), coalesce(max(attempts), 0) FROM notification_outbox WHERE subscription_id = ?"
                + (status == null ? "" : " AND status = ?");
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, subscriptionId);
            if (status != null) {
                s.setString(2, status);
            }
            ResultSet row = s.executeQuery();
            row.next();
            return new int[] {row.getInt(1), row.getInt(2)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last errors of a subscription's outbox rows. */
    public static List<String> outboxErrors(String subscriptionId) {
        String sql = "SELECT last_error FROM notification_outbox WHERE subscription_id = ? AND last_error IS NOT NULL";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, subscriptionId);
            ResultSet rows = s.executeQuery();
            List<String> errors = new java.util.ArrayList<>();
            while (rows.next()) {
                errors.add(rows.getString(1));
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws Exception {
        Connection c = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
        c.setSchema(config("edgemec.db.schema"));
        return c;
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
