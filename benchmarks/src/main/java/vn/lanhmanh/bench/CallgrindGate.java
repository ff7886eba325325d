package vn.lanhmanh.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The gate of the callgrind drivers ({@code scripts/callgrind-driver.sh}): the driver prints {@code READY} and
 * waits for a line on stdin before its counted loop, and waits for another after it, so the script can switch
 * instruction collection on and off around exactly that loop.
 */
final class CallgrindGate {

  private final BufferedReader in =
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  /** Says {@code READY} and waits for the script to switch collection on. */
  void awaitStart() throws IOException {
    System.out.println("READY");
    System.out.flush();
    in.readLine();
  }

  /** Waits for the script to switch collection off after the counted loop's report. */
  void awaitEnd() throws IOException {
    in.readLine();
  }
}
