package dev.curation.localstack;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A session on a freshly started local stack, working on the seed list {@value #LIST}. */
abstract class SeedListSession {

    static final String LIST = "distributed-systems-notes";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static LocalStack stack;
    static byte[] seed;

    @BeforeAll
    static void start() throws Exception {
        stack = StackFixture.start(StackFixture.options(data));
        seed = Files.readAllBytes(StackFixture.SEEDS.resolve(LIST + ".md"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
