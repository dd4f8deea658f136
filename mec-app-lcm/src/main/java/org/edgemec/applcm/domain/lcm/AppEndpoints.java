package org.edgemec.applcm.domain.lcm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.edgemec.mp1api.mec0102.appd.AdditionalServiceData;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.appd.AppExternalCpd;
import org.edgemec.mp1api.mec0102.appd.ServicePortData;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/**
 * Where a started app instance serves: its container's address and the port the app declares, taken from the AppD
 * (the first TCP {@code appExtCpd[].additionalServiceData[].portData}) or else from its image's exposed ports (the
 * lowest TCP one). An app that declares neither has a host-only endpoint.
 */
public final class AppEndpoints {

    private AppEndpoints() {
    }

    /** {@code imagePorts} is asked only when the AppD declares no port. */
    public static Optional<AppEndpoint> of(String address, AppD appD, Supplier<List<Integer>> imagePorts) {
        if (address == null) {
            return Optional.empty();
        }
        Integer port = declaredPort(appD).orElseGet(() -> imagePorts.get().stream().findFirst().orElse(null));
        return Optional.of(new AppEndpoint(address, port));
    }

    static Optional<Integer> declaredPort(AppD appD) {
        List<AppExternalCpd> cpds = appD.appExtCpd() == null ? List.of() : appD.appExtCpd();
        return cpds.stream()
                .map(AppExternalCpd::additionalServiceData).filter(Objects::nonNull).flatMap(List::stream)
                .map(AdditionalServiceData::portData).filter(Objects::nonNull).flatMap(List::stream)
                .filter(p -> p.protocol() == ServicePortData.Protocol.TCP && p.port() != null)
                .map(ServicePortData::port).findFirst();
    }
}
