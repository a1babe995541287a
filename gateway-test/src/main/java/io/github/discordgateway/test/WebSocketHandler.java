package io.github.discordgateway.test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds the frames of one gateway connection into {@link GatewayState}. */
final class WebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

  private static final Logger log = LoggerFactory.getLogger(FakeDiscordGateway.class);

  private final GatewayState state;
  private final FakeConnection conn;
  private final WebSocketServerHandshaker handshaker;

  WebSocketHandler(GatewayState state, FakeConnection conn, WebSocketServerHandshaker handshaker) {
    this.state = state;
    this.conn = conn;
    this.handshaker = handshaker;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame text) {
      int length = text.content().readableBytes();
      state.onText(conn, text.content().toString(StandardCharsets.UTF_8), length);
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      byte[] bytes = new byte[binary.content().readableBytes()];
      binary.content().getBytes(binary.content().readerIndex(), bytes);
      state.onBinary(conn, bytes);
    } else if (frame instanceof CloseWebSocketFrame close) {
      if (conn.closing()) {
        // The client's reply to our close frame: not a close of its own.
        ctx.close();
      } else {
        // A close frame without a status code is reported as 1005 (RFC 6455, 7.1.5).
        int code = close.statusCode() < 0 ? 1005 : close.statusCode();
        state.clientClose(conn, code);
        handshaker.close(ctx.channel(), close.retain());
      }
    } else if (frame instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    state.closed(conn);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("Gateway connection {} failed: {}", conn.id(), cause.toString());
    ctx.close();
  }
}
