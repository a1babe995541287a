package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path of a connected client (frame in, envelope decode, sequence, dispatch to the
 * listener) allocates at most twice the payload size per MESSAGE_CREATE: the copy of {@code d} and
 * a few small objects, no per-event inflate buffers and no tree.
 */
class DispatchAllocationTest {

  private static final int WARMUP = 2_000;
  private static final int MEASURED = 2_000;

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "ZLIB_STREAM"})
  void dispatchAllocatesAtMostTwiceThePayload(Compression compression) {
    List<String> payloads = new ArrayList<>();
    payloads.add("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
    payloads.add(
        "{\"t\":\"READY\",\"s\":1,\"op\":0,\"d\":{\"v\":10,\"user\":{\"id\":\"1\","
            + "\"username\":\"bot\",\"bot\":true},\"guilds\":[],\"session_id\":\"abc\","
            + "\"resume_gateway_url\":\"wss://127.0.0.1\",\"shard\":[0,1],"
            + "\"application\":{\"id\":\"1\",\"flags\":0}}}");
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      payloads.add(messageCreate(2 + i));
    }
    int payloadSize = payloads.get(2).getBytes(StandardCharsets.UTF_8).length;
    assertThat(payloadSize).isBetween(1_000, 1_400);

    ManualScheduler scheduler = new ManualScheduler();
    long[] dispatched = new long[1];
    GatewayClient client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder("token").intents(513).compression(compression).build())
            .sink(
                new FrameSink() {
                  @Override
                  public void sendText(String payload) {}

                  @Override
                  public void close(int code, String reason) {}
                })
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(ClientHarness.fixedRandom(0.5))
            .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler))
            .listener(
                new GatewayClientListener() {
                  @Override
                  public void onDispatch(Dispatch dispatch) {
                    dispatched[0] += dispatch.sequence();
                  }
                })
            .build();
    Object[] frames = frames(payloads, compression);
    feed(client, frames[0]);
    scheduler.runDue();
    feed(client, frames[1]);
    assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
    for (int i = 2; i < 2 + WARMUP; i++) {
      feed(client, frames[i]);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 2 + WARMUP; i < frames.length; i++) {
      feed(client, frames[i]);
    }
    long perEvent = (threads.getThreadAllocatedBytes(thread) - before) / MEASURED;
    assertThat(dispatched[0]).isPositive();
    assertThat(perEvent)
        .as("bytes allocated per MESSAGE_CREATE")
        .isLessThanOrEqualTo(2L * payloadSize);
  }

  private static void feed(GatewayClient client, Object frame) {
    if (frame instanceof String text) {
      client.onText(text);
    } else {
      client.onBinary((ByteBuffer) frame);
    }
  }

  private static Object[] frames(List<String> payloads, Compression compression) {
    Object[] frames = new Object[payloads.size()];
    if (compression == Compression.NONE) {
      return payloads.toArray();
    }
    Deflater deflater = new Deflater();
    byte[] buf = new byte[64 * 1024];
    for (int i = 0; i < payloads.size(); i++) {
      deflater.setInput(payloads.get(i).getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int n;
      do {
        n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
      frames[i] = ByteBuffer.wrap(out.toByteArray());
    }
    deflater.end();
    return frames;
  }

  private static String messageCreate(long seq) {
    return "{\"t\":\"MESSAGE_CREATE\",\"s\":"
        + seq
        + ",\"op\":0,\"d\":{\"type\":0,\"tts\":false,\"timestamp\":\"2026-08-06T12:34:56.789000+00:00\","
        + "\"pinned\":false,\"nonce\":\"1534902598111111111\",\"mentions\":[],\"mention_roles\":[],"
        + "\"mention_everyone\":false,\"member\":{\"roles\":[\"1100000000000000001\"],"
        + "\"premium_since\":null,\"pending\":false,\"nick\":null,\"mute\":false,"
        + "\"joined_at\":\"2024-01-01T00:00:00.000000+00:00\",\"flags\":0,\"deaf\":false,"
        + "\"communication_disabled_until\":null,\"banner\":null,\"avatar\":null},"
        + "\"id\":\"153490259931943"
        + (1000 + seq % 9000)
        + "\",\"flags\":0,\"embeds\":[],\"edited_timestamp\":null,"
        + "\"content\":\"the build is green again after we pinned netty and bumped jackson; shard "
        + "resume latency looks fine on staging, ship it tomorrow please, review my pull request "
        + "when you can. "
        + seq
        + "\",\"components\":[],\"channel_type\":0,\"channel_id\":\"573544236423708680\","
        + "\"author\":{\"username\":\"marisol.dev\",\"public_flags\":0,\"primary_guild\":null,"
        + "\"id\":\"779241004246114311\",\"global_name\":\"Marisol\",\"discriminator\":\"0\","
        + "\"collectibles\":null,\"clan\":null,\"avatar_decoration_data\":null,"
        + "\"avatar\":\"a_1f2e3d4c5b6a79880716253443526170\"},\"attachments\":[],"
        + "\"guild_id\":\"573544236423708672\"}}";
  }
}
