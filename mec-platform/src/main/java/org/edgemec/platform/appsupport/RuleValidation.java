package org.edgemec.platform.appsupport;

import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.common.IpAddressType;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks of rule fields that Bean Validation cannot express (address literals, names, ranges). */
final class RuleValidation {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)^(?=.{1,253}\\.?$)([a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private RuleValidation() {
    }

    static void priority(String field, int priority) {
        if (priority < 0 || priority > 255) {
            throw new InvalidFieldException(field, "must be within 0..255");
        }
    }

    static String domainName(String field, String domainName) {
        if (!DOMAIN.matcher(domainName).matches()) {
            throw new InvalidFieldException(field, "not a valid domain name");
        }
        return normalise(domainName);
    }

    static String normalise(String domainName) {
        String lower = domainName.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    static void ipAddress(String field, IpAddressType type, String address) {
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = address.contains(":") && address.matches("^[0-9A-Fa-f:.]+$");
        try {
            if (type == IpAddressType.IP_V4 && v4 && InetAddress.getByName(address) instanceof Inet4Address) {
                return;
            }
            if (type == IpAddressType.IP_V6 && v6 && InetAddress.getByName(address) instanceof Inet6Address) {
                return;
            }
        } catch (UnknownHostException e) {
            // falls through: not a literal of the declared type
        }
        throw new InvalidFieldException(field, "not an " + type + " address literal");
    }

    /** Whether {@code address} is a literal of {@code type} (never a name lookup). */
    static boolean isLiteral(IpAddressType type, String address) {
        try {
            ipAddress("ipAddress", type, address);
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }

    /**
     * The unspecified address ({@code 0.0.0.0}, {@code ::} in any spelling): by this platform's convention an AppD DNS
     * rule with it follows the instance's reported endpoint.
     */
    static boolean isUnspecified(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || address.contains(":"))
                || !address.matches("^[0-9A-Fa-f:.]+$")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The unspecified address of the type, as stored while a following rule's endpoint is not known. */
    static String unspecified(IpAddressType type) {
        return type == IpAddressType.IP_V6 ? "::" : "0.0.0.0";
    }
}
