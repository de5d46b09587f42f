package io.plumbline.load;

/** IPv4 CIDR blocks as ranges of addresses, for the network checks. The schema has already checked their spelling. */
final class Cidrs {
    private Cidrs() {
    }

    /** Whether {@code inner} lies wholly inside {@code outer}. */
    static boolean inside(String inner, String outer) {
        long[] i = range(inner);
        long[] o = range(outer);
        return i[0] >= o[0] && i[1] <= o[1];
    }

    static boolean overlap(String a, String b) {
        long[] x = range(a);
        long[] y = range(b);
        return x[0] <= y[1] && y[0] <= x[1];
    }

    /** The block as AWS spells it: its first address and its prefix. */
    static String first(String cidr) {
        long a = range(cidr)[0];
        return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255) + "/"
                + cidr.split("/")[1];
    }

    /** The first and last address of a block. */
    private static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Long.parseLong(octet);
        }
        int bits = Integer.parseInt(parts[1]);
        long size = 1L << (32 - bits);
        long first = address & ~(size - 1) & 0xFFFFFFFFL;
        return new long[] {first, first + size - 1};
    }
}
