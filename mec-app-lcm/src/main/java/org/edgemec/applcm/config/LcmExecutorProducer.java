package org.edgemec.applcm.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/** The executor of long operations (package processing, LCM operations): no request or transaction context leaks in. */
@ApplicationScoped
public class LcmExecutorProducer {

    @Produces
    @ApplicationScoped
    ManagedExecutor lcmExecutor() {
        return ManagedExecutor.builder().maxAsync(8).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    void close(@Disposes ManagedExecutor executor) {
        executor.shutdown();
    }
}
