package org.rilltokens.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies ({@code RILL_TRUSTED_PROXIES}: addresses or CIDR blocks) whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed. Anyone else can write those headers, so from anyone else they are ignored
 * and the connection's own address and scheme count.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private record Block(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            int rest = prefixBits % 8;
            if (!Arrays.equals(address, 0, full, network, 0, full)) {
                return false;
            }
            int mask = rest == 0 ? 0 : (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** @param entries e.g. {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8} */
    public static TrustedProxies of(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("/", 2);
            byte[] network = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "RILL_TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR block (names are not looked up)"));
            int bits = network.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("RILL_TRUSTED_PROXIES: '" + text + "' has an invalid prefix length");
                }
            }
            blocks.add(new Block(network, bits));
        }
        return new TrustedProxies(blocks);
    }

    public boolean trusts(String address) {
        // None configured (the usual direct setup): nothing to parse on every request.
        return !blocks.isEmpty() && literal(address).map(bytes -> blocks.stream().anyMatch(block -> block.contains(bytes))).orElse(false);
    }

    /**
     * The client's address: the connection's, unless that is a trusted proxy; then the nearest address in
     * {@code X-Forwarded-For} that is not itself a trusted proxy (addresses further left were written by whoever
     * that is, and prove nothing).
     */
    public String clientAddress(String remoteAddress, List<String> forwardedFor) {
        if (!trusts(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::strip).filter(h -> !h.isEmpty()).forEach(hops::add));
        Collections.reverse(hops);
        String client = remoteAddress;
        for (String hop : hops) {
            if (literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether the client's request was HTTPS: the connection's scheme, or what a trusted proxy says it received. */
    public boolean isHttps(boolean secureConnection, String remoteAddress, String forwardedProto) {
        if (secureConnection) {
            return true;
        }
        if (forwardedProto == null || !trusts(remoteAddress)) {
            return false;
        }
        String[] protocols = forwardedProto.split(",");
        return protocols[protocols.length - 1].strip().equalsIgnoreCase("https");
    }

    /** The bytes of an IP address written as a literal; no name is ever resolved. */
    private static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!IPV4.matcher(address).matches() && !(address.contains(":") && address.matches("[0-9a-fA-F:.%\\w]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
