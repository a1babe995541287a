package io.github.discordgateway.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Answers the REST endpoints and upgrades gateway requests to WebSocket. */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(FakeDiscordGateway.class);
  private static final String API = "/api/v10";
  static final int MAX_FRAME = 1 << 20;

  private final GatewayState state;

  HttpHandler(GatewayState state) {
    this.state = state;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    checkTokenPlacement(request, path);
    if (request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      upgrade(ctx, request, uri);
      return;
    }
    boolean authorized =
        ("Bot " + state.config().token())
            .equals(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    int status;
    ObjectNode body;
    boolean known =
        path.equals(API + "/gateway")
            || path.equals(API + "/gateway/bot")
            || path.equals(API + "/users/@me");
    if (!known) {
      status = 404;
      body = error(404, "404: Not Found");
    } else if (!HttpMethod.GET.equals(request.method())) {
      status = 405;
      body = error(0, "405: Method Not Allowed");
    } else if (path.equals(API + "/gateway")) {
      status = 200;
      body = Json.object().put("url", state.gatewayUrl());
    } else if (!authorized) {
      status = 401;
      body = error(0, "401: Unauthorized");
    } else if (path.equals(API + "/gateway/bot")) {
      status = 200;
      body = gatewayBot();
    } else {
      status = 200;
      body = FakeEvents.user(state.config().botUser());
      body.put("verified", true);
      body.put("mfa_enabled", false);
      body.put("flags", 0);
      body.putNull("email");
    }
    state
        .recorder()
        .http(
            new RecordedHttpRequest(
                request.method().name(), path, authorized, status, state.now()));
    respond(ctx, request, status, body);
  }

  private ObjectNode gatewayBot() {
    FakeGatewayConfig config = state.config();
    ObjectNode body = Json.object();
    body.put("url", state.gatewayUrl());
    body.put("shards", config.shards());
    ObjectNode limit = body.putObject("session_start_limit");
    limit.put("total", config.sessionStartTotal());
    limit.put("remaining", state.sessionStartRemaining());
    limit.put("reset_after", config.sessionStartResetAfter().toMillis());
    limit.put("max_concurrency", config.maxConcurrency());
    return body;
  }

  /** Records a request that carries the token anywhere but in {@code Authorization: Bot ...}. */
  private void checkTokenPlacement(FullHttpRequest request, String path) {
    String token = state.config().token();
    if (token.isEmpty()) {
      return;
    }
    boolean elsewhere = request.uri().contains(token);
    for (Map.Entry<String, String> header : request.headers()) {
      if (!header.getKey().equalsIgnoreCase(HttpHeaderNames.AUTHORIZATION.toString())
          && (header.getKey().contains(token) || header.getValue().contains(token))) {
        elsewhere = true;
      }
    }
    if (request.content().toString(StandardCharsets.UTF_8).contains(token)) {
      elsewhere = true;
    }
    if (elsewhere) {
      state.recorder().tokenOutsideAuthorization(request.method() + " " + path);
    }
  }

  private static ObjectNode error(int code, String message) {
    return Json.object().put("message", message).put("code", code);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
    String path = uri.path();
    if (path.equals("/resume/")) {
      path = "/resume";
    }
    if (!path.equals("/") && !path.equals("/resume")) {
      respond(ctx, request, 404, error(404, "404: Not Found"));
      return;
    }
    if (state.refusing()) {
      state.recorder().refused();
      respond(ctx, request, 503, error(0, "503: Service Unavailable"));
      return;
    }
    WebSocketDecoderConfig decoderConfig =
        WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_FRAME).build();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(state.gatewayUrl() + path, null, decoderConfig)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : uri.parameters().entrySet()) {
      if (!e.getValue().isEmpty()) {
        query.put(e.getKey(), e.getValue().get(0));
      }
    }
    FakeConnection conn =
        new FakeConnection(
            state.nextConnectionId(), ctx.channel(), path, query, state.now(), state);
    ctx.pipeline().addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_FRAME));
    ctx.pipeline().addLast("ws-gateway", new WebSocketHandler(state, conn, handshaker));
    ctx.pipeline().remove(this);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                state.opened(conn);
              } else {
                log.debug("WebSocket handshake failed", f.cause());
                ctx.channel().close();
              }
            });
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, int status, ObjectNode body) {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    boolean keepAlive = HttpUtil.isKeepAlive(request) && status != 503;
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("HTTP connection failed", cause);
    ctx.close();
  }
}
