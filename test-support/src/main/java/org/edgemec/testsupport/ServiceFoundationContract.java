package org.edgemec.testsupport;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edgemec.mp1api.events.ServiceStartedEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every EdgeMEC service promises, checked against the running application with its real PostgreSQL and Kafka.
 * A service's test extends this with {@code @QuarkusTest @QuarkusTestResource(RealInfrastructureResource.class)}.
 */
public abstract class ServiceFoundationContract {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    /** {@code info.title} of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    @Test
    void shouldReportReadyWithDatabaseAndKafkaChecks() {
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        List<String> names = health.getList("checks.name");
        assertTrue(names.stream().anyMatch(n -> n.toLowerCase().contains("database")), "checks: " + names);
        assertTrue(names.stream().anyMatch(n -> n.toLowerCase().contains("messaging")
                || n.toLowerCase().contains("kafka")), "checks: " + names);
    }

    @Test
    void shouldServeOpenApiDocumentAndSwaggerUi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(openApiTitle()));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /** A collection of the service that takes a GET and a create (POST), to send unknown parameters and fields to. */
    protected abstract String collectionPath();

    /** The Authorization header value that collection needs; null when none. */
    protected String collectionAuthorization() {
        return null;
    }

    @Test
    void shouldRefuseAnUnknownQueryParameterNamingIt() {
        var request = given().queryParam("no_such_parameter", "1");
        if (collectionAuthorization() != null) {
            request.header("Authorization", collectionAuthorization());
        }
        request.when().get(collectionPath()).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString("no_such_parameter"));
    }

    /**
     * The tolerant reader: a field outside the schema is ignored and named in a Warning header, unless the write asks
     * for {@code fieldValidation=Strict}. The body lacks the collection's required fields, so no call creates anything.
     */
    @Test
    void shouldIgnoreAnUnknownBodyFieldWithAWarningUnlessStrict() {
        String warning = "299 - \"unknown field \\\"colour\\\"\"";
        createWithUnknownField(null).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .header("Warning", equalTo(warning))
                .body("detail", not(containsString("colour")));
        createWithUnknownField("Ignore").then().statusCode(400)
                .header("Warning", nullValue())
                .body("detail", not(containsString("colour")));
        createWithUnknownField("Strict").then().statusCode(400)
                .header("Warning", nullValue())
                .body("detail", containsString("colour"));
        createWithUnknownField("Sometimes").then().statusCode(400)
                .body("detail", containsString("fieldValidation"));
    }

    private io.restassured.response.Response createWithUnknownField(String fieldValidation) {
        var request = given().contentType("application/json").body("{\"colour\": \"red\"}");
        if (fieldValidation != null) {
            request.queryParam("fieldValidation", fieldValidation);
        }
        if (collectionAuthorization() != null) {
            request.header("Authorization", collectionAuthorization());
        }
        return request.when().post(collectionPath());
    }

    /** A body above the service's limit (Quarkus: 10 MiB unless configured lower) is a 413 ProblemDetails. */
    @Test
    void shouldRefuseAnOversizedBodyWithAProblemDetails() {
        var request = given().contentType("application/json").body(new byte[11 * 1024 * 1024]);
        if (collectionAuthorization() != null) {
            request.header("Authorization", collectionAuthorization());
        }
        request.when().post(collectionPath()).then().statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(413))
                .body("detail", containsString("exceeds the limit"));
    }

    /** NUL, which PostgreSQL cannot hold in text, in an id or a query value: 400 before any lookup. */
    @Test
    void shouldRefuseAControlCharacterInThePathOrQuery() {
        var inPath = given();
        var inQuery = given().urlEncodingEnabled(false);
        if (collectionAuthorization() != null) {
            inPath.header("Authorization", collectionAuthorization());
            inQuery.header("Authorization", collectionAuthorization());
        }
        inPath.urlEncodingEnabled(false).when().get(collectionPath() + "/%00").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("path"));
        inQuery.when().get(collectionPath() + "?filter=%00").then().statusCode(400)
                .body("detail", containsString("filter"));
    }

    @Test
    void shouldAnswerUnknownPathWithProblemDetails() {
        given().when().get("/no/such/resource").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void shouldCreateItsSchemaThroughFlyway() throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM flyway_schema_history WHERE success")) {
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "no successful migration in schema " + schema());
        }
    }

    @Test
    void shouldRecordItsOwnStartEventFromKafka() throws Exception {
        String instance = config("edgemec.instance-name");
        assertTrue(awaitRow("SELECT count(*) FROM processed_event WHERE event_type = '" + ServiceStartedEvent.TYPE
                + "' AND source = ?", instance), "the service's own ServiceStarted event never came back from Kafka");
    }

    @Test
    void shouldProcessRedeliveredEventOnce() throws Exception {
        String duplicated = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", config("kafka.bootstrap.servers"),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            String topic = config("edgemec.kafka.topics.system");
            for (String id : List.of(duplicated, duplicated, marker)) {
                producer.send(new ProducerRecord<>(topic, id, "{\"id\":\"" + id + "\",\"type\":\"TestEvent\","
                        + "\"source\":\"test\",\"time\":\"" + Instant.now() + "\"}")).get();
            }
        }
        assertTrue(awaitRow("SELECT count(*) FROM processed_event WHERE event_id = ?", marker),
                "marker event not processed");
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = ?", duplicated));
    }

    private boolean awaitRow(String sql, String param) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (count(sql, param) > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private int count(String sql, String param) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    protected Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
        c.setSchema(schema());
        return c;
    }

    protected String schema() {
        return config("edgemec.db.schema");
    }

    protected static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
