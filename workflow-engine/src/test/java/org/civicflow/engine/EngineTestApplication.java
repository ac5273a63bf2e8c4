package org.civicflow.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring configuration that the engine's tests start from (domain and engine beans). */
@SpringBootApplication(scanBasePackages = "org.civicflow")
public class EngineTestApplication {}
