package org.edgemec.applcm.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.common.error.MecException;
import org.edgemec.common.error.ProblemStatus;
import org.edgemec.common.rest.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content negotiation runs before the resource method, so an {@code Accept} that a package route cannot produce
 * answered 406 even for a package that does not exist. ETSI answers an unknown resource 404 whatever the client
 * accepts: for the package routes, a 406 is only given for a package that exists. Negotiation fails on the event
 * loop, so the lookup runs on a worker thread.
 */
@Singleton
public class UnknownPackageNotAcceptableMapper {

    private static final Pattern PACKAGE = Pattern.compile("/app_pkgm/v[12]/(onboarded_)?app_packages/([^/]+)(/.*)?");

    private final PackageService packages;

    public UnknownPackageNotAcceptableMapper(PackageService packages) {
        this.packages = packages;
    }

    @ServerExceptionMapper
    public Uni<Response> notAcceptable(NotAcceptableException e, UriInfo uriInfo) {
        URI uri = uriInfo.getRequestUri();
        Response notAcceptable = Problems.response(406, "Not Acceptable", e.getMessage(), uri);
        Matcher m = PACKAGE.matcher(uri.getRawPath());
        if (!m.matches()) {
            return Uni.createFrom().item(notAcceptable);
        }
        boolean byAppDId = m.group(1) != null;
        String key = m.group(2);
        return Uni.createFrom().item(() -> {
            try {
                // an unknown key throws, and the transaction ends rolled back; the exception is rethrown as it is
                QuarkusTransaction.requiringNew().run(() -> {
                    if (byAppDId) {
                        packages.getByAppDId(key);
                    } else {
                        packages.get(key);
                    }
                });
                return notAcceptable;
            } catch (MecException unknown) {
                return Problems.response(ProblemStatus.of(unknown), unknown.title(), unknown.getMessage(), uri);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
