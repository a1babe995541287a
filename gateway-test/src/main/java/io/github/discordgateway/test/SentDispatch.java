package io.github.discordgateway.test;

import java.nio.charset.StandardCharsets;

/**
 * A dispatch the fake sent (or queued for replay) in a session.
 *
 * @param seq its sequence number
 * @param type its event name
 * @param payload the whole encoded payload as sent
 */
public record SentDispatch(long seq, String type, byte[] payload) {

  /** Returns the payload as text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SentDispatch[seq=" + seq + ", type=" + type + "]";
  }
}
