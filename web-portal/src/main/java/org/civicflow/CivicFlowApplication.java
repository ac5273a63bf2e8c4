package org.civicflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** CivicFlow: handling of deputies' suggestions and CPPCC members' proposals (建议提案办理). */
@SpringBootApplication
public class CivicFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CivicFlowApplication.class, args);
  }
}
