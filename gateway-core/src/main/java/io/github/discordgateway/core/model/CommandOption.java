package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An application command option as received. {@link #value()} is polymorphic (string, integer,
 * double or boolean; ids arrive as snowflake strings) and kept as a {@link JsonNode}; the typed
 * accessors convert it. Subcommands and groups carry nested {@link #options()} instead of a value.
 *
 * @param type raw option type; see {@link #optionType()}
 * @param value the value, {@code null} for subcommands and groups
 * @param options nested options (empty when absent)
 * @param focused whether this option has focus (autocomplete)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandOption(
    String name,
    @OrDefault int type,
    JsonNode value,
    List<CommandOption> options,
    @OrDefault boolean focused) {

  /** Normalises absent collections to empty ones. */
  public CommandOption {
    options = Lists.of(options);
  }

  /** Returns the typed option type, {@link CommandOptionType#UNKNOWN} for unknown values. */
  public CommandOptionType optionType() {
    return CommandOptionType.of(type);
  }

  /** Returns the nested option named {@code name}. */
  public Optional<CommandOption> option(String name) {
    return find(options, name);
  }

  /** Returns the value as text (numbers and booleans in their JSON form), empty without value. */
  public Optional<String> stringValue() {
    return hasValue() ? Optional.of(value.asString()) : Optional.empty();
  }

  /** Returns an integer value, empty without a value or when it is not an integer in range. */
  public Optional<Long> longValue() {
    return hasValue() && value.isIntegralNumber() && value.canConvertToLong()
        ? Optional.of(value.longValue())
        : Optional.empty();
  }

  /** Returns a number value, empty without a value or when it is not a number. */
  public Optional<Double> doubleValue() {
    return hasValue() && value.isNumber() ? Optional.of(value.doubleValue()) : Optional.empty();
  }

  /** Returns a boolean value, empty without a value or when it is not a boolean. */
  public Optional<Boolean> booleanValue() {
    return hasValue() && value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
  }

  /**
   * Returns an id value (USER, CHANNEL, ROLE, MENTIONABLE, ATTACHMENT), empty without a value or
   * when it is not an unsigned 64-bit number or numeric string.
   */
  public Optional<Long> snowflakeValue() {
    if (!hasValue() || !(value.isString() || value.isIntegralNumber())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(value.asString()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean hasValue() {
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  static Optional<CommandOption> find(List<CommandOption> options, String name) {
    return options.stream().filter(o -> o.name() != null && o.name().equals(name)).findFirst();
  }
}
