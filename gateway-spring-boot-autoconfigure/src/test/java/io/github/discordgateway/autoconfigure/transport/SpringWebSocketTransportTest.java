package io.github.discordgateway.autoconfigure.transport;

import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.internal.PingBudget;
import java.time.Duration;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/** {@link SpringWebSocketTransport} over Tomcat's JSR-356 client against a scripted server. */
class SpringWebSocketTransportTest extends TransportContractTest {

  private static final StandardWebSocketClient CLIENT = SpringWebSocketTransport.standardClient(2);

  @Override
  GatewayTransport transport(int maxMessageSize) {
    return new SpringWebSocketTransport(CLIENT, maxMessageSize, Duration.ofSeconds(5));
  }

  @Override
  int tooLargeCloseCodeOnTheWire() {
    return 1009;
  }

  @Override
  int mostPongsToAFlood() {
    // the guard refuses the pong of the first ping over the budget
    return PingBudget.PINGS_PER_SECOND;
  }
}
