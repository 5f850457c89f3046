package io.pgbridge.proxy.copy;

/** The three data formats of COPY; the wire's overall format byte is 0 for text and CSV, 1 for binary. */
public enum CopyFormat {
    TEXT, CSV, BINARY;

    byte wireFormat() {
        return (byte) (this == BINARY ? 1 : 0);
    }
}
