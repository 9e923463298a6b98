package org.rilltokens.apis.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code {{ .args.NAME }}} and {@code {{ .user.ATTR }}} placeholders, each of which becomes a bound
 * parameter, never text. Quotes around a placeholder belong to it ({@code '{{ .user.domain }}'} is one
 * parameter); a list value expands to a parameter list, an empty one to {@code NULL} (matches nothing).
 * A placeholder inside a longer string literal or a comment is refused: it could only be spliced.
 */
public final class SqlTemplate {

    public enum Scope {
        ARGS, USER
    }

    /** One {@code {{ .scope.name }}}. */
    public record Placeholder(Scope scope, String name) {
    }

    /** SQL text with {@code ?} markers and the values to bind to them, in order. */
    public record Bound(String sql, List<Object> parameters) {
    }

    /** A template that cannot be used, with the 1-based line of the problem within the template. */
    public static class TemplateException extends RuntimeException {
        private final int line;

        TemplateException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final Pattern INSIDE = Pattern.compile("\\s*\\.(args|user)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");

    private final String source;
    private final List<Object> parts;

    private SqlTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    public static SqlTemplate parse(String source) {
        return new Parser(Objects.requireNonNull(source)).parse();
    }

    public List<Placeholder> placeholders() {
        return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
    }

    public String source() {
        return source;
    }

    /** Binds every placeholder to its value: {@code values} maps each placeholder to a value or list. */
    public Bound bind(Map<Placeholder, Object> values) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                Object value = values.get(placeholder);
                if (value instanceof Collection<?> list) {
                    sql.append(list.isEmpty() ? "NULL" : String.join(", ", java.util.Collections.nCopies(list.size(), "?")));
                    parameters.addAll(list);
                } else {
                    sql.append('?');
                    parameters.add(value);
                }
            } else {
                sql.append((String) part);
            }
        }
        return new Bound(sql.toString(), parameters);
    }

    /** Walks the SQL once, knowing at each point whether it is inside a literal, identifier or comment. */
    private static final class Parser {
        private final String text;
        private final List<Object> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        SqlTemplate parse() {
            while (at < text.length()) {
                if (text.startsWith("{{", at)) {
                    placeholder(false);
                } else if (text.startsWith("}}", at)) {
                    throw error(at, "'}}' without a matching '{{'");
                } else if (text.startsWith("'{{", at)) {
                    quotedPlaceholderOrLiteral();
                } else if (text.charAt(at) == '\'' || text.charAt(at) == '"') {
                    skipQuoted(text.charAt(at));
                } else if (text.startsWith("--", at)) {
                    skipUntil("\n", at + 2, false);
                } else if (text.startsWith("/*", at)) {
                    skipUntil("*/", at + 2, true);
                } else {
                    literal.append(text.charAt(at++));
                }
            }
            flush();
            return new SqlTemplate(text, parts);
        }

        private void quotedPlaceholderOrLiteral() {
            int close = text.indexOf("}}", at);
            if (close >= 0 && close + 2 < text.length() && text.charAt(close + 2) == '\'') {
                at++;
                placeholder(true);
                at++;
            } else {
                throw error(at, "a placeholder inside a string literal must be the whole literal, like '{{ .user.domain }}';"
                        + " build longer strings with || instead");
            }
        }

        private void placeholder(boolean quoted) {
            int close = text.indexOf("}}", at + 2);
            int nextOpen = text.indexOf("{{", at + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw error(at, "'{{' without a matching '}}'");
            }
            Matcher inside = INSIDE.matcher(text.substring(at + 2, close));
            if (!inside.matches()) {
                throw error(at, "unsupported placeholder '" + text.substring(at, close + 2)
                        + "': use {{ .args.NAME }} or {{ .user.ATTRIBUTE }}");
            }
            flush();
            parts.add(new Placeholder(Scope.valueOf(inside.group(1).toUpperCase()), inside.group(2)));
            at = close + 2;
            if (quoted && (at >= text.length() || text.charAt(at) != '\'')) {
                throw error(at, "unterminated string literal");
            }
        }

        private void skipQuoted(char quote) {
            int start = at;
            literal.append(quote);
            at++;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (text.startsWith("{{", at)) {
                    throw error(at, "a placeholder inside a string literal must be the whole literal, like '{{ .user.domain }}';"
                            + " build longer strings with || instead");
                }
                literal.append(c);
                at++;
                if (c == quote) {
                    if (at < text.length() && text.charAt(at) == quote) {
                        literal.append(quote);
                        at++;
                    } else {
                        return;
                    }
                }
            }
            throw error(start, "unterminated " + (quote == '\'' ? "string literal" : "quoted identifier"));
        }

        private void skipUntil(String end, int from, boolean required) {
            int stop = text.indexOf(end, from);
            if (stop < 0 && required) {
                throw error(at, "unterminated comment");
            }
            int next = stop < 0 ? text.length() : stop + end.length();
            if (text.substring(at, next).contains("{{")) {
                throw error(at, "placeholders are not allowed in comments");
            }
            literal.append(text, at, next);
            at = next;
        }

        private void flush() {
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
        }

        private TemplateException error(int index, String message) {
            int line = 1;
            for (int i = 0; i < index && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new TemplateException(line, message);
        }
    }
}
