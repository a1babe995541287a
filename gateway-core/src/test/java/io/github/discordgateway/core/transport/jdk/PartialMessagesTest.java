package io.github.discordgateway.core.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.transport.MessageTooLargeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PartialMessagesTest {

  private final PartialMessages parts = new PartialMessages(10);

  @Test
  void assemblesTextAndBinaryMessagesFromTheirParts() {
    assertThat(parts.text("{\"a\"", false)).isNull();
    assertThat(parts.text(":1}", true)).isEqualTo("{\"a\":1}");
    assertThat(parts.text("whole", true)).isEqualTo("whole");

    assertThat(parts.binary(ByteBuffer.wrap(new byte[] {1, 2}), false)).isNull();
    ByteBuffer whole = parts.binary(ByteBuffer.wrap(new byte[] {3}), true);
    byte[] bytes = new byte[whole.remaining()];
    whole.get(bytes);
    assertThat(bytes).containsExactly(1, 2, 3);
  }

  @Test
  void refusesAMessageAsSoonAsItsPartsGoOverTheLimitAndStartsAfreshAfterwards() {
    assertThat(parts.text("12345678", false)).isNull();
    assertThatThrownBy(() -> parts.text("901", false))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessage("Message of 11 bytes exceeds the limit of 10");
    assertThatThrownBy(() -> parts.binary(ByteBuffer.allocate(11), true))
        .isInstanceOf(MessageTooLargeException.class);
    assertThat(parts.binary(ByteBuffer.allocate(6), false)).isNull();
    assertThatThrownBy(() -> parts.binary(ByteBuffer.allocate(5), true))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining("11 bytes");

    assertThat(parts.text("0123456789", true)).hasSize(10);
  }
}
