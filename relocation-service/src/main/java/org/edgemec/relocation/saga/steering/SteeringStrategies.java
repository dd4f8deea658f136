package org.edgemec.relocation.saga.steering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import org.edgemec.relocation.saga.Steering;

/** The strategy for each {@link Steering}. */
@ApplicationScoped
public class SteeringStrategies {

    private final Map<Steering, SteeringStrategy> byKind = new EnumMap<>(Steering.class);

    public SteeringStrategies(Instance<SteeringStrategy> all) {
        all.forEach(s -> byKind.put(s.kind(), s));
    }

    public SteeringStrategy of(Steering kind) {
        SteeringStrategy s = byKind.get(kind);
        if (s == null) {
            throw new IllegalStateException("no steering strategy " + kind);
        }
        return s;
    }
}
