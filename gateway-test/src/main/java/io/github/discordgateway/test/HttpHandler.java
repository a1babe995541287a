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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Answers the REST endpoints and upgrades gateway requests to WebSocket. */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(FakeDiscordGateway.class);

  /** {@code /api/vN/route} or {@code /api/route}. */
  private static final Pattern API_PATH = Pattern.compile("/api(?:/v(\\d{1,2}))?(/.*|)");

  private static final int MIN_VERSION = 6;
  private static final int MAX_VERSION = 10;
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
    RestRequest rest = restRequest(request, uri);
    RestResponse response = dispatch(rest);
    if (response == null) {
      response = builtIn(rest);
    }
    state
        .recorder()
        .http(
            new RecordedHttpRequest(
                rest.method(),
                path,
                rest.authorized(),
                response.status(),
                rest.receivedAt(),
                rest));
    respond(ctx, request, response);
  }

  private RestRequest restRequest(FullHttpRequest request, QueryStringDecoder uri) {
    String path = uri.path();
    String route = null;
    int version = 0;
    Matcher matcher = API_PATH.matcher(path);
    if (matcher.matches()) {
      String v = matcher.group(1);
      version = v == null ? 0 : Integer.parseInt(v);
      route = matcher.group(2).isEmpty() ? "/" : matcher.group(2);
      if (version != 0 && (version < MIN_VERSION || version > MAX_VERSION)) {
        route = null;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals("authorization")) {
        headers.putIfAbsent(name, header.getValue());
      }
    }
    boolean authorized =
        ("Bot " + state.config().token())
            .equals(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    return new RestRequest(
        request.method().name(),
        path,
        route,
        version,
        uri.parameters(),
        headers,
        request.content().toString(StandardCharsets.UTF_8),
        authorized,
        state.now());
  }

  private RestResponse dispatch(RestRequest request) {
    RestDispatcher dispatcher = state.restDispatcher();
    if (dispatcher == null) {
      return null;
    }
    try {
      return dispatcher.dispatch(request);
    } catch (RuntimeException e) {
      log.warn("The REST dispatcher failed on {} {}", request.method(), request.path(), e);
      return RestResponse.json(500, Json.write(error(0, "500: Internal Server Error")));
    }
  }

  private RestResponse builtIn(RestRequest request) {
    String route = request.route();
    boolean known =
        route != null
            && (route.equals("/gateway")
                || route.equals("/gateway/bot")
                || route.equals("/users/@me"));
    ObjectNode body;
    int status;
    if (!known) {
      status = 404;
      body = error(0, "404: Not Found");
    } else if (!request.method().equals("GET")) {
      status = 405;
      body = error(0, "405: Method Not Allowed");
    } else if (route.equals("/gateway")) {
      status = 200;
      body = Json.object().put("url", state.gatewayUrl());
    } else if (!request.authorized()) {
      status = 401;
      body = error(0, "401: Unauthorized");
    } else if (route.equals("/gateway/bot")) {
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
    return RestResponse.json(status, Json.write(body));
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
        new WebSocketServerHandshakerFactory(state.localGatewayUrl() + path, null, decoderConfig)
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
    respond(ctx, request, RestResponse.json(status, Json.write(body)));
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, RestResponse rest) {
    byte[] bytes = rest.body().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(rest.status()),
            Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    rest.headers().forEach((name, value) -> response.headers().set(name, value));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    boolean keepAlive = HttpUtil.isKeepAlive(request) && rest.status() != 503;
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
