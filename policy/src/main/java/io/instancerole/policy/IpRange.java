package io.instancerole.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address or CIDR block, parsed without ever resolving a host name. */
final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Only these characters go to InetAddress, which then parses a literal and never asks DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixBits;

    private IpRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** {@code 10.0.0.0/8}, {@code 192.168.1.7} (one address) or an IPv6 equivalent. */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = address(slash < 0 ? text : text.substring(0, slash));
        int bits = address.length * 8;
        if (slash < 0) {
            return new IpRange(address, bits);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException(PolicyJson.quote(text) + " has an invalid prefix length");
        }
        return new IpRange(address, Integer.parseInt(prefix));
    }

    /** The bytes of one IPv4 or IPv6 address; IllegalArgumentException when it is not one. */
    static byte[] address(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(v4.group(i + 1));
                if (part > 255) {
                    throw notAnAddress(text);
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (IPV6_LITERAL.matcher(text).matches()) {
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                throw notAnAddress(text);
            }
        }
        throw notAnAddress(text);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException(PolicyJson.quote(text) + " is not an IP address or CIDR block");
    }
}
