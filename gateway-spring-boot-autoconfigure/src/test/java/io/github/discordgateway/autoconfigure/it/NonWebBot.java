package io.github.discordgateway.autoconfigure.it;

import io.github.discordgateway.autoconfigure.event.ReadyEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.event.EventListener;

/**
 * A bot as the README builds it, without a web server: its {@code main} returns right after
 * start-up, so only the gateway keeps the JVM running. Started in a child JVM by {@link
 * NonWebApplicationTests}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NonWebBot {

  /** Printed when the session is ready. */
  static final String READY_LINE = "NON-WEB-BOT READY";

  @EventListener
  void onReady(ReadyEvent event) {
    System.out.println(READY_LINE);
  }

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(NonWebBot.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(args);
  }
}
