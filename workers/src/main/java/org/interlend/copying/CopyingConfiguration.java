package org.interlend.copying;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link CopyingProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CopyingProperties.class)
public class CopyingConfiguration {}
