package dev.curation.links;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps outbound requests out of the operator's network: a host is refused when any address it
 * resolves to is loopback, private (site-local, IPv6 unique-local, carrier-grade NAT),
 * link-local (cloud metadata lives at 169.254.169.254), multicast or unspecified, also when that
 * IPv4 address hides inside an IPv6 transition address (mapped, compatible, NAT64, 6to4, Teredo).
 * The name is resolved once, by {@link #address}, and the request then goes to the address that
 * was checked ({@link OutboundHttp}): a DNS server that answers differently the second time has
 * no second time (DNS rebinding).
 */
public final class AddressGuard {

    /** Resolves a name to its addresses: the system resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The host may not be reached; the message says why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * Resolves {@code host} once and checks every address it has; the request is to go to the
     * returned one. The lookup is waited for until the deadline at most (a stuck DNS server
     * holds no caller).
     *
     * @throws Refused if an address of the host is internal (and private ones are not allowed)
     * @throws UnknownHostException if the name does not resolve
     * @throws Deadline.Passed if the name did not resolve before the deadline
     */
    public InetAddress address(String host, Deadline deadline) throws Refused, UnknownHostException, Deadline.Passed,
            InterruptedException {
        String name = unbracketed(host);
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> resolver.resolve(name));
        Thread.ofVirtual().name("dns-lookup").start(lookup);
        InetAddress[] addresses;
        try {
            addresses = lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw deadline.exceeded();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        }
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        check(host, addresses);
        return addresses[0];
    }

    /**
     * For a subscription's URL, checked when it is given; each delivery checks again with
     * {@link #address}.
     *
     * @return why the host may not be reached, or empty if it may
     * @throws UnknownHostException if the name does not resolve
     */
    public Optional<String> whyRefused(String host) throws UnknownHostException {
        try {
            check(host, resolver.resolve(unbracketed(host)));
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.reason());
        }
    }

    private void check(String host, InetAddress[] addresses) throws Refused {
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                String inside = address instanceof Inet6Address
                        ? embeddedIpv4(address.getAddress()).map(v4 -> " (IPv4 " + v4.getHostAddress() + ")").orElse("") : "";
                throw new Refused(host + " resolves to " + address.getHostAddress() + inside
                        + ", a private, loopback or link-local address, which is not reached from here");
            }
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local
            }
            if (prefix(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
                return true; // 64:ff9b:1::/48, NAT64 for local use: what it translates to is the operator's choice
            }
            Optional<Inet4Address> inside = embeddedIpv4(bytes);
            return inside.isPresent() && internal(inside.get());
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 // 0.0.0.0/8, "this network"
                || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15, benchmarking
                || first >= 240; // 240.0.0.0/4 and broadcast
    }

    /**
     * The IPv4 address an IPv6 transition address leads to: a connection to it may end at that
     * IPv4 host, so it is checked as that host.
     */
    static Optional<Inet4Address> embeddedIpv4(byte[] v6) {
        if (zero(v6, 0, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
            return ipv4(v6, 12, 0); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (zero(v6, 0, 12)) {
            return ipv4(v6, 12, 0); // ::a.b.c.d, IPv4-compatible (deprecated, still routed by some stacks)
        }
        if (prefix(v6, 0x00, 0x64, 0xff, 0x9b) && zero(v6, 4, 12)) {
            return ipv4(v6, 12, 0); // 64:ff9b::/96, NAT64 well-known prefix
        }
        if (prefix(v6, 0x20, 0x02)) {
            return ipv4(v6, 2, 0); // 2002::/16, 6to4: the IPv4 address in bits 16..47
        }
        if (prefix(v6, 0x20, 0x01, 0x00, 0x00)) {
            return ipv4(v6, 12, 0xff); // 2001:0::/32, Teredo: the client's address, inverted, in the last 32 bits
        }
        return Optional.empty();
    }

    private static boolean prefix(byte[] bytes, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Inet4Address> ipv4(byte[] bytes, int from, int xor) {
        byte[] v4 = Arrays.copyOfRange(bytes, from, from + 4);
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (v4[i] ^ xor);
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
