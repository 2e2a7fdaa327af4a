package io.coinsphere.exchangesync.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The REST load client ({@link RestLoad}) in a JVM of its own, so that its CPU time and its JIT warm-up
 * do not count as the service's. Arguments: the service's port and the rate in requests per second.
 * The first line of its input is the bearer token (SECURITY: never on the command line, where {@code ps}
 * shows it, and never printed). Then {@code START} (or {@code START <rate>}) starts the load and prints {@code STARTED};
 * {@code STOP} stops it and prints one {@code RESULT} line ({@link RestLoad.Result#toLine()}). Stops
 * when its input closes.
 */
public final class RestLoadMain {

    private RestLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = in.readLine();
        if (token == null || token.isBlank()) {
            System.err.println("RestLoadMain: no token on the first input line");
            System.exit(2);
        }
        try (RestLoad load = new RestLoad(Integer.parseInt(args[0]), token.strip(), Integer.parseInt(args[1]))) {
            System.out.println("READY");
            System.out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("START")) {
                    String rate = line.substring("START".length()).strip();
                    if (rate.isEmpty()) {
                        load.start();
                    } else {
                        load.start(Integer.parseInt(rate));
                    }
                    System.out.println("STARTED");
                } else if (line.equals("STOP")) {
                    System.out.println(load.stop().toLine());
                }
                System.out.flush();
            }
        }
        // The HTTP client's selector thread must not keep the JVM alive once the parent is gone.
        System.exit(0);
    }
}
