package org.edgemec.relocation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.edgemec.testsupport.ServiceFoundationContract;

/** Health, OpenAPI, Flyway schema, Kafka round trip and ProblemDetails, on real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RelocationFoundationTest extends ServiceFoundationContract {

    @Override
    protected String openApiTitle() {
        return "EdgeMEC relocation-service";
    }

    @Override
    protected String collectionPath() {
        return "/relocation/v1/relocations";
    }

    @Override
    protected String collectionAuthorization() {
        return "Bearer edgemec-operator-dev-token";
    }
}
