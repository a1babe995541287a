package io.github.discordgateway.autoconfigure.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.rest.internal.GatewayDiscovery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandshakeUserAgentTest {

  @Test
  @DisplayName("the WebSocket handshake sends User-Agent: DiscordBot (url, version)")
  void handshakeSendsTheDiscordBotUserAgent() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(10_000);
      CompletableFuture<List<String>> request =
          CompletableFuture.supplyAsync(
              () -> {
                // read the upgrade request's header lines, then hang up: the handshake need not
                // succeed for the headers to be seen
                try (Socket socket = server.accept()) {
                  socket.setSoTimeout(10_000);
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                  List<String> lines = new ArrayList<>();
                  for (String line = in.readLine();
                      line != null && !line.isEmpty() && lines.size() < 100;
                      line = in.readLine()) {
                    lines.add(line);
                  }
                  return lines;
                } catch (Exception ex) {
                  throw new IllegalStateException(ex);
                }
              });
      SpringWebSocketTransport transport =
          new SpringWebSocketTransport(
              SpringWebSocketTransport.standardClient(1), 1 << 20, Duration.ofSeconds(5));
      transport.connect(
          URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/?v=10&encoding=json"),
          new IgnoringHandler(),
          Duration.ofSeconds(10));

      List<String> lines = request.get(15, TimeUnit.SECONDS);
      assertThat(lines).anyMatch(line -> line.regionMatches(true, 0, "GET /", 0, 5));
      assertThat(lines)
          .anyMatch(line -> line.equalsIgnoreCase("User-Agent: " + GatewayDiscovery.USER_AGENT));
      assertThat(GatewayDiscovery.USER_AGENT).matches("DiscordBot \\(https://[^,]+, [0-9.]+\\)");
    }
  }

  private static final class IgnoringHandler
      implements io.github.discordgateway.core.transport.ConnectionHandler {
    @Override
    public void onText(String text) {}

    @Override
    public void onBinary(ByteBuffer data) {}

    @Override
    public void onClosed(int code, String reason) {}
  }
}
