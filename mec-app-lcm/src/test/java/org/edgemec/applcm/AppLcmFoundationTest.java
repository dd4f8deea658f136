package org.edgemec.applcm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.edgemec.testsupport.ServiceFoundationContract;

/** Health, OpenAPI, Flyway schema, Kafka round trip and ProblemDetails, on real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppLcmFoundationTest extends ServiceFoundationContract {

    @Override
    protected String openApiTitle() {
        return "EdgeMEC mec-app-lcm";
    }

    @Override
    protected String collectionPath() {
        return "/app_pkgm/v1/app_packages";
    }
}
