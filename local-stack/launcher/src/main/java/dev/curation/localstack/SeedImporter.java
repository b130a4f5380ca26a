package dev.curation.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Imports every {@code *.md} of the seeds directory that is not a list yet; slug = file name without {@code .md}. */
final class SeedImporter {

    enum Outcome { IMPORTED, ALREADY_PRESENT }

    record Result(String slug, Outcome outcome) {
    }

    private SeedImporter() {
    }

    static List<Result> importAll(Path seeds, int commandPort) {
        if (!Files.isDirectory(seeds)) {
            return List.of();
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Result> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                String slug = name.substring(0, name.length() - 3);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + commandPort + "/api/lists?slug=" + slug))
                        .header("Content-Type", "text/markdown")
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(), HttpResponse.BodyHandlers.ofString());
                switch (response.statusCode()) {
                    case 201 -> results.add(new Result(slug, Outcome.IMPORTED));
                    case 409 -> results.add(new Result(slug, Outcome.ALREADY_PRESENT));
                    default -> throw new IllegalStateException("importing " + file + " failed with "
                            + response.statusCode() + ": " + response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing seeds", e);
        }
        return results;
    }
}
