package io.github.discordgateway.core.model.json;

import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;

/** Reads a JSON object key holding a snowflake as an unsigned 64-bit {@code Long}. */
public final class SnowflakeKeyDeserializer extends KeyDeserializer {

  @Override
  public Object deserializeKey(String key, DeserializationContext ctxt) {
    try {
      return Long.parseUnsignedLong(key.trim());
    } catch (NumberFormatException e) {
      return ctxt.handleWeirdKey(
          Long.class, key, "not a snowflake (unsigned 64-bit decimal integer)");
    }
  }
}
