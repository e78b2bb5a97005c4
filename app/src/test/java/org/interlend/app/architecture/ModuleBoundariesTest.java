package org.interlend.app.architecture;

import org.interlend.InterlendApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules (a package each under org.interlend: patrons, catalogue, requests, lending, copying,
 * overseas, notices, storage, workflows, app, ...) keep their boundaries: no cycles between them,
 * and other modules use only a module's top-level package or a sub-package it exposes with
 * {@code @NamedInterface} (lending's rules and lifecycle, the workflows engine adapters).
 */
class ModuleBoundariesTest {

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    ApplicationModules.of(InterlendApplication.class).verify();
  }
}
