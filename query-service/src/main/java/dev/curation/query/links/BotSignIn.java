package dev.curation.query.links;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Authorization} header the link bot sends: a bearer token from the OIDC issuer's
 * token endpoint (client credentials grant), kept until shortly before it expires, or HTTP Basic
 * where no token endpoint is configured (the local stack). A failure to get a token is an
 * {@link IOException}: the fix is tried again later, like any other failure to reach the service.
 */
final class BotSignIn {

    /** A token is renewed this long before it expires, so that none expires on its way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final LinkHealthProperties.Bot bot;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    BotSignIn(LinkHealthProperties.Bot bot, HttpClient http, JsonMapper json, Clock clock) {
        this.bot = bot;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    synchronized String authorization() throws IOException, InterruptedException {
        URI tokenUri = bot.tokenUri();
        if (tokenUri == null) {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (bot.name() + ":" + bot.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(tokenUri);
        }
        return "Bearer " + token;
    }

    /** Forgets the token, after the command service refused it (revoked key, changed roles). */
    synchronized void forget() {
        token = null;
    }

    private void fetch(URI tokenUri) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(bot.name(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(bot.password(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            answer = json.missingNode();
        }
        String accessToken = answer.path("access_token").asString("");
        if (response.statusCode() != 200 || accessToken.isEmpty()) {
            throw new IOException("no token for " + bot.name() + " from " + tokenUri + ": status " + response.statusCode()
                    + " " + answer.path("error").asString(""));
        }
        long lifetime = answer.path("expires_in").asLong(60);
        token = accessToken;
        renewAt = clock.instant().plusSeconds(lifetime).minus(MARGIN);
    }
}
