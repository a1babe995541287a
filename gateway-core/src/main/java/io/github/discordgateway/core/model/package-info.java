/**
 * Typed Discord objects that dispatch payloads decode into (users, guilds, channels, messages,
 * ...).
 *
 * <p>Conventions, uniform across the model:
 *
 * <ul>
 *   <li>Snowflakes are {@code long} (required) or {@code Long} (optional or nullable) holding the
 *       unsigned 64-bit value; read from JSON strings or numbers, written as strings. See {@link
 *       io.github.discordgateway.core.model.SnowflakeIds}.
 *   <li>ISO8601 timestamps are {@link java.time.OffsetDateTime}; Unix times keep Discord's unit
 *       (seconds or milliseconds, named in the component docs).
 *   <li>Permission bit sets stay the decimal {@code String} Discord sends (future bits may exceed
 *       64).
 *   <li>Enumerated integers stay {@code int}; a typed accessor (e.g. {@code Channel.channelType()})
 *       returns an {@code UNKNOWN} constant for new values.
 *   <li>Collections are never {@code null}: absent means empty. Other absent or {@code null} fields
 *       read as {@code null}, absent primitives as {@code 0}/{@code false}.
 *   <li>Where absent and {@code null} differ in meaning, a {@link
 *       io.github.discordgateway.core.model.Possible} or a documented {@code Boolean} keeps them
 *       apart.
 *   <li>Unknown keys are ignored; anything not modelled stays readable in the raw JSON the dispatch
 *       keeps, or as a {@code JsonNode} component for polymorphic parts.
 * </ul>
 *
 * <p>Records are self-describing with Jackson 3 annotations: a plain {@code
 * JsonMapper.builder().build()} decodes them. Writing them back produces Discord-shaped JSON (snake
 * case, ids as strings) that decodes to an equal record; {@code null} components are left out, so a
 * written {@code null} only ever stands for a present JSON {@code null} (a {@link
 * tools.jackson.databind.JsonNode} {@code NullNode} or a {@code Possible.ofNull()}).
 */
package io.github.discordgateway.core.model;
