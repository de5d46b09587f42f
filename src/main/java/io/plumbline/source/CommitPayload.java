package io.plumbline.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What a commit signature covers: the raw commit object without its {@code gpgsig} header. */
final class CommitPayload {
    private static final byte[][] SIGNATURE_HEADERS = {
            "gpgsig ".getBytes(StandardCharsets.US_ASCII), "gpgsig-sha256 ".getBytes(StandardCharsets.US_ASCII)};

    private CommitPayload() {
    }

    static byte[] of(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int at = 0;
        boolean inSignature = false;
        while (at < raw.length) {
            int end = lineEnd(raw, at);
            if (raw[at] == '\n') {
                // end of the headers: the message follows unchanged
                out.write(raw, at, raw.length - at);
                break;
            }
            boolean continuation = raw[at] == ' ';
            inSignature = continuation ? inSignature : startsWithSignatureHeader(raw, at);
            if (!inSignature) {
                out.write(raw, at, end - at);
            }
            at = end;
        }
        return out.toByteArray();
    }

    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static boolean startsWithSignatureHeader(byte[] raw, int at) {
        for (byte[] header : SIGNATURE_HEADERS) {
            if (raw.length - at >= header.length
                    && java.util.Arrays.equals(raw, at, at + header.length, header, 0, header.length)) {
                return true;
            }
        }
        return false;
    }
}
