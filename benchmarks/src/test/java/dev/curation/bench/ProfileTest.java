package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void aSampleCountsForEveryPartItsStackPassesThrough() {
        List<String> collapsed = List.of(
                "java/lang/Thread.run;org/apache/catalina/connector/CoyoteAdapter.service;"
                        + "org/springframework/security/web/FilterChainProxy.doFilterInternal;tools/jackson/databind/ObjectMapper.readValue 30",
                "java/lang/Thread.run;org/apache/catalina/connector/CoyoteAdapter.service;org/postgresql/core/v3/QueryExecutorImpl.execute 50",
                "VMThread::run;VM_GenCollectForAllocation::doit 20");

        var shares = Profile.shares(collapsed);

        assertThat(shares.get("HTTP: Tomcat, filters, MVC")).isCloseTo(80.0, within(1e-9));
        assertThat(shares.get("security filter chain")).isCloseTo(30.0, within(1e-9));
        assertThat(shares.get("JSON reading and writing (Jackson)")).isCloseTo(30.0, within(1e-9));
        assertThat(shares.get("JDBC (pgjdbc)")).isCloseTo(50.0, within(1e-9));
        assertThat(shares.get("garbage collection (Serial, in the VM thread)")).isCloseTo(20.0, within(1e-9));
        assertThat(shares.get("Kafka producer")).isZero();
    }
}
