package io.github.discordgateway.core.codec.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The oracle of the byte fast path: {@link JsonSkipper}'s generic grammar, one byte at a time, over
 * UTF-8 bytes, with a UTF-8 check of its own (the JDK's strict decoder, which refuses overlong
 * forms, surrogates and code points past U+10FFFF) instead of {@link Utf8Skipper}'s.
 */
final class ReferenceByteScanner extends EnvelopeScanner {

  private final byte[] buf;

  ReferenceByteScanner(byte[] buf, int off, int len) {
    super(off, off + len);
    this.buf = buf;
  }

  @Override
  int at(int i) {
    return buf[i] & 0xFF;
  }

  @Override
  int skipNonAscii(int i) {
    int lead = buf[i] & 0xFF;
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > end) {
      return FAIL;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, i, length));
      return i + length;
    } catch (CharacterCodingException e) {
      return FAIL;
    }
  }
}
