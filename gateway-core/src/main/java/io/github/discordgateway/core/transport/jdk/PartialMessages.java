package io.github.discordgateway.core.transport.jdk;

import io.github.discordgateway.core.transport.MessageTooLargeException;
import java.nio.ByteBuffer;

/**
 * Assembles the parts of one connection's messages (the JDK hands a message over in parts, as the
 * bytes arrive) and enforces the size limit: a message is refused as soon as its parts go over it,
 * so a frame header announcing a terabyte costs no more than the limit. Used by the one thread that
 * delivers the connection's messages at a time.
 */
final class PartialMessages {

  // the JDK splits a message wherever a socket read ends, so small messages arrive in parts too:
  // their first buffer is sized for them, not for a large GUILD_CREATE
  private static final int FIRST_CAPACITY = 4 * 1024;

  private final int maxMessageSize;
  private StringBuilder text;
  private byte[] binary;
  private int binaryLength;

  PartialMessages(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  /**
   * Adds one part of a text message.
   *
   * @return the whole message after its last part; {@code null} while parts are missing
   * @throws MessageTooLargeException when the message goes over the limit (in characters)
   */
  String text(CharSequence part, boolean last) {
    if (text == null && last) {
      if (part.length() > maxMessageSize) {
        throw tooLarge(part.length());
      }
      return part.toString();
    }
    int size = (text == null ? 0 : text.length()) + part.length();
    if (size > maxMessageSize) {
      text = null;
      throw tooLarge(size);
    }
    if (text == null) {
      text = new StringBuilder(Math.min(maxMessageSize, Math.max(FIRST_CAPACITY, size * 2)));
    }
    text.append(part);
    if (!last) {
      return null;
    }
    String whole = text.toString();
    // drop the assembly buffer: large messages are rare and must not pin memory per shard
    text = null;
    return whole;
  }

  /**
   * Adds one part of a binary message.
   *
   * @return the whole message after its last part (valid until the next call); {@code null} while
   *     parts are missing
   * @throws MessageTooLargeException when the message goes over the limit (in bytes)
   */
  ByteBuffer binary(ByteBuffer part, boolean last) {
    if (binary == null && last) {
      if (part.remaining() > maxMessageSize) {
        throw tooLarge(part.remaining());
      }
      return part;
    }
    int needed = binaryLength + part.remaining();
    if (needed > maxMessageSize) {
      binary = null;
      binaryLength = 0;
      throw tooLarge(needed);
    }
    if (binary == null || binary.length < needed) {
      byte[] grown =
          new byte
              [Math.min(maxMessageSize, Math.max(FIRST_CAPACITY, Math.max(needed, needed * 2)))];
      if (binary != null) {
        System.arraycopy(binary, 0, grown, 0, binaryLength);
      }
      binary = grown;
    }
    int length = part.remaining();
    part.get(binary, binaryLength, length);
    binaryLength += length;
    if (!last) {
      return null;
    }
    ByteBuffer whole = ByteBuffer.wrap(binary, 0, binaryLength);
    binary = null;
    binaryLength = 0;
    return whole;
  }

  private MessageTooLargeException tooLarge(long size) {
    return new MessageTooLargeException(
        "Message of " + size + " bytes exceeds the limit of " + maxMessageSize);
  }
}
