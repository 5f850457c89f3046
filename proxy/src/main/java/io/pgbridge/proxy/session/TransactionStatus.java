package io.pgbridge.proxy.session;

/** The transaction status byte of ReadyForQuery. */
enum TransactionStatus {
    IDLE('I'), IN_TRANSACTION('T'), FAILED('E');

    final char code;

    TransactionStatus(char code) {
        this.code = code;
    }
}
