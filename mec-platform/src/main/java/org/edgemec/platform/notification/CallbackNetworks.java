package org.edgemec.platform.notification;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.platform.config.CallbackConfig;
import org.edgemec.platform.persistence.StoredLimits;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The check of every Mp1 subscription's callbackReference: a well-formed http(s) URI ({@link CallbackReferences})
 * whose host, resolved now, has only addresses inside {@code edgemec.callbacks.allowed-networks}. Every address is
 * checked, not the first: a name with one private and one public address must not pass. Created at start so that a
 * malformed network in the configuration stops the platform instead of the first subscription.
 */
@Startup
@ApplicationScoped
public class CallbackNetworks {

    /** Resolves a host name to all its addresses (the JDK resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<Cidr> allowed;
    private final Resolver resolver;

    @Inject
    public CallbackNetworks(CallbackConfig config) {
        this(config.allowedNetworks(), InetAddress::getAllByName);
    }

    public CallbackNetworks(List<String> allowedNetworks, Resolver resolver) {
        this.allowed = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /** The normalised callbackReference, or 400 naming {@code callbackReference}. */
    public String check(String callbackReference) {
        StoredLimits.maxLength("callbackReference", callbackReference, StoredLimits.CALLBACK);
        String callback = CallbackReferences.validate(callbackReference);
        String host = URI.create(callback).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidFieldException("callbackReference", "host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw new InvalidFieldException("callbackReference", "host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (allowed.stream().noneMatch(n -> n.contains(address))) {
                throw new InvalidFieldException("callbackReference", "host " + host + " resolves to "
                        + address.getHostAddress() + ", outside the networks notifications may be sent to "
                        + "(edgemec.callbacks.allowed-networks)");
            }
        }
        return callback;
    }

    /** A network prefix; a bare address is a /32 or /128. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String value) {
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            if (!address.matches("[0-9A-Fa-f:.]+")) {
                // a literal only: a name here would be resolved once, at start, and silently go stale
                throw new IllegalArgumentException("edgemec.callbacks.allowed-networks: '" + value
                        + "' is not an address or CIDR");
            }
            try {
                byte[] net = InetAddress.getByName(address).getAddress();
                int bits = slash < 0 ? net.length * 8 : Integer.parseInt(value.substring(slash + 1));
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("edgemec.callbacks.allowed-networks: prefix length of '"
                            + value + "' out of range");
                }
                return new Cidr(net, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("edgemec.callbacks.allowed-networks: '" + value
                        + "' is not an address or CIDR", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false; // IPv4-mapped IPv6 literals already come back from the JDK as IPv4 addresses
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (a[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
