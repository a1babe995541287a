package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.protocol.Opcode;

/**
 * One decoded gateway payload with its {@code d} kept raw.
 *
 * @param op the opcode number (may be one this library does not know)
 * @param sequence the {@code s} value, or {@link #NO_SEQUENCE} when absent or {@code null}
 * @param type the {@code t} value, or {@code null}
 * @param data the {@code d} value, or {@code null} when absent or JSON {@code null}
 */
public record Envelope(int op, long sequence, String type, RawJson data) {

  /** The {@link #sequence()} of a payload without a sequence number. */
  public static final long NO_SEQUENCE = -1L;

  /** Returns the opcode, or {@code null} for a number the main gateway does not define. */
  public Opcode opcode() {
    return Opcode.byCode(op);
  }

  /** Returns whether the payload carried a sequence number. */
  public boolean hasSequence() {
    return sequence != NO_SEQUENCE;
  }
}
