package io.coinsphere.exchangesync.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address a client's buckets are keyed by. It is the connection's remote address (which already follows
 * {@code server.forward-headers-strategy} when the operator turned that on). Only when that address is one of
 * the configured trusted proxies is {@code X-Forwarded-For} read: from the right, skipping trusted proxies, the
 * first other address is the client.
 * <p>
 * SECURITY: never believe the header from anyone else, or every client could pick a fresh bucket per request.
 * IPv6 clients are keyed by their /64 network, because one subscriber usually holds a whole /64.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(ClientAddress::matcher).toList();
    }

    /** The bucket subject of a request from {@code remoteAddress} carrying these X-Forwarded-For header values. */
    public String of(String remoteAddress, List<String> forwardedFor) {
        Optional<InetAddress> remote = parse(remoteAddress);
        if (remote.isEmpty()) {
            // Not an address (a Unix socket, a test harness): still one bucket per such peer.
            return "peer:" + remoteAddress;
        }
        InetAddress client = remote.get();
        if (isTrusted(client) && forwardedFor != null) {
            List<String> hops = forwardedFor.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = parse(hops.get(i));
                if (hop.isEmpty()) {
                    // A hop nobody can vouch for: keep the last address a trusted proxy reported.
                    break;
                }
                client = hop.get();
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        return subject(client);
    }

    boolean isTrusted(InetAddress address) {
        String text = address.getHostAddress();
        return trustedProxies.stream().anyMatch(m -> m.matches(text));
    }

    private static String subject(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = address.getAddress();
            for (int i = 8; i < network.length; i++) {
                network[i] = 0;
            }
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /**
     * An IP literal, or empty. SECURITY: only literals reach {@link InetAddress#getByName}, which would otherwise
     * resolve a header's text through DNS.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        var ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static IpAddressMatcher matcher(String addressOrRange) {
        String address = addressOrRange.contains("/") ? addressOrRange.substring(0, addressOrRange.indexOf('/')) : addressOrRange;
        if (parse(address).isEmpty()) {
            throw new IllegalArgumentException("coinsphere.rate-limit.trusted-proxies: not an IP address or CIDR range: "
                    + addressOrRange);
        }
        return new IpAddressMatcher(addressOrRange);
    }
}
