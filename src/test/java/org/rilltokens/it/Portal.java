package org.rilltokens.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps cookies, follows the portal's redirects itself, and fills forms
 * by their visible labels and button texts the way a person would. Tags are read by their attributes in any
 * order (Mojarra and MyFaces write them differently).
 */
final class Portal {

    record Page(int status, String location, String html, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The page with character references decoded, as a person reads its text (MyFaces writes &quot; where Mojarra writes "). */
        String decodedHtml() {
            return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }

        /** The form with this id, ready to fill. */
        Form form(String id) {
            Matcher form = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL).matcher(html);
            while (form.find()) {
                Map<String, String> attributes = attributes(form.group(1));
                if (id.equals(attributes.get("id"))) {
                    return new Form(attributes.get("action"), form.group(2));
                }
            }
            throw new AssertionError("no form " + id + " in:\n" + html);
        }

        /** The value of the read-only input labelled {@code label}, if the page shows one. */
        Optional<String> readOnlyValue(String label) {
            return labelled(html, label).flatMap(id -> inputs(html).stream().filter(input -> id.equals(input.get("id")))
                    .map(input -> input.get("value")).filter(value -> value != null).findFirst());
        }
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");

    static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    /** Every {@code <input>} tag's attributes, in page order. */
    static List<Map<String, String>> inputs(String html) {
        List<Map<String, String>> inputs = new ArrayList<>();
        Matcher input = Pattern.compile("<input\\b([^>]*)>").matcher(html);
        while (input.find()) {
            inputs.add(attributes(input.group(1)));
        }
        return inputs;
    }

    /** The id of the field whose label reads {@code label}. */
    static Optional<String> labelled(String html, String label) {
        Matcher labelled = Pattern.compile("<label\\b([^>]*)>\\s*" + Pattern.quote(label) + "\\s*</label>").matcher(html);
        while (labelled.find()) {
            String id = attributes(labelled.group(1)).get("for");
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    static final class Form {
        private final String action;
        private final String body;
        private final Map<String, String> fields = new LinkedHashMap<>();

        Form(String action, String body) {
            this.action = action.replace("&amp;", "&");
            this.body = body;
            for (Map<String, String> input : inputs(body)) {
                if ("hidden".equals(input.get("type")) && input.get("name") != null) {
                    fields.put(input.get("name"), input.getOrDefault("value", ""));
                }
            }
            // As a browser: checked boxes and each list's selected (else first) option are sent unless changed.
            Matcher box = Pattern.compile("<input [^>]*type=\"checkbox\" name=\"([^\"]+)\"([^>]*)>").matcher(body);
            while (box.find()) {
                if (box.group(2).contains("checked=\"checked\"")) {
                    fields.put(box.group(1), "on");
                }
            }
            Matcher list = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(body);
            while (list.find()) {
                Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(list.group(2));
                Matcher first = Pattern.compile("<option value=\"([^\"]*)\"").matcher(list.group(2));
                if (selected.find()) {
                    fields.put(list.group(1), selected.group(1));
                } else if (first.find()) {
                    fields.put(list.group(1), first.group(1));
                }
            }
        }

        /** Unticks the checkbox labelled {@code label}. */
        Form uncheck(String label) {
            Matcher labelled = Pattern.compile("<label for=\"([^\"]+)\"[^>]*>" + Pattern.quote(label) + "</label>").matcher(body);
            if (!labelled.find()) {
                throw new AssertionError("no checkbox labelled " + label + " in:\n" + body);
            }
            fields.remove(labelled.group(1));
            return this;
        }

        Form fill(String label, String value) {
            String id = labelled(body, label).orElseThrow(() -> new AssertionError("no field labelled " + label + " in:\n" + body));
            // A field's name is its id in Faces; look it up anyway, in case a renderer makes them differ.
            Matcher field = Pattern.compile("<(?:input|select|textarea)\\b([^>]*)>").matcher(body);
            String name = id;
            while (field.find()) {
                Map<String, String> attributes = attributes(field.group(1));
                if (id.equals(attributes.get("id")) && attributes.get("name") != null) {
                    name = attributes.get("name");
                }
            }
            fields.put(name, value);
            return this;
        }

        /** Sets a field by its name, hidden or not (e.g. to send a view state the server never handed out). */
        Form set(String name, String value) {
            fields.put(name, value);
            return this;
        }

        /** Presses the n-th button (from 0) whose text is {@code text}. */
        Form press(String text, int index) {
            List<Map<String, String>> buttons = inputs(body).stream()
                    .filter(input -> "submit".equals(input.get("type")) && text.equals(input.get("value"))).toList();
            if (buttons.size() <= index) {
                throw new AssertionError("no button " + text + " #" + index + " in:\n" + body);
            }
            fields.put(buttons.get(index).get("name"), text);
            return this;
        }

        Form press(String text) {
            return press(text, 0);
        }
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String base;

    Portal(String base) {
        this(base, false);
    }

    /**
     * @param behindTls act as a browser talking to a server behind a TLS proxy: keep sending cookies marked
     *                  {@code Secure}, although this test talks plain HTTP to the server itself
     */
    Portal(String base, boolean behindTls) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(behindTls ? new SecureCookiesOverHttp(cookies) : cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Stores cookies without their Secure flag, which the JDK would otherwise never send over http. */
    private static final class SecureCookiesOverHttp extends java.net.CookieHandler {
        private final CookieManager cookies;

        SecureCookiesOverHttp(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            Map<String, java.util.List<String>> plain = new LinkedHashMap<>(headers);
            plain.computeIfPresent("Set-Cookie", (name, values) -> values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList());
            plain.computeIfPresent("set-cookie", (name, values) -> values.stream()
                    .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList());
            cookies.put(uri, plain);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET());
    }

    Page submit(Form form) {
        return submitFrom(form, null);
    }

    /** Signs in with the sign-in page's form; answers the page that follows (302 when it worked). */
    Page signIn(String email, String password) {
        return submit(get("/login").form("signin").fill("Email", email).fill("Password", password).press("Sign in"));
    }

    /** Submits the form as a browser on {@code origin} would (sent as the Origin header), e.g. from another site. */
    Page submitFrom(Form form, String origin) {
        String encoded = form.fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + form.action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
        return send(origin == null ? request : request.header("Origin", origin));
    }

    Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body(),
                    response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
