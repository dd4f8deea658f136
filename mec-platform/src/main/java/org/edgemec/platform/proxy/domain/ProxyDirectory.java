package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.platform.proxy.config.ProxyConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every proxy a client may be assigned to: the ones running here and the configured peers. */
@ApplicationScoped
public class ProxyDirectory {

    private final LocalProxies local;
    private final ProxyConfig config;

    public ProxyDirectory(LocalProxies local, ProxyConfig config) {
        this.local = local;
        this.config = config;
    }

    public Optional<ProxyRef> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<ProxyRef> all() {
        List<ProxyRef> refs = new ArrayList<>();
        for (LocalProxy p : local.all()) {
            refs.add(new ProxyRef(p.name(), p.authority(), p.zone(), p.position(), Optional.empty(), true));
        }
        config.peers().forEach((name, peer) -> {
            if (local.find(name).isEmpty()) {
                Optional<LocalProxy.Position> position = peer.latitude().isPresent() && peer.longitude().isPresent()
                        ? Optional.of(new LocalProxy.Position(peer.latitude().get(), peer.longitude().get()))
                        : Optional.empty();
                refs.add(new ProxyRef(name, peer.authority(), peer.zone(), position, peer.controlUrl(), false));
            }
        });
        refs.sort(Comparator.comparing(ProxyRef::name));
        return refs;
    }

    /**
     * The proxy for a client: the one in the client's zone, else the one nearest to its position, else the proxy
     * that served the login.
     */
    public ProxyRef nearest(Optional<String> zone, Optional<LocalProxy.Position> position, ProxyRef fallback) {
        List<ProxyRef> all = all();
        if (zone.isPresent()) {
            Optional<ProxyRef> inZone = all.stream().filter(p -> p.zone().equals(zone)).findFirst();
            if (inZone.isPresent()) {
                return inZone.get();
            }
        }
        if (position.isPresent()) {
            Optional<ProxyRef> closest = all.stream().filter(p -> p.position().isPresent())
                    .min(Comparator.comparingDouble(p -> distanceKm(position.get(), p.position().get())));
            if (closest.isPresent()) {
                return closest.get();
            }
        }
        return fallback;
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(LocalProxy.Position a, LocalProxy.Position b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
