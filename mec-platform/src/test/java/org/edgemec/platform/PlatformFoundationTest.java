package org.edgemec.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.edgemec.testsupport.ServiceFoundationContract;

/** Health, OpenAPI, Flyway schema, Kafka round trip and ProblemDetails, on real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlatformFoundationTest extends ServiceFoundationContract {

    @Override
    protected String openApiTitle() {
        return "EdgeMEC mec-platform";
    }

    @Override
    protected String collectionPath() {
        return "/mec_platform_mgmt/v1/app_instances";
    }

    @Override
    protected String collectionAuthorization() {
        return "Bearer edgemec-operator-dev-token";
    }
}
