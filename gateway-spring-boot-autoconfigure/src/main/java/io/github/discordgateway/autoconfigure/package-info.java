/** Spring Boot auto-configuration of the Discord gateway: properties, shard beans and events. */
package io.github.discordgateway.autoconfigure;
