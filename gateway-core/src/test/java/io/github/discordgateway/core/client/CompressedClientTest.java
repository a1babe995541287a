package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompressedClientTest {

  /** One zlib stream per server-side connection. */
  static final class Server {
    final Deflater deflater = new Deflater();

    ByteBuffer frame(String json) {
      deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      do {
        n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
      return ByteBuffer.wrap(out.toByteArray());
    }
  }

  @Test
  @DisplayName(
      "15.23 zlib-stream: a client inflates Hello, READY and dispatches through one context")
  void clientReadsCompressedFrames() {
    ClientHarness h = new ClientHarness(null, 0.5, Compression.ZLIB_STREAM);
    Server server = new Server();
    h.client.onBinary(server.frame("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"));
    assertThat(h.sentOps()).containsExactly(2);
    h.client.onBinary(
        server.frame(
            "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"v\":10,\"session_id\":\"z\","
                + "\"resume_gateway_url\":\"wss://r.example\",\"guilds\":[]}}"));
    ByteBuffer split =
        server.frame("{\"op\":0,\"s\":2,\"t\":\"GUILD_CREATE\",\"d\":{\"id\":\"1\"}}");
    ByteBuffer firstHalf = split.duplicate().limit(split.limit() / 2);
    ByteBuffer secondHalf = split.duplicate().position(split.limit() / 2);
    h.client.onBinary(firstHalf);
    assertThat(h.listener.dispatches).hasSize(1);
    h.client.onBinary(secondHalf);
    assertThat(h.listener.dispatches).hasSize(2);
    assertThat(h.client.snapshot().sequence()).isEqualTo(2);
    assertThat(h.client.state()).isEqualTo(ClientState.CONNECTED);
  }

  @Test
  @DisplayName(
      "15.23 zlib-stream: each connection gets a new inflater (a resume starts a fresh stream)")
  void newInflaterPerConnection() {
    ClientHarness first = new ClientHarness(null, 0.5, Compression.ZLIB_STREAM);
    Server server1 = new Server();
    first.client.onBinary(server1.frame("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"));
    first.client.onBinary(
        server1.frame(
            "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"z\","
                + "\"resume_gateway_url\":\"wss://r.example\"}}"));
    first.client.onBinary(server1.frame("{\"op\":7,\"d\":null}"));
    first.client.onClosed(4900, "");
    assertThat(first.outcome().nextStep()).isEqualTo(NextStep.RESUME);

    ClientHarness second =
        new ClientHarness(first.outcome().snapshot(), 0.5, Compression.ZLIB_STREAM);
    Server server2 = new Server(); // a fresh stream with a new zlib header
    second.client.onBinary(server2.frame("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"));
    assertThat(second.sentOps()).containsExactly(6);
    assertThat(second.listener.errors).isEmpty();
  }

  @Test
  @DisplayName("15.23 zlib-stream: corrupt compressed data closes this connection with 4900")
  void corruptDataClosesConnection() {
    ClientHarness h = new ClientHarness(null, 0.5, Compression.ZLIB_STREAM);
    Server server = new Server();
    h.client.onBinary(server.frame("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"));
    h.client.onBinary(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 0, 0, (byte) 0xFF, (byte) 0xFF}));
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(h.outcome().error().kind()).isEqualTo(GatewayException.Kind.DECOMPRESSION_ERROR);
    // later frames are ignored without errors
    h.client.onBinary(server.frame("{\"op\":11}"));
    assertThat(h.listener.outcomes).hasSize(1);
  }
}
