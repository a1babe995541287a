/**
 * Jackson 3 support for the Discord object model: snowflake, tri-state and presence-flag
 * (de)serializers and the annotation bundles that attach them to record components.
 *
 * <p>The annotations make the model records self-describing: they decode with a plain {@code
 * JsonMapper} without registering any module. They can be reused on user-defined records.
 */
package io.github.discordgateway.core.model.json;
