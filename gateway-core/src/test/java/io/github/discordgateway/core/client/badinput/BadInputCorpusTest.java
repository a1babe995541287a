package io.github.discordgateway.core.client.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.GatewayException.Kind;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.event.GuildCreate;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.model.event.TypingStart;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus: each case feeds one kind of broken input to a connected client (in virtual
 * time, no sockets) and checks what a user and Discord would observe. Nothing is thrown out of the
 * client; a clear line is logged; where the connection must go, it closes with the resumable code
 * 4900 (never 1000), the next connection resumes at the last good sequence and the replay fills in
 * everything after it; where the input can be skipped, the connection stays and the next event
 * arrives. Either way every good event is delivered exactly once, in order.
 */
class BadInputCorpusTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the client must do with the input. */
  enum Expect {
    /** Skip or accept it and stay connected. */
    KEEPS_CONNECTION,
    /** Close with 4900 and resume on the next connection. */
    CLOSES_AND_RESUMES,
    /** Close with 4900 and identify on the next connection (no session to resume). */
    CLOSES_AND_IDENTIFIES,
    /** The server closed: reconnect and resume (the close is input, not a client error). */
    RESUMES_AFTER_SERVER_CLOSE,
    /** A broken Hello on a new connection: close with 4900 before sending anything. */
    REJECTS_HELLO
  }

  /**
   * One corpus entry.
   *
   * @param name what is broken
   * @param compression the connection's transport compression
   * @param inject feeds the broken input to a connected client
   * @param expect the behaviour
   * @param kind the error kind reported (for closes)
   * @param logged a fragment of the log line that must be written
   * @param delivered sequence numbers the input itself delivers (for inputs that are kept)
   * @param decodeFailure for a kept dispatch with wrong field types: the class whose decoding must
   *     fail (only that decoding)
   * @param sequenceAfter the sequence the client holds afterwards, when it is not the last one
   *     delivered (0: derive it)
   */
  record Case(
      String name,
      Compression compression,
      Consumer<ScriptedConnection> inject,
      Expect expect,
      Kind kind,
      String logged,
      long[] delivered,
      Class<?> decodeFailure,
      long sequenceAfter) {

    Case(
        String name,
        Compression compression,
        Consumer<ScriptedConnection> inject,
        Expect expect,
        Kind kind,
        String logged,
        long[] delivered,
        Class<?> decodeFailure) {
      this(name, compression, inject, expect, kind, logged, delivered, decodeFailure, 0);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Case resumes(String name, String frame, Kind kind, String logged) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.text(frame),
        Expect.CLOSES_AND_RESUMES,
        kind,
        logged,
        new long[0],
        null);
  }

  private static Case resumesZlib(
      String name, Consumer<ScriptedConnection> inject, Kind kind, String logged) {
    return new Case(
        name,
        Compression.ZLIB_STREAM,
        inject,
        Expect.CLOSES_AND_RESUMES,
        kind,
        logged,
        new long[0],
        null);
  }

  private static Case keeps(String name, String frame, String logged, long... delivered) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.text(frame),
        Expect.KEEPS_CONNECTION,
        null,
        logged,
        delivered,
        null);
  }

  private static Case recordsOnly(String name, String frame) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.text(frame),
        Expect.KEEPS_CONNECTION,
        null,
        "without event name",
        new long[0],
        null,
        4);
  }

  private static Case decodeFails(String name, String type, String data, Class<?> target) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.dispatch(4, type, data),
        Expect.KEEPS_CONNECTION,
        null,
        null,
        new long[] {4},
        target);
  }

  private static Case brokenHello(String name, String frame) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.text(frame),
        Expect.REJECTS_HELLO,
        Kind.PROTOCOL_ERROR,
        "Hello",
        new long[0],
        null);
  }

  private static Case serverClose(String name, int code, String reason) {
    return new Case(
        name,
        Compression.NONE,
        c -> c.client.onClosed(code, reason),
        Expect.RESUMES_AFTER_SERVER_CLOSE,
        null,
        "closed with " + code,
        new long[0],
        null);
  }

  private static final String MESSAGE_4 =
      "{\"op\":0,\"s\":4,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"1\",\"channel_id\":\"2\"}}";

  static Stream<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    // ---- malformed JSON
    cases.add(resumes("unterminated object", "{\"op\":0,\"d\":{", Kind.DECODE_ERROR, "closing"));
    cases.add(resumes("plain text instead of JSON", "not json at all", Kind.DECODE_ERROR, "JSON"));
    cases.add(resumes("empty frame", "", Kind.DECODE_ERROR, "Malformed gateway payload"));
    cases.add(resumes("whitespace-only frame", "   \n ", Kind.DECODE_ERROR, "Malformed"));
    cases.add(resumes("JSON array payload", "[1,2,3]", Kind.DECODE_ERROR, "not a JSON object"));
    cases.add(resumes("JSON string payload", "\"op\"", Kind.DECODE_ERROR, "not a JSON object"));
    cases.add(resumes("JSON null payload", "null", Kind.DECODE_ERROR, "not a JSON object"));
    cases.add(resumes("trailing garbage", MESSAGE_4 + " trailing", Kind.DECODE_ERROR, "Malformed"));
    cases.add(
        resumes(
            "two payloads in one frame", "{\"op\":11}{\"op\":11}", Kind.DECODE_ERROR, "trailing"));
    cases.add(resumes("double comma", "{\"op\":0,,\"d\":{}}", Kind.DECODE_ERROR, "Malformed"));
    cases.add(resumes("single-quoted keys", "{'op':0}", Kind.DECODE_ERROR, "Malformed"));
    cases.add(
        resumes(
            "invalid escape in a string",
            "{\"op\":0,\"s\":4,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"\\uZZZZ\"}}",
            Kind.DECODE_ERROR,
            "Malformed"));
    cases.add(
        new Case(
            "invalid UTF-8 in a binary frame",
            Compression.NONE,
            c ->
                c.binary(
                    concat(
                        "{\"op\":0,\"s\":4,\"t\":\"X\",\"d\":{\"a\":\""
                            .getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        "\"}}".getBytes(StandardCharsets.UTF_8))),
            Expect.CLOSES_AND_RESUMES,
            Kind.DECODE_ERROR,
            "Malformed",
            new long[0],
            null));
    // ---- truncated frames
    cases.add(
        resumes(
            "frame cut inside a string",
            "{\"op\":0,\"s\":4,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"hel",
            Kind.DECODE_ERROR,
            "Malformed"));
    cases.add(
        resumes(
            "frame cut after a key", "{\"op\":0,\"s\":4,\"t\"", Kind.DECODE_ERROR, "Malformed"));
    cases.add(resumes("frame cut inside a number", "{\"op\":1", Kind.DECODE_ERROR, "Malformed"));
    cases.add(
        resumes(
            "READY-sized frame cut in half",
            halfOf(
                "{\"op\":0,\"s\":4,\"t\":\"GUILD_CREATE\",\"d\":"
                    + ScriptedConnection.readyData("x").repeat(1)
                    + "}"),
            Kind.DECODE_ERROR,
            "Malformed"));
    // ---- op missing or of the wrong type
    cases.add(
        resumes("op missing", "{\"d\":null,\"s\":null}", Kind.DECODE_ERROR, "'op' is missing"));
    cases.add(resumes("op as a string", "{\"op\":\"0\",\"d\":{}}", Kind.DECODE_ERROR, "'op'"));
    cases.add(resumes("op as a float", "{\"op\":0.5}", Kind.DECODE_ERROR, "'op'"));
    cases.add(resumes("op null", "{\"op\":null}", Kind.DECODE_ERROR, "'op'"));
    cases.add(resumes("op as an object", "{\"op\":{}}", Kind.DECODE_ERROR, "'op'"));
    cases.add(resumes("op as a boolean", "{\"op\":true}", Kind.DECODE_ERROR, "'op'"));
    cases.add(
        resumes("op beyond int range", "{\"op\":99999999999}", Kind.DECODE_ERROR, "Malformed"));
    // ---- unknown opcodes: skipped
    cases.add(keeps("unknown opcode 42", "{\"op\":42,\"d\":{\"x\":1}}", "unexpected opcode 42"));
    cases.add(keeps("negative opcode", "{\"op\":-1,\"d\":null}", "unexpected opcode -1"));
    cases.add(keeps("client-only opcode 2 received", "{\"op\":2,\"d\":{}}", "unexpected opcode 2"));
    cases.add(keeps("undocumented opcode 5", "{\"op\":5}", "unexpected opcode 5"));
    cases.add(keeps("send-only opcode 8 received", "{\"op\":8,\"d\":{}}", "unexpected opcode 8"));
    // ---- s going backwards, repeating, skipping, or of the wrong type
    cases.add(
        keeps(
            "s going backwards",
            "{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            "skipped dispatch MESSAGE_CREATE with seq 2: not after seq 3"));
    cases.add(
        keeps(
            "s repeating the last one",
            "{\"op\":0,\"s\":3,\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            "not after seq 3"));
    cases.add(
        keeps(
            "s skipping ahead",
            "{\"op\":0,\"s\":6,\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            "sequence gap: seq 6 follows seq 3",
            6));
    cases.add(
        resumes(
            "s negative",
            "{\"op\":0,\"s\":-4,\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            Kind.DECODE_ERROR,
            "'s' is negative"));
    cases.add(
        resumes(
            "s as a string",
            "{\"op\":0,\"s\":\"4\",\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            Kind.DECODE_ERROR,
            "'s'"));
    cases.add(
        resumes(
            "s as a float",
            "{\"op\":0,\"s\":4.5,\"t\":\"MESSAGE_CREATE\",\"d\":{}}",
            Kind.DECODE_ERROR,
            "'s'"));
    // ---- dispatch without t, with an unknown t, or a t of the wrong type
    // not deliverable, but its sequence number is still recorded (checklist 15.26)
    cases.add(recordsOnly("dispatch without t", "{\"op\":0,\"s\":4,\"d\":{}}"));
    cases.add(recordsOnly("dispatch with t null", "{\"op\":0,\"s\":4,\"t\":null,\"d\":{}}"));
    cases.add(
        resumes(
            "dispatch with t as a number",
            "{\"op\":0,\"s\":4,\"t\":5,\"d\":{}}",
            Kind.DECODE_ERROR,
            "'t'"));
    cases.add(
        keeps(
            "unknown t",
            "{\"op\":0,\"s\":4,\"t\":\"BRAND_NEW_EVENT\",\"d\":{\"x\":1}}",
            "unknown event name BRAND_NEW_EVENT",
            4));
    cases.add(
        keeps(
            "lower-case t",
            "{\"op\":0,\"s\":4,\"t\":\"message_create\",\"d\":{}}",
            "unknown event name message_create",
            4));
    // ---- huge numbers in snowflake fields: that decoding fails, nothing else
    cases.add(
        decodeFails(
            "snowflake beyond unsigned 64 bits",
            "MESSAGE_CREATE",
            "{\"id\":99999999999999999999999,\"channel_id\":\"2\",\"content\":\"x\"}",
            MessageCreate.class));
    cases.add(
        decodeFails(
            "snowflake string beyond unsigned 64 bits",
            "MESSAGE_CREATE",
            "{\"id\":\"18446744073709551616\",\"channel_id\":\"2\"}",
            MessageCreate.class));
    cases.add(
        decodeFails(
            "snowflake as a huge float",
            "MESSAGE_CREATE",
            "{\"id\":\"1\",\"channel_id\":1e400}",
            MessageCreate.class));
    cases.add(
        decodeFails(
            "negative snowflake",
            "MESSAGE_CREATE",
            "{\"id\":-1,\"channel_id\":\"2\"}",
            MessageCreate.class));
    // ---- wrong types in known fields: that decoding fails, nothing else
    cases.add(
        decodeFails(
            "author as a number",
            "MESSAGE_CREATE",
            "{\"id\":\"1\",\"channel_id\":\"2\",\"author\":42}",
            MessageCreate.class));
    cases.add(
        decodeFails(
            "mentions as a string",
            "MESSAGE_CREATE",
            "{\"id\":\"1\",\"channel_id\":\"2\",\"mentions\":\"nobody\"}",
            MessageCreate.class));
    cases.add(
        decodeFails(
            "guild channels as a string",
            "GUILD_CREATE",
            "{\"id\":\"573544236423708672\",\"name\":\"g\",\"channels\":\"none\"}",
            GuildCreate.class));
    cases.add(
        decodeFails(
            "typing timestamp as text",
            "TYPING_START",
            "{\"channel_id\":\"2\",\"user_id\":\"3\",\"timestamp\":{\"when\":\"yesterday\"}}",
            TypingStart.class));
    cases.add(
        decodeFails(
            "presence user as an array",
            "PRESENCE_UPDATE",
            "{\"user\":[1,2],\"guild_id\":\"1\",\"status\":\"online\"}",
            Presence.class));
    // ---- Hello with a broken interval
    cases.add(brokenHello("Hello with interval 0", "{\"op\":10,\"d\":{\"heartbeat_interval\":0}}"));
    cases.add(
        brokenHello(
            "Hello with a negative interval", "{\"op\":10,\"d\":{\"heartbeat_interval\":-5}}"));
    cases.add(
        brokenHello(
            "Hello with interval as text", "{\"op\":10,\"d\":{\"heartbeat_interval\":\"soon\"}}"));
    cases.add(brokenHello("Hello with d null", "{\"op\":10,\"d\":null}"));
    cases.add(brokenHello("Hello without d", "{\"op\":10}"));
    cases.add(brokenHello("Hello without an interval", "{\"op\":10,\"d\":{\"_trace\":[]}}"));
    // ---- READY without a usable session
    cases.add(
        new Case(
            "READY without session_id",
            Compression.NONE,
            c -> c.dispatch(1, "READY", ScriptedConnection.readyData(null)),
            Expect.CLOSES_AND_IDENTIFIES,
            Kind.PROTOCOL_ERROR,
            "READY without session_id",
            new long[0],
            null));
    cases.add(
        new Case(
            "READY with an empty session_id",
            Compression.NONE,
            c -> c.dispatch(1, "READY", ScriptedConnection.readyData("")),
            Expect.CLOSES_AND_IDENTIFIES,
            Kind.PROTOCOL_ERROR,
            "READY without session_id",
            new long[0],
            null));
    cases.add(
        new Case(
            "READY with guilds as a string",
            Compression.NONE,
            c -> c.dispatch(1, "READY", "{\"session_id\":\"s\",\"guilds\":\"many\"}"),
            Expect.CLOSES_AND_IDENTIFIES,
            Kind.DECODE_ERROR,
            "READY could not be decoded",
            new long[0],
            null));
    // ---- transport compression
    cases.add(
        new Case(
            "text frame in a zlib-stream connection",
            Compression.ZLIB_STREAM,
            c -> c.text(MESSAGE_4),
            Expect.KEEPS_CONNECTION,
            null,
            null,
            new long[] {4},
            null));
    cases.add(
        new Case(
            "binary frame without compression",
            Compression.NONE,
            c -> c.binary(MESSAGE_4.getBytes(StandardCharsets.UTF_8)),
            Expect.KEEPS_CONNECTION,
            null,
            null,
            new long[] {4},
            null));
    cases.add(
        resumesZlib(
            "corrupt zlib stream",
            c -> c.binary(new byte[] {1, 2, 3, 4, 5, 6, 7, 0, 0, (byte) 0xFF, (byte) 0xFF}),
            Kind.DECOMPRESSION_ERROR,
            "Corrupt zlib-stream data"));
    cases.add(
        resumesZlib(
            "zlib frame from another stream",
            c -> {
              java.util.zip.Deflater other = new java.util.zip.Deflater();
              other.setInput(MESSAGE_4.getBytes(StandardCharsets.UTF_8));
              byte[] buffer = new byte[1024];
              int n = other.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.SYNC_FLUSH);
              other.end();
              c.binary(Arrays.copyOf(buffer, n));
            },
            Kind.DECOMPRESSION_ERROR,
            "zlib"));
    cases.add(
        resumesZlib(
            "zlib payload over the configured maximum",
            c -> c.send("{\"op\":0,\"s\":4,\"t\":\"X\",\"d\":\"" + "x".repeat(20_000) + "\"}"),
            Kind.DECOMPRESSION_ERROR,
            "larger than 8192 bytes"));
    cases.add(
        resumesZlib(
            "compressed bytes over the maximum without a flush suffix",
            c -> c.binary(new byte[9_000]),
            Kind.DECOMPRESSION_ERROR,
            "without a flush suffix"));
    cases.add(
        resumesZlib(
            "zlib payload that inflates to malformed JSON",
            c -> c.send("{\"op\":0,\"s\":4,\"t\":"),
            Kind.DECODE_ERROR,
            "Malformed"));
    // ---- close frames with unusual codes and reasons
    cases.add(
        serverClose("close with an unknown code and a 123-byte reason", 4999, "r".repeat(123)));
    cases.add(serverClose("close 3000 from a proxy", 3000, "Proxy went away"));
    cases.add(serverClose("close 1000 from the server", 1000, ""));
    cases.add(serverClose("close 1011 server error without reason", 1011, null));
    return cases.stream();
  }

  // ------------------------------------------------------------------ log capture

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger libraryLogger;
  private Level previousLevel;

  @BeforeEach
  void captureLogs() {
    libraryLogger = (Logger) LoggerFactory.getLogger("io.github.discordgateway");
    previousLevel = libraryLogger.getLevel();
    libraryLogger.setLevel(Level.DEBUG);
    logs.start();
    libraryLogger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    libraryLogger.detachAppender(logs);
    libraryLogger.setLevel(previousLevel);
  }

  private List<ILoggingEvent> logged(Level atLeast) {
    return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(atLeast)).toList();
  }

  // ------------------------------------------------------------------ the test

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputIsContainedAndNothingElseIsLost(Case c) {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedConnection first = new ScriptedConnection(scheduler, c.compression(), 8192, null);
    if (c.expect() == Expect.REJECTS_HELLO) {
      assertThatCode(() -> c.inject().accept(first)).doesNotThrowAnyException();
      scheduler.advance(java.time.Duration.ofMinutes(2));
      assertThat(first.closeCodes).containsExactly(4900);
      assertThat(first.sent).as("nothing is sent after a broken Hello").isEmpty();
      assertThat(single(first.outcomes).error().kind()).isEqualTo(c.kind());
      assertLogged(Level.WARN, c.logged());
      return;
    }
    if (c.expect() == Expect.CLOSES_AND_IDENTIFIES) {
      first.hello();
      scheduler.runDue();
      assertThatCode(() -> c.inject().accept(first)).doesNotThrowAnyException();
      assertThat(first.closeCodes).containsExactly(4900);
      CloseOutcome outcome = single(first.outcomes);
      assertThat(outcome.nextStep()).isEqualTo(NextStep.IDENTIFY);
      assertThat(outcome.error().kind()).isEqualTo(c.kind());
      assertLogged(Level.WARN, c.logged());
      return;
    }

    first.connect();
    assertThat(first.client.state()).isEqualTo(ClientState.CONNECTED);
    assertThatCode(() -> c.inject().accept(first)).doesNotThrowAnyException();
    List<Long> delivered = new ArrayList<>(first.deliveredSequences());
    assertThat(first.closeCodes).as("never 1000 or 1001").doesNotContain(1000, 1001);

    switch (c.expect()) {
      case KEEPS_CONNECTION -> {
        assertThat(first.closeCodes).isEmpty();
        assertThat(first.outcomes).isEmpty();
        assertThat(first.client.state()).isEqualTo(ClientState.CONNECTED);
        long last =
            c.sequenceAfter() > 0
                ? c.sequenceAfter()
                : c.delivered().length == 0 ? 3 : c.delivered()[c.delivered().length - 1];
        assertThat(first.client.snapshot().sequence()).isEqualTo(last);
        first.message(last + 1);
        List<Long> expected = new ArrayList<>(List.of(1L, 2L, 3L));
        LongStream.of(c.delivered()).forEach(expected::add);
        expected.add(last + 1);
        assertThat(first.deliveredSequences()).containsExactlyElementsOf(expected);
        if (c.logged() != null) {
          assertLogged(Level.DEBUG, c.logged());
        }
        if (c.decodeFailure() != null) {
          Dispatch bad = first.dispatches.get(3);
          Throwable failure = catchThrowable(() -> bad.data().decode(c.decodeFailure()));
          assertThat(failure)
              .isInstanceOfSatisfying(
                  GatewayException.class,
                  e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DECODE_ERROR);
                    assertThat(e.getMessage()).contains(c.decodeFailure().getSimpleName());
                  });
          // only that decoding failed: the raw tree and the next event are fine
          assertThat(bad.data().tree().isObject()).isTrue();
          assertThat(first.dispatches.get(4).data().decode(MessageCreate.class).message().content())
              .isEqualTo("message 5");
        }
      }
      case CLOSES_AND_RESUMES, RESUMES_AFTER_SERVER_CLOSE -> {
        CloseOutcome outcome = single(first.outcomes);
        assertThat(outcome.nextStep()).isEqualTo(NextStep.RESUME);
        assertThat(outcome.snapshot().sequence()).isEqualTo(3);
        assertThat(outcome.snapshot().sessionId()).isEqualTo(ScriptedConnection.SESSION);
        if (c.expect() == Expect.CLOSES_AND_RESUMES) {
          assertThat(first.closeCodes).containsExactly(4900);
          assertThat(outcome.error().kind()).isEqualTo(c.kind());
          assertThat(first.errors).extracting(GatewayException::kind).contains(c.kind());
          assertLogged(Level.WARN, c.logged());
        } else {
          assertThat(first.closeCodes).as("the server closed; the client adds none").isEmpty();
          assertThat(outcome.closedLocally()).isFalse();
          assertLogged(Level.DEBUG, c.logged());
        }
        assertThat(delivered).containsExactly(1L, 2L, 3L);

        // the next connection resumes at seq 3, and the replay fills in the rest
        ScriptedConnection second =
            new ScriptedConnection(scheduler, c.compression(), 8192, outcome.snapshot());
        second.hello();
        assertThat(second.sent).hasSize(1);
        var resume = JSON.readTree(second.sent.get(0));
        assertThat(resume.path("op").asInt()).isEqualTo(6);
        assertThat(resume.path("d").path("seq").asLong()).isEqualTo(3);
        assertThat(resume.path("d").path("session_id").asString())
            .isEqualTo(ScriptedConnection.SESSION);
        second.message(4);
        second.message(5);
        second.dispatch(6, "RESUMED", "{}");
        assertThat(second.client.state()).isEqualTo(ClientState.CONNECTED);
        delivered.addAll(second.deliveredSequences());
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      }
      default -> throw new IllegalStateException(c.expect().name());
    }
    // the token is never in what was logged
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(ScriptedConnection.TOKEN));
  }

  private void assertLogged(Level level, String fragment) {
    assertThat(logged(level))
        .extracting(ILoggingEvent::getFormattedMessage)
        .as("a log line at %s or above containing '%s'", level, fragment)
        .anyMatch(m -> m.contains(fragment));
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static String halfOf(String text) {
    return text.substring(0, text.length() / 2);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }
}
