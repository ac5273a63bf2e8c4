package org.civicflow.domain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring configuration that the domain's tests start from. */
@SpringBootApplication
public class DomainTestApplication {}
