import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slow senders against a running server on loopback: SENDERS connections each declare a 4 kB form body to the
 * public device login endpoint and send one byte every 5 s, for SECONDS seconds, while one client calls GET /v1/users/current with a token twice a
 * second. Prints that call's latencies and failures; exits 1 when a call failed or took longer than 2 s.
 * Bounded: a fixed number of connections, a fixed duration, everything closed at the end.
 */
public class SlowSenders {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int port = URI.create(base).getPort();
        int senders = Integer.getInteger("slow.senders", 300);
        int seconds = Integer.getInteger("slow.seconds", 60);
        String token;
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            token = Bench.insertToken(db, "alice@acme.example", "slow-senders");
        }
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
        Set<Socket> refused = ConcurrentHashMap.newKeySet();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Thread trickle = new Thread(() -> trickle(port, senders, end, sockets, refused));
        trickle.setDaemon(true);
        trickle.start();
        Thread.sleep(3_000);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/users/current"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    failures++;
                }
            } catch (IOException e) {
                failures++;
            }
            latencies.add((System.nanoTime() - start) / 1_000_000);
            Thread.sleep(500);
        }
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        Collections.sort(latencies);
        long p50 = latencies.get(latencies.size() / 2);
        long max = latencies.get(latencies.size() - 1);
        System.out.printf("%d slow senders (%d of them answered before their body was complete), %d s: GET /v1/users/current %d calls, "
                + "%d failed, p50 %d ms, max %d ms%n", senders, refused.size(), seconds, latencies.size(), failures, p50, max);
        System.exit(failures == 0 && max < 2_000 ? 0 : 1);
    }

    /** Opens the connections, then sends each one more byte every 5 s until the end. */
    private static void trickle(int port, int senders, long end, List<Socket> sockets, Set<Socket> refused) {
        // The public device login endpoint, with a body below every limit: only timeouts and caps can help.
        String head = "POST /v1/oauth/device_authorization HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nc";
        for (int i = 0; i < senders; i++) {
            try {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            } catch (IOException e) {
                System.out.println("could not open connection " + i + ": " + e.getMessage());
            }
        }
        while (System.nanoTime() < end) {
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(' ');
                        out.flush();
                        if (socket.getInputStream().available() > 0) {
                            refused.add(socket);
                        }
                    } catch (IOException e) {
                        // Closed by the server: the point of its timeouts.
                    }
                }
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
