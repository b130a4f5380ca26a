package dev.curation.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.Valve;
import org.apache.commons.logging.LogFactory;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Which peers may say who the client is ({@code curation.security.trusted-proxies}: IP addresses
 * and CIDR ranges, none by default). With {@code server.forward-headers-strategy=native}, Tomcat's
 * RemoteIpValve takes the client's address from {@code X-Forwarded-For} (and the scheme from
 * {@code X-Forwarded-Proto}) only when the connection comes from one of them; its own default
 * trusts every loopback and private address, so that anyone on the network could claim any
 * address, loopback included, and spread sign-in guesses over invented ones. The {@code framework}
 * strategy (Spring's ForwardedHeaderFilter) believes every client, so a service refuses to start
 * with it.
 */
public final class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    public static final String SETTING = "curation.security.trusted-proxies";
    private static final String STRATEGY = "server.forward-headers-strategy";

    private final String ranges;

    public TrustedProxies(Environment environment) {
        if ("framework".equalsIgnoreCase(environment.getProperty(STRATEGY, "").strip())) {
            throw new IllegalStateException(STRATEGY + "=framework believes the forwarded headers of every client, so "
                    + "anyone could claim any address (loopback included); use " + STRATEGY + "=native and list your "
                    + "proxies' addresses in " + SETTING);
        }
        List<String> entries = Binder.get(environment)
                .bindOrCreate("curation.security", TrustedProxyProperties.class).trustedProxies();
        // blank entries are none: compose passes an unset list as an empty string
        this.ranges = entries.stream().filter(e -> !e.isBlank()).map(TrustedProxies::range).collect(Collectors.joining(","));
        if (!ranges.isEmpty() && !"native".equalsIgnoreCase(environment.getProperty(STRATEGY, "").strip())) {
            LogFactory.getLog(TrustedProxies.class).warn(SETTING + " is set but " + STRATEGY + " is not native: "
                    + "forwarded headers are ignored, every request's address is its proxy's");
        }
    }

    /** The ranges as Tomcat reads them: CIDR, comma-separated; empty when no proxy is trusted. */
    public String ranges() {
        return ranges;
    }

    /** An address or CIDR range as {@code address/bits}; a host name is refused (it would be looked up). */
    static String range(String entry) {
        String value = entry.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        boolean literal = !address.isEmpty() && (address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                || address.contains(":") && address.matches("[0-9A-Fa-f:.]+"));
        if (!literal) {
            throw new IllegalStateException(SETTING + ": '" + entry + "' is not an IP address or CIDR range "
                    + "(e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8); host names are not accepted");
        }
        try {
            int max = InetAddress.getByName(address).getAddress().length * 8;
            int bits = slash < 0 ? max : Integer.parseInt(value.substring(slash + 1));
            if (bits < 0 || bits > max) {
                throw new NumberFormatException();
            }
            return address + "/" + bits;
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalStateException(SETTING + ": '" + entry + "' is not an IP address or CIDR range "
                    + "(e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)", e);
        }
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(ranges);
                remoteIp.setTrustedProxies("");
            }
        }
    }

    /** After Spring Boot's customizer, which adds the valve with Tomcat's defaults. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
