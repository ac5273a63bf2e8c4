package org.civicflow.portal.web;

import java.io.IOException;

/** The request body is larger than CivicFlow accepts for this kind of request. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
  }
}
