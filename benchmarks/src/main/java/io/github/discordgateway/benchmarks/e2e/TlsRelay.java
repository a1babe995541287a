package io.github.discordgateway.benchmarks.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A TLS front for the fake gateway on 127.0.0.1, so that a client connects over {@code wss://} as
 * it does to Discord: it terminates TLS with a throw-away self-signed certificate (made with the
 * JDK's {@code keytool} in a temporary directory, valid for 127.0.0.1) and relays the bytes to the
 * fake's plain port. The client JVM trusts the certificate through {@link #clientJvmOptions()}.
 */
final class TlsRelay implements AutoCloseable {

  private static final String PASSWORD = "benchmark-only";

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(
          2, new DefaultThreadFactory("tls-relay", true), NioIoHandler.newFactory());
  private final Path store;
  private final Channel server;
  private final URI target;

  private TlsRelay(URI target) throws Exception {
    this.target = target;
    Path dir = Files.createTempDirectory("tls-relay");
    this.store = dir.resolve("relay.p12");
    keytool(store);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    SslContext ssl = SslContextBuilder.forServer(factory).build();
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new Front());
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0))
            .sync()
            .channel();
  }

  /** Starts a relay in front of the fake at {@code gatewayUrl} ({@code ws://127.0.0.1:port}). */
  static TlsRelay start(String gatewayUrl) throws Exception {
    return new TlsRelay(URI.create(gatewayUrl));
  }

  /** Returns the {@code wss://} URL of the relay. */
  String gatewayUrl() {
    return "wss://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Returns the options that make a client JVM trust the relay's certificate. */
  List<String> clientJvmOptions() {
    return List.of(
        "-Djavax.net.ssl.trustStore=" + store,
        "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
        "-Djavax.net.ssl.trustStoreType=PKCS12");
  }

  private static void keytool(Path store) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "relay",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool could not make the relay's certificate");
    }
  }

  @Override
  public void close() throws Exception {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    Files.deleteIfExists(store);
    Files.deleteIfExists(store.getParent());
  }

  /** The client's side: opens the plain connection to the fake, then relays both ways. */
  private final class Front extends ChannelInboundHandlerAdapter {
    // on the front channel's event loop only (the back channel shares it)
    private Channel back;
    private final List<Object> early = new ArrayList<>();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel front = ctx.channel();
      new Bootstrap()
          .group(front.eventLoop())
          .channel(NioSocketChannel.class)
          .handler(new Relay(front))
          .connect(target.getHost(), target.getPort())
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      back = f.channel();
                      early.forEach(back::write);
                      early.clear();
                      back.flush();
                    } else {
                      early.forEach(ReferenceCountUtil::release);
                      early.clear();
                      front.close();
                    }
                  });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (back == null) {
        early.add(msg);
      } else if (back.isActive()) {
        back.writeAndFlush(msg);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (back != null) {
        back.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** The fake's side: writes what the fake sends back to the client. */
  private static final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel front;

    Relay(Channel front) {
      this.front = front;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      front.writeAndFlush(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      front.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
