package org.interlend.lending;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link LendingProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LendingProperties.class)
public class LendingConfiguration {}
