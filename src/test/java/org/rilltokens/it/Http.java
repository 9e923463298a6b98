package org.rilltokens.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests, talking to the server on localhost. */
final class Http {

    record Answer(int status, HttpResponse<String> raw) {

        JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    /** A client of the server at {@code base}, e.g. http://localhost:8080 (no trailing slash). */
    Http(String base) {
        this.base = base;
    }

    HttpClient client() {
        return client;
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Answer post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form POST ({@code application/x-www-form-urlencoded}), as OAuth clients send one. */
    Answer form(String path, java.util.Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer probe(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + "/__test/" + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Makes sure the server's record of token uses is written: the probe writes it now; a server without the
     * probe writes it in its next batch, at most two seconds later.
     */
    void usageWritten() {
        if (TestServer.hasProbe()) {
            probe("flush");
            return;
        }
        try {
            Thread.sleep(2_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return Json.createValue(text).toString();
    }

    static boolean isNull(JsonObject object, String field) {
        return object.get(field) == JsonValue.NULL;
    }
}
