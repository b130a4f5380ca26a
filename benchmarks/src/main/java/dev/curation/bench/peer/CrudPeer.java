package dev.curation.bench.peer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code CrudPeer <port> <jdbc url of the server's postgres database>}: creates the
 * {@value PeerStore#DATABASE} database if missing, serves on loopback, prints
 * {@value #READY} and the port when it answers, and exits with the process that started it.
 */
@SpringBootApplication
public class CrudPeer {

    public static final String READY = "CRUD peer listening on ";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CrudPeer <port> <jdbc:postgresql://host:port/postgres>");
            System.exit(2);
        }
        String postgres = args[1];
        PeerStore.createDatabase(postgres, "postgres", "");
        List<String> settings = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=" + args[0],
                "--spring.main.banner-mode=off",
                // as the command service: virtual threads, a pool of 20, JSON bodies without unknown fields
                "--spring.threads.virtual.enabled=true",
                "--spring.datasource.url=" + postgres.substring(0, postgres.lastIndexOf('/') + 1) + PeerStore.DATABASE,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.jackson.deserialization.fail-on-unknown-properties=true"));
        ConfigurableApplicationContext context = SpringApplication.run(CrudPeer.class, settings.toArray(String[]::new));
        // a peer left behind by a killed bench would hold a port and connections
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(1)));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println(READY + port);
        System.out.flush();
    }
}
