package dev.curation.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback port checks with messages a user can act on. */
public final class Ports {

    private Ports() {
    }

    /** @throws PortTakenException if {@code port} cannot be bound on 127.0.0.1 */
    public static void requireFree(int port, String what, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortTakenException("port " + port + " for " + what + " is already in use on 127.0.0.1; "
                    + "stop whatever holds it or choose another port with " + option);
        }
    }

    /** Ports {@link #free()} gave out in this JVM: it never gives one twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago, and that this method has not given out before in this
     * JVM. The kernel readily hands out a port it just gave (it is free again once its socket is
     * closed), and a stack asks for six at once: one CI run got the same port for Kafka and the
     * command service.
     */
    public static int free() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free loopback port that was not given out before");
    }

    public static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public PortTakenException(String message) {
            super(message);
        }
    }
}
