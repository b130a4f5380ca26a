package dev.curation.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard's address rules, IPv4 inside IPv6 included, and its one lookup per use. */
class AddressGuardTest {

    /** An IPv6 address as the bytes say, never turned into IPv4 by the JDK (it does that for ::ffff:a.b.c.d). */
    private static InetAddress v6(String hex) throws Exception {
        return Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
    }

    @Test
    void ipv4MappedAddressesAreCheckedAsTheirIpv4Address() throws Exception {
        assertThat(AddressGuard.internal(v6("00000000000000000000ffff7f000001"))).as("::ffff:127.0.0.1").isTrue();
        assertThat(AddressGuard.internal(v6("00000000000000000000ffffa9fea9fe"))).as("::ffff:169.254.169.254").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(AddressGuard.internal(v6("00000000000000000000ffff08080808"))).as("::ffff:8.8.8.8").isFalse();
    }

    @Test
    void ipv4CompatibleAddressesAreCheckedAsTheirIpv4Address() throws Exception {
        assertThat(AddressGuard.internal(InetAddress.getByName("::127.0.0.1"))).isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("::10.0.0.1"))).isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("::8.8.8.8"))).isFalse();
    }

    @Test
    void nat64AddressesAreCheckedAsTheirIpv4Address() throws Exception {
        assertThat(AddressGuard.internal(InetAddress.getByName("64:ff9b::a00:1"))).as("10.0.0.1").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("64:ff9b::7f00:1"))).as("127.0.0.1").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("64:ff9b::a9fe:a9fe"))).as("169.254.169.254").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("64:ff9b::808:808"))).as("8.8.8.8").isFalse();
        // the local-use prefix translates to whatever the operator chose: refused whole
        assertThat(AddressGuard.internal(InetAddress.getByName("64:ff9b:1::808:808"))).isTrue();
    }

    @Test
    void sixToFourAddressesAreCheckedAsTheirIpv4Address() throws Exception {
        assertThat(AddressGuard.internal(InetAddress.getByName("2002:c0a8:0101::"))).as("192.168.1.1").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("2002:7f00:1::1"))).as("127.0.0.1").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("2002:a9fe:a9fe::"))).as("169.254.169.254").isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("2002:808:808::1"))).as("8.8.8.8").isFalse();
    }

    @Test
    void teredoAddressesAreCheckedAsTheirClientsIpv4Address() throws Exception {
        // the client's address is the last 32 bits inverted: 127.0.0.1 is 80ff:fffe, 10.0.0.1 is f5ff:fffe
        assertThat(AddressGuard.internal(InetAddress.getByName("2001:0:4136:e378:8000:63bf:80ff:fffe"))).isTrue();
        assertThat(AddressGuard.internal(InetAddress.getByName("2001:0:4136:e378:8000:63bf:f5ff:fffe"))).isTrue();
        // 8.8.8.8 is f7f7:f7f7
        assertThat(AddressGuard.internal(InetAddress.getByName("2001:0:4136:e378:8000:63bf:f7f7:f7f7"))).isFalse();
    }

    @Test
    void aNameIsResolvedOnceAndRefusedWhenAnyOfItsAnswersIsInternal() throws Exception {
        InetAddress[] answers = {InetAddress.getByName("8.8.8.8"), v6("00000000000000000000ffff0a000001")};
        AddressGuard guard = new AddressGuard(false, host -> answers);
        assertThatExceptionOfType(AddressGuard.Refused.class)
                .isThrownBy(() -> guard.address("mixed.test", Deadline.in(Duration.ofSeconds(1))))
                .satisfies(e -> assertThat(e.reason()).contains("mixed.test", "10.0.0.1", "private, loopback or link-local"));
        assertThat(guard.whyRefused("mixed.test")).isPresent();

        AddressGuard allowing = new AddressGuard(true, host -> answers);
        assertThat(allowing.address("mixed.test", Deadline.in(Duration.ofSeconds(1)))).isEqualTo(answers[0]);
        AddressGuard publicOnly = new AddressGuard(false, host -> new InetAddress[] {answers[0]});
        assertThat(publicOnly.address("public.test", Deadline.in(Duration.ofSeconds(1)))).isEqualTo(answers[0]);
    }

    @Test
    void aLookupThatHangsEndsAtTheDeadline() {
        AddressGuard guard = new AddressGuard(true, host -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[0];
        });
        long started = System.nanoTime();
        assertThatExceptionOfType(Deadline.Passed.class)
                .isThrownBy(() -> guard.address("stuck.test", Deadline.in(Duration.ofMillis(200))))
                .withMessage("no answer within 200 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
    }

    @Test
    void everyTransitionFormOfALoopbackAddressIsRefusedByTheGuard() throws Exception {
        for (String address : List.of("::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::",
                "2001:0:4136:e378:8000:63bf:80ff:fffe")) {
            InetAddress resolved = InetAddress.getByName(address);
            AddressGuard guard = new AddressGuard(false, host -> new InetAddress[] {resolved});
            assertThat(guard.whyRefused("[" + address + "]")).as(address).isPresent();
        }
    }
}
