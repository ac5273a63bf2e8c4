package org.civicflow.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in start page. */
@Controller
class PortalHomeController {

  @GetMapping("/portal")
  String portal() {
    return "portal/index";
  }
}
