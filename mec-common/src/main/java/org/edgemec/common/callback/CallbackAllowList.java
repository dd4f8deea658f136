package org.edgemec.common.callback;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.error.InvalidFieldException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a service may send notifications: every address a callback's host resolves to, now, must be inside
 * {@code edgemec.callbacks.allowed-networks} (default loopback and the private ranges, RFC 1918 and RFC 4193, where
 * a MEC system's consumers live; link-local, with cloud metadata at 169.254.169.254, and public addresses are left
 * out, so no subscriber can make a service POST anywhere it names). Every address is checked, not the first: a name
 * with one private and one public address does not pass. Created at start, so a malformed network in the
 * configuration stops the service instead of the first subscription.
 */
@Startup
@ApplicationScoped
public class CallbackAllowList {

    /** Resolves a host name to all its addresses (the JDK resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<Cidr> allowed;
    private final Resolver resolver;

    @Inject
    public CallbackAllowList(@ConfigProperty(name = "edgemec.callbacks.allowed-networks",
            defaultValue = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
            List<String> allowedNetworks) {
        this(allowedNetworks, InetAddress::getAllByName);
    }

    public CallbackAllowList(List<String> allowedNetworks, Resolver resolver) {
        this.allowed = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /** 400 naming {@code field} unless every address of the absolute http(s) URI's host is allowed. */
    public void check(String field, String absoluteUri) {
        String host;
        try {
            host = host(absoluteUri);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException(field, "must be an absolute http(s) URI with a host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidFieldException(field, "host " + host + " cannot be resolved");
        }
        outside(host, addresses).ifPresent(reason -> {
            throw new InvalidFieldException(field, reason);
        });
    }

    /**
     * The same check again right before a notification is sent: a name that resolved into an allowed network when
     * the subscription was made may resolve elsewhere now (DNS rebinding). The sender connects right after this
     * call, so it gets the addresses checked here from the JVM's address cache ({@code networkaddress.cache.ttl},
     * 30 s by default).
     *
     * @throws CallbackRefusedException when the URI has no host or an address of its host is outside the allowed
     *                                  networks: the notification must not be sent, now or later
     * @throws IllegalStateException    when the host does not resolve now: a failure like an unreachable receiver
     */
    public void checkDelivery(String absoluteUri) {
        String host;
        try {
            host = host(absoluteUri);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CallbackRefusedException("callback URI '" + absoluteUri + "' has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("callback host " + host + " cannot be resolved now");
        }
        outside(host, addresses).ifPresent(reason -> {
            throw new CallbackRefusedException(reason);
        });
    }

    /** A notification that must not go to its callback: an address of the host is not allowed (any more). */
    public static final class CallbackRefusedException extends RuntimeException {

        public CallbackRefusedException(String message) {
            super(message);
        }
    }

    private static String host(String absoluteUri) {
        String host = URI.create(absoluteUri).getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + absoluteUri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    /** Why {@code host} is not allowed (its first address outside every allowed network), if it is not. */
    private Optional<String> outside(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (allowed.stream().noneMatch(n -> n.contains(address))) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", outside the networks notifications may be sent to (edgemec.callbacks.allowed-networks)");
            }
        }
        return Optional.empty();
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
