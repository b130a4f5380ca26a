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
                        + "org/springframework/security/web/FilterChainProxy.doFilterInternal;"
                        + "org/springframework/web/servlet/DispatcherServlet.doService;dev/curation/command/Edits.post;"
                        + "tools/jackson/databind/ObjectMapper.readValue 30",
                "java/lang/Thread.run;org/apache/catalina/connector/CoyoteAdapter.service;"
                        + "org/springframework/security/web/FilterChainProxy.doFilterInternal;"
                        + "org/springframework/security/web/authentication/www/BasicAuthenticationFilter.doFilterInternal 10",
                "java/lang/Thread.run;org/apache/catalina/connector/CoyoteAdapter.service;org/postgresql/core/v3/QueryExecutorImpl.execute 50",
                "VMThread::run;VM_G1CollectForAllocation::doit;G1CollectedHeap::do_collection_pause_at_safepoint 5",
                "VMThread::run;VM_GenCollectForAllocation::doit 5");

        var shares = Profile.shares(collapsed);

        // Tomcat's own share leaves out what our code does inside it; the security filters leave out the request they wrap
        assertThat(shares.get("HTTP server and MVC, around our code")).isCloseTo(60.0, within(1e-9));
        assertThat(shares.get("security filters, around the request")).isCloseTo(10.0, within(1e-9));
        assertThat(shares.get("our code and what it calls")).isCloseTo(30.0, within(1e-9));
        assertThat(shares.get("JSON reading and writing (Jackson)")).isCloseTo(30.0, within(1e-9));
        assertThat(shares.get("JDBC (pgjdbc)")).isCloseTo(50.0, within(1e-9));
        assertThat(shares.get("garbage collection (G1: pauses and concurrent marking)")).isCloseTo(5.0, within(1e-9));
        assertThat(shares.get("garbage collection (Serial, in the VM thread)")).isCloseTo(5.0, within(1e-9));
        assertThat(shares.get("Kafka producer")).isZero();
    }
}
