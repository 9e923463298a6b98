package org.rilltokens.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for the rill-tokens server on a loopback port, for what the real one cannot easily
 * be made to do in a test (slow_down, paging, odd answers). Each route answers its queued replies in
 * order, repeating the last; every request is recorded.
 */
final class FakeServer implements AutoCloseable {

    record Request(String method, String path, String authorization, String body) {
    }

    private record Reply(int status, String contentType, String body) {
    }

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> routes = new HashMap<>();
    private final HttpServer server;

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** {@code path} includes the query string, exactly as the client sends it. */
    FakeServer on(String method, String path, int status, String json) {
        return on(method, path, status, "application/json", json);
    }

    synchronized FakeServer on(String method, String path, int status, String contentType, String body) {
        routes.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Reply(status, contentType, body));
        return this;
    }

    List<String> paths() {
        return requests.stream().map(request -> request.method() + " " + request.path()).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = next(exchange.getRequestMethod() + " " + path);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.status() >= 300 && reply.status() < 400) {
            exchange.getResponseHeaders().set("Location", "https://elsewhere.example/");
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Reply next(String route) {
        Deque<Reply> replies = routes.get(route);
        if (replies == null) {
            return new Reply(404, "application/json", "{\"code\":\"not_found\",\"message\":\"No such endpoint: " + route + "\"}");
        }
        return replies.size() > 1 ? replies.poll() : replies.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
