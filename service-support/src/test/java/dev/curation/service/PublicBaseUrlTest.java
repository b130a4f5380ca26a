package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicBaseUrlTest {

    @Test
    void withoutTheSettingItIsTheServicesOwnAddress() {
        assertThat(new PublicBaseUrl(new MockEnvironment().withProperty("server.port", "8082")).base())
                .isEqualTo("http://localhost:8082");
        PublicBaseUrl local = new PublicBaseUrl(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("server.port", "8082").withProperty("local.server.port", "40123"));
        assertThat(local.base()).isEqualTo("http://127.0.0.1:40123");
        assertThat(local.ownOrigins()).containsExactly("http://127.0.0.1:40123", "http://localhost:40123", "http://[::1]:40123");
        assertThat(new PublicBaseUrl(new MockEnvironment().withProperty("server.address", "::1")
                .withProperty("server.port", "1")).base()).isEqualTo("http://[::1]:1");
    }

    @Test
    void theSettingIsUsedWithoutItsTrailingSlash() {
        PublicBaseUrl configured = new PublicBaseUrl(new MockEnvironment().withProperty("server.port", "8082")
                .withProperty(PublicBaseUrl.SETTING, "https://lists.example.org/query/"));

        assertThat(configured.base()).isEqualTo("https://lists.example.org/query");
        assertThat(configured.ownOrigins()).startsWith("https://lists.example.org").contains("http://localhost:8082");
    }

    @Test
    void aBaseThatIsNotAnHttpUrlStopsTheService() {
        for (String bad : new String[]{"lists.example.org", "ftp://lists.example.org", "https://lists.example.org/?a=b",
                "https://user@lists.example.org", "http://exa mple.org"}) {
            assertThatThrownBy(() -> new PublicBaseUrl(new MockEnvironment().withProperty(PublicBaseUrl.SETTING, bad)))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining(PublicBaseUrl.SETTING);
        }
    }
}
