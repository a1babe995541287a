package io.github.discordgateway.autoconfigure.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny WebSocket server on 127.0.0.1 for transport tests: it records what the client sends and
 * sends exactly the frames a test asks for (fragments included). One client at a time.
 */
final class ScriptedWebSocketServer implements AutoCloseable {

  /** A message or close received from the client. */
  record Received(String kind, String text, byte[] bytes, int closeCode) {}

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("scripted-ws", true), NioIoHandler.newFactory());
  private final Channel server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Channel> client = new CompletableFuture<>();

  ScriptedWebSocketServer() throws Exception {
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(
                            new WebSocketServerProtocolHandler(
                                WebSocketServerProtocolConfig.newBuilder()
                                    .websocketPath("/")
                                    .checkStartsWith(true)
                                    .handleCloseFrames(false)
                                    .maxFramePayloadLength(16 << 20)
                                    .build()))
                        .addLast(new Recorder());
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0))
            .sync()
            .channel();
  }

  URI uri() {
    return URI.create(
        "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/?v=10");
  }

  Channel client() throws Exception {
    return client.get(10, TimeUnit.SECONDS);
  }

  void sendText(String text) throws Exception {
    client().writeAndFlush(new TextWebSocketFrame(text)).sync();
  }

  void sendBinary(byte[] bytes) throws Exception {
    client().writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes))).sync();
  }

  /** Sends one message as several frames: a text or binary first frame, then continuations. */
  void sendFragments(boolean binary, List<byte[]> parts) throws Exception {
    Channel channel = client();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      ByteBuf data = Unpooled.wrappedBuffer(parts.get(i));
      WebSocketFrame frame =
          i > 0
              ? new ContinuationWebSocketFrame(last, 0, data)
              : binary
                  ? new BinaryWebSocketFrame(last, 0, data)
                  : new TextWebSocketFrame(last, 0, data);
      channel.writeAndFlush(frame).sync();
    }
  }

  void close(int code, String reason) throws Exception {
    client().writeAndFlush(new CloseWebSocketFrame(code, reason)).sync();
  }

  Received take(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private final class Recorder extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        client.complete(ctx.channel());
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame text) {
        received.add(new Received("text", text.text(), null, -1));
      } else if (frame instanceof BinaryWebSocketFrame binary) {
        received.add(new Received("binary", null, ByteBufUtil.getBytes(binary.content()), -1));
      } else if (frame instanceof CloseWebSocketFrame close) {
        received.add(new Received("close", close.reasonText(), null, close.statusCode()));
        ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
            .addListener(f -> ctx.close());
      }
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
