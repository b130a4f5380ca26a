package dev.curation.links;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the checker out of the operator's network: a host is refused when any address it
 * resolves to is loopback, private (site-local, IPv6 unique-local, carrier-grade NAT),
 * link-local (cloud metadata lives at 169.254.169.254), multicast or unspecified. Every redirect
 * hop is checked again. The HTTP client resolves the name once more when it connects, so a DNS
 * server that answers differently the second time could still slip through (DNS rebinding); an
 * egress proxy is the defence for that (docs/adr/0016).
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * @return why the host may not be reached, or empty if it may
     * @throws UnknownHostException if the name does not resolve
     */
    public Optional<String> refusal(String host) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(name)) {
            if (internal(address)) {
                return Optional.of(host + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address, which the checker does not reach");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 // 0.0.0.0/8, "this network"
                || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15, benchmarking
                || first >= 240; // 240.0.0.0/4 and broadcast
    }
}
