package io.github.discordgateway.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example gateway payloads of the repository ({@code src/test/resources/payloads} of
 * gateway-core), read from the classpath so that any module with the gateway-core test jar can use
 * them.
 */
public final class ExamplePayloads {

  /** Classpath folder of the payloads. */
  public static final String FOLDER = "payloads/";

  /** Every payload file, sorted by name. */
  public static final List<String> NAMES =
      List.of(
          "guild_create.json",
          "guild_members_chunk.json",
          "heartbeat_ack.json",
          "hello.json",
          "interaction_create.json",
          "invalid_session_resumable.json",
          "message_create.json",
          "presence_update.json",
          "ready.json",
          "reconnect.json",
          "resumed.json",
          "typing_start.json");

  private ExamplePayloads() {}

  /** Returns the bytes of a payload file. */
  public static byte[] bytes(String name) {
    try (InputStream in =
        ExamplePayloads.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no example payload " + FOLDER + name + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text of a payload file. */
  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
