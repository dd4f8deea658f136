package org.edgemec.relocation.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /dashboard} (no slash) leads to the static page {@code /dashboard/}, keeping the query ({@code ?token=}). */
@ApplicationScoped
public class DashboardPageRoute {

    void route(@Observes Router router) {
        router.get("/dashboard").handler(rc -> {
            if (!"/dashboard".equals(rc.request().path())) {
                rc.next();
                return;
            }
            String query = rc.request().query();
            rc.response().setStatusCode(302).putHeader("Location", "/dashboard/" + (query == null ? "" : "?" + query))
                    .end();
        });
    }
}
