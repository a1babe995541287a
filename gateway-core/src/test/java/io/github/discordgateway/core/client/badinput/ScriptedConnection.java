package io.github.discordgateway.core.client.badinput;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.GatewayClient;
import io.github.discordgateway.core.client.GatewayClientListener;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.zip.Deflater;

/**
 * One {@link GatewayClient} on a scripted connection in virtual time: frames go in as a server
 * would send them (text, or zlib-stream binary through one deflater per connection), and what the
 * client writes, closes, reports and delivers is recorded.
 */
final class ScriptedConnection {

  static final String TOKEN = "SECRET-TOKEN-canary-badinput.Gx1Y2z.abcdefghijklmnopqrstuvwxyz0123";
  static final String SESSION = "session-badinput-1";
  static final String RESUME_URL = "wss://gateway-us-east1-c.discord.gg";

  final ManualScheduler scheduler;
  final Compression compression;
  final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  final List<Integer> closeCodes = Collections.synchronizedList(new ArrayList<>());
  final List<Dispatch> dispatches = Collections.synchronizedList(new ArrayList<>());
  final List<GatewayException> errors = Collections.synchronizedList(new ArrayList<>());
  final List<CloseOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  final GatewayClient client;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);

  ScriptedConnection(
      ManualScheduler scheduler,
      Compression compression,
      int maxPayloadBytes,
      SessionSnapshot parent) {
    this.scheduler = scheduler;
    this.compression = compression;
    this.client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder(TOKEN)
                    .intents(513)
                    .shard(0, 1)
                    .compression(compression)
                    .build())
            .sink(
                new FrameSink() {
                  @Override
                  public void sendText(String payload) {
                    sent.add(payload);
                  }

                  @Override
                  public void close(int code, String reason) {
                    closeCodes.add(code);
                  }
                })
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(half())
            .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler))
            .resumeFrom(parent)
            .maxPayloadBytes(maxPayloadBytes)
            .listener(
                new GatewayClientListener() {
                  @Override
                  public void onDispatch(Dispatch dispatch) {
                    dispatches.add(dispatch);
                  }

                  @Override
                  public void onError(GatewayException error) {
                    errors.add(error);
                  }

                  @Override
                  public void onClosed(CloseOutcome outcome) {
                    outcomes.add(outcome);
                  }
                })
            .build();
  }

  private static RandomGenerator half() {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return 0.5;
      }
    };
  }

  /** Sends {@code json} as the server would on this connection (text, or compressed binary). */
  void send(String json) {
    if (compression == Compression.ZLIB_STREAM) {
      binary(deflate(json.getBytes(StandardCharsets.UTF_8)));
    } else {
      text(json);
    }
  }

  void text(String frame) {
    client.onText(frame);
  }

  void binary(byte[] frame) {
    client.onBinary(ByteBuffer.wrap(frame));
  }

  /** Compresses through this connection's deflater, ending with the sync-flush suffix. */
  byte[] deflate(byte[] input) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  void hello() {
    send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
  }

  void dispatch(long seq, String type, String data) {
    send("{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + data + "}");
  }

  void message(long seq) {
    dispatch(
        seq,
        "MESSAGE_CREATE",
        "{\"id\":\""
            + (1100000000000000000L + seq)
            + "\",\"channel_id\":\"41771983423143937\","
            + "\"author\":{\"id\":\"80351110224678912\",\"username\":\"ada\"},"
            + "\"content\":\"message "
            + seq
            + "\",\"timestamp\":\"2026-01-01T00:00:00.000000+00:00\"}");
  }

  static String readyData(String sessionId) {
    return "{\"v\":10,\"user\":{\"id\":\"80351110224678912\",\"username\":\"bot\",\"bot\":true},"
        + "\"guilds\":[{\"id\":\"573544236423708672\",\"unavailable\":true}],"
        + (sessionId == null ? "" : "\"session_id\":\"" + sessionId + "\",")
        + "\"resume_gateway_url\":\""
        + RESUME_URL
        + "\",\"shard\":[0,1],\"application\":{\"id\":\"1\",\"flags\":0}}";
  }

  /** Hello, the identify permit, READY (seq 1) and two messages (seq 2 and 3). */
  void connect() {
    hello();
    scheduler.runDue();
    dispatch(1, "READY", readyData(SESSION));
    message(2);
    message(3);
  }

  List<Long> deliveredSequences() {
    synchronized (dispatches) {
      return dispatches.stream().map(Dispatch::sequence).toList();
    }
  }
}
