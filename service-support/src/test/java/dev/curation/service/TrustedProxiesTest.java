package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

class TrustedProxiesTest {

    @Test
    void byDefaultNoPeerIsAProxyNotEvenLoopbackOrPrivateAddresses() {
        RemoteIpValve valve = customized(new MockEnvironment().withProperty("server.forward-headers-strategy", "native"));

        // Tomcat's own default trusts 10/8, 172.16/12, 192.168/16, 127/8 and more
        assertThat(new RemoteIpValve().getInternalProxies()).contains("127.0.0.0/8");
        assertThat(valve.getInternalProxies()).isNull();
        assertThat(valve.getTrustedProxies()).isNull();
    }

    @Test
    void theConfiguredAddressesAndRangesAreTheOnlyProxies() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native")
                .withProperty(TrustedProxies.SETTING + "[0]", "10.1.2.3")
                .withProperty(TrustedProxies.SETTING + "[1]", " 192.168.7.0/24 ")
                .withProperty(TrustedProxies.SETTING + "[2]", "fd00::/8");

        assertThat(new TrustedProxies(environment).ranges()).isEqualTo("10.1.2.3/32,192.168.7.0/24,fd00::/8");
        assertThat(customized(environment).getInternalProxies()).contains("10.1.2.3/32", "192.168.7.0/24")
                .doesNotContain("127.0.0.0/8");
    }

    @Test
    void hostNamesAndBadRangesStopTheService() {
        for (String bad : new String[]{"proxy.internal", "10.0.0.0/33", "10.0.0", "::1/129", ""}) {
            assertThatThrownBy(() -> TrustedProxies.range(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TrustedProxies.SETTING).hasMessageContaining(bad);
        }
        assertThat(TrustedProxies.range("::1")).isEqualTo("::1/128");
    }

    @Test
    void theFrameworkStrategyStopsTheServiceNamingWhatToUseInstead() {
        MockEnvironment framework = new MockEnvironment().withProperty("server.forward-headers-strategy", "FRAMEWORK");

        assertThatThrownBy(() -> new TrustedProxies(framework)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.forward-headers-strategy=framework believes the forwarded headers of every client")
                .hasMessageContaining("server.forward-headers-strategy=native").hasMessageContaining(TrustedProxies.SETTING);
    }

    private static RemoteIpValve customized(MockEnvironment environment) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve valve = new RemoteIpValve(); // as Spring Boot adds it for the native strategy
        factory.addEngineValves(valve);
        new TrustedProxies(environment).customize(factory);
        return valve;
    }
}
