package io.github.discordgateway.core.transport.jdk;

import java.nio.charset.StandardCharsets;

/** What the JDK accepts in a close frame a client sends. */
final class CloseFrames {

  private static final int MAX_REASON_BYTES = 123;

  private CloseFrames() {}

  /**
   * Returns {@code code}, or 1008 (policy violation) for a code the JDK refuses to send (1009 among
   * them): the handler still sees the code asked for.
   */
  static int wireCode(int code) {
    boolean legal =
        code == 1000
            || code == 1001
            || code == 1008
            || code == 1011
            || (code >= 3000 && code <= 4999);
    return legal ? code : 1008;
  }

  /** Returns {@code reason} cut to the 123 bytes a close frame can carry. */
  static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = reason.length();
    // bounded: at most reason.length() turns
    while (end > 0
        && reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      end--;
    }
    if (end > 0 && Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end);
  }
}
