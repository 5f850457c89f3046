package io.pgbridge.proxy.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code ./pgbridge passwd USER}: reads a password (twice, unechoed, on a terminal; one line of standard input
 * otherwise) and prints the line to put under {@code auth.users}. The password itself is never printed.
 */
public final class PasswordCommand {
    private PasswordCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 2 || args[1].isEmpty()) {
            err.println("usage: pgbridge passwd USER");
            return 2;
        }
        String user = args[1];
        String password;
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("pgbridge: the passwords differ");
                return 1;
            }
            password = new String(first);
            Arrays.fill(first, ' ');
            Arrays.fill(again, ' ');
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            err.println("pgbridge: empty password");
            return 1;
        }
        out.println(quote(user) + ": " + quote(ScramVerifier.create(password).text()));
        return 0;
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
