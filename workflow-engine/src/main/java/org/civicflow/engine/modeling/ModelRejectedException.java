package org.civicflow.engine.modeling;

import org.civicflow.domain.common.DomainException;

/** A model that failed validation; nothing was deployed. */
public class ModelRejectedException extends DomainException {

  private final transient ModelReport report;

  ModelRejectedException(ModelReport report) {
    super("model.invalid", report.problems().size());
    this.report = report;
  }

  public ModelReport report() {
    return report;
  }
}
