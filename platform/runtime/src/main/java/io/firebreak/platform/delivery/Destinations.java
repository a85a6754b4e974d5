package io.firebreak.platform.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook destinations people may register. Firebreak posts to URLs its users type in; without a
 * check, a URL can aim the service at its own network (the cloud metadata address, the database, the
 * admin ports of a neighbour). Refused unless allowed (local stacks and tests, whose receivers run on
 * loopback): loopback, private (RFC 1918, RFC 4193), link-local (incl. 169.254.169.254), unspecified,
 * multicast and carrier-grade NAT addresses written as literals, and names that are local by
 * definition ({@code localhost}, {@code *.localhost}, {@code *.local}, {@code *.internal}). This is a
 * check of what is written, not of what a name resolves to: names pointing inside need an egress
 * policy (the Kubernetes network policies) as well.
 */
public final class Destinations {

    private Destinations() {
    }

    /**
     * Why {@code address} may not be registered as a webhook URL, or null when it may: an absolute https URL
     * (http too when {@code allowHttp}) whose host passes {@link #refusal(URI, boolean)}.
     */
    public static String webhookUrlRefusal(String address, boolean allowHttp, boolean allowPrivate) {
        try {
            URI uri = URI.create(address);
            if (uri.getHost() == null) {
                return "must be an absolute URL";
            }
            if ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && allowHttp)) {
                return refusal(uri, allowPrivate);
            }
            return allowHttp ? "must be an http(s) URL" : "must be an https URL";
        } catch (IllegalArgumentException e) {
            return "must be a URL";
        }
    }

    /** Why the host of {@code uri} may not receive webhooks, or null when it may. */
    public static String refusal(URI uri, boolean allowPrivate) {
        String host = uri.getHost();
        if (host == null) {
            return "must be an absolute URL";
        }
        if (allowPrivate) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".internal")) {
            return "must not point at a local or internal host (" + host + ")";
        }
        if (!isLiteral(name)) {
            return null;
        }
        try {
            // Parsed here, never looked up: a malformed literal must not become a DNS query (nor block the caller).
            InetAddress address = name.contains(":") ? InetAddress.getByName(name) : ipv4(name);
            if (address == null) {
                return "must have a valid host";
            }
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || address.isMulticastAddress() || uniqueLocal(address) || carrierGradeNat(address)) {
                return "must not point at a loopback, private or link-local address (" + host + ")";
            }
            return null;
        } catch (UnknownHostException e) {
            return "must have a valid host";
        }
    }

    private static boolean isLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    /** A dotted-quad IPv4 literal, or null when it is not one. */
    private static InetAddress ipv4(String name) throws UnknownHostException {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return InetAddress.getByAddress(bytes);
    }

    private static boolean uniqueLocal(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean carrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
