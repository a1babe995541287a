package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.core.client.internal.GatewayUris;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a client on the same transport that, once READY, only inflates (zlib-stream) and
 * counts payloads: no JSON, no dispatch, no queue. The handshake before READY (Hello, Identify,
 * heartbeats) uses the library's codec, which costs nothing measurable. One shard only.
 */
final class BareClientMode implements ClientMode {

  @Override
  public String name() {
    return "bare";
  }

  @Override
  public Client connect(Target target, EventCounter counter) throws Exception {
    if (target.shardId() < 0 && target.totalShards() != 1) {
      throw new IllegalArgumentException("the bare client connects one shard");
    }
    BareHandler handler = new BareHandler(target, counter);
    target
        .transport()
        .connect(
            GatewayUris.connectUri(target.gatewayUrl(), target.compression()),
            handler,
            Duration.ofSeconds(10))
        .get(10, TimeUnit.SECONDS);
    try {
      handler.ready.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      handler.close();
      throw e;
    }
    return handler::close;
  }

  private static final class BareHandler implements ConnectionHandler {
    private final Target target;
    private final EventCounter counter;
    private final PayloadDecompressor decompressor;
    private final ScheduledExecutorService heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bare-heartbeat");
              t.setDaemon(true);
              return t;
            });
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile GatewayConnection connection;
    private volatile boolean counting;
    private final PayloadSink countingSink;
    private final PayloadSink handshakeSink;

    BareHandler(Target target, EventCounter counter) {
      this.target = target;
      this.counter = counter;
      this.decompressor = target.compression().newDecompressor(64 << 20);
      this.countingSink = (buf, off, len) -> counter.onEvent(0);
      this.handshakeSink = (buf, off, len) -> handshake(EnvelopeDecoder.decode(buf, off, len));
    }

    @Override
    public void onOpen(GatewayConnection connection) {
      this.connection = connection;
    }

    @Override
    public void onText(String text) {
      if (counting) {
        counter.onEvent(0);
      } else {
        handshake(EnvelopeDecoder.decode(text));
      }
    }

    @Override
    public void onBinary(ByteBuffer data) {
      decompressor.feed(data, counting ? countingSink : handshakeSink);
    }

    private void handshake(Envelope envelope) {
      if (envelope.op() == Opcode.HELLO.code()) {
        long interval = envelope.data().tree().get("heartbeat_interval").asLong();
        connection.sendText(
            PayloadEncoder.encode(
                Opcode.IDENTIFY,
                CoreClientMode.settings(target)
                    .withShard(Math.max(0, target.shardId()), target.totalShards())
                    .toIdentify()));
        heartbeats.scheduleAtFixedRate(
            () -> connection.sendText(PayloadEncoder.encodeHeartbeat(-1)),
            interval,
            interval,
            TimeUnit.MILLISECONDS);
      } else if (envelope.op() == Opcode.DISPATCH.code() && "READY".equals(envelope.type())) {
        counting = true;
        ready.complete(null);
      }
    }

    @Override
    public void onClosed(int code, String reason) {
      heartbeats.shutdownNow();
      ready.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }

    void close() {
      heartbeats.shutdownNow();
      GatewayConnection c = connection;
      if (c != null) {
        c.close(4000, "benchmark done");
      }
      decompressor.close();
    }
  }
}
