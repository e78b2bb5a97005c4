package org.interlend.workflows;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The context every process test shares: the in-memory engine, the workers, and the embedded
 * S3Proxy, PostgreSQL and GreenMail. One context for all process tests keeps the run short.
 */
@SpringBootApplication(scanBasePackages = "org.interlend")
public class ProcessTestApplication {}
