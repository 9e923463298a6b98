package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP/1.1 with a rill-tokens server. Answers outside 2xx become a {@link Refusal} carrying the
 * server's message; a server that cannot be reached becomes exit code 3. The token travels only in the
 * Authorization header, never in a URL, and redirects are not followed (they would carry it elsewhere).
 */
final class ApiClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Pages are followed until the server says there are no more, but never endlessly. */
    static final int MAX_PAGES = 1000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The status and JSON body of an answer. */
    record Answer(int status, JsonObject body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT).build();

    private final String baseUrl;
    private final String token;
    private final String unauthorizedHint;

    /** A client for {@code baseUrl}, sending {@code token} if not null; a 401 message ends with the hint. */
    ApiClient(String baseUrl, String token, String unauthorizedHint) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.unauthorizedHint = unauthorizedHint;
    }

    static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, null);
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonObject get(String path) {
        return expectOk(send(request(path).GET()));
    }

    JsonObject post(String path, JsonObject body) {
        return expectOk(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    JsonObject put(String path, JsonObject body) {
        return expectOk(send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    JsonObject delete(String path) {
        return expectOk(send(request(path).DELETE()));
    }

    /** Every item of a paged list: the {@code field} array of each page, following {@code nextPageToken}. */
    List<JsonObject> allPages(String path, String field) {
        List<JsonObject> items = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject answer = get(path + (pageToken == null ? "" : "?pageToken=" + encode(pageToken)));
            items.addAll(answer.getJsonArray(field).getValuesAs(JsonObject.class));
            if (!(answer.get("nextPageToken") instanceof JsonString next) || next.getString().isEmpty()) {
                return items;
            }
            pageToken = next.getString();
        }
        throw Failure.refused("The server kept answering with more pages after " + MAX_PAGES + "; the list is incomplete");
    }

    /** A form post whose error answers are the caller's to read (OAuth answers "not yet" with a 400). */
    Answer postForm(String path, Map<String, String> form) {
        String encoded = form.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    JsonObject expectOk(Answer answer) {
        if (answer.ok()) {
            return answer.body();
        }
        String message = messageOf(answer);
        if (answer.status() == 401 && unauthorizedHint != null) {
            message += ". " + unauthorizedHint;
        }
        throw new Refusal(answer.status(), answer.body(), message);
    }

    /** The server's own words for an error: the API's {@code message}, or OAuth's {@code error_description}. */
    static String messageOf(Answer answer) {
        JsonObject body = answer.body();
        String message = body.getString("message", body.getString("error_description", null));
        return message != null ? message : "The server answered HTTP " + answer.status();
    }

    /** A query parameter or path segment, percent-encoded. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "rill-cli/" + Rill.version());
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Failure.unreachable("Cannot reach the server at " + baseUrl + " (" + why(e) + "). Is it running? "
                    + "Give its address with --api-url or RILL_API_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.refused("Interrupted");
        }
        return answerOf(response);
    }

    private Answer answerOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw Failure.refused("The server at " + baseUrl + " redirects to " + response.headers().firstValue("Location").orElse("another address")
                    + ": give that address with --api-url");
        }
        if (status == 502 || status == 503 || status == 504) {
            throw Failure.unreachable("The server at " + baseUrl + " is unavailable (HTTP " + status + "); try again later");
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return new Answer(status, JsonValue.EMPTY_JSON_OBJECT);
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return new Answer(status, reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw Failure.refused("The server at " + baseUrl + " answered HTTP " + status + " with something other than "
                    + "rill-tokens JSON: is --api-url the address of a rill-tokens server?");
        }
    }

    private static String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " seconds";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " seconds";
        }
        if (e instanceof ConnectException) {
            return e.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "unknown host" : "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
