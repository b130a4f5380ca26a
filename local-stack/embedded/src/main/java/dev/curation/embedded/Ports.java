package dev.curation.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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

    /** A port that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public PortTakenException(String message) {
            super(message);
        }
    }
}
