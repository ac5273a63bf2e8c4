package org.civicflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module arrows stay one-way (web-portal → workflow-engine → domain), and inside each module
 * the feature packages depend on each other without cycles.
 */
@AnalyzeClasses(packages = "org.civicflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("portal")
          .definedBy("org.civicflow.portal..")
          .layer("engine")
          .definedBy("org.civicflow.engine..")
          .layer("domain")
          .definedBy("org.civicflow.domain..")
          .whereLayer("portal")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("engine")
          .mayOnlyBeAccessedByLayers("portal")
          .whereLayer("domain")
          .mayOnlyBeAccessedByLayers("engine", "portal");

  @ArchTest
  static final ArchRule domainKnowsNeitherCamundaNorTheWeb =
      noClasses()
          .that()
          .resideInAPackage("org.civicflow.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.camunda..",
              "org.springframework.web..",
              "org.springframework.http..",
              "jakarta.servlet..",
              "org.civicflow.engine..",
              "org.civicflow.portal..");

  @ArchTest
  static final ArchRule engineKnowsNoWeb =
      noClasses()
          .that()
          .resideInAPackage("org.civicflow.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.web..", "jakarta.servlet..", "org.civicflow.portal..");

  /** The models' variable names: plain constants, known to the engine and the portal. */
  @ArchTest
  static final ArchRule processesKnowOnlyThemselves =
      noClasses()
          .that()
          .resideInAPackage("org.civicflow.processes..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.camunda..",
              "org.springframework..",
              "org.civicflow.domain..",
              "org.civicflow.engine..",
              "org.civicflow.portal..");

  @ArchTest
  static final ArchRule mappersStayBelowTheWeb =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.civicflow.domain..", "org.civicflow.engine..")
          .should()
          .beAnnotatedWith(org.apache.ibatis.annotations.Mapper.class);

  @ArchTest
  static final ArchRule domainFeaturesWithoutCycles =
      slices().matching("org.civicflow.domain.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule engineFeaturesWithoutCycles =
      slices().matching("org.civicflow.engine.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule portalFeaturesWithoutCycles =
      slices().matching("org.civicflow.portal.(*)..").should().beFreeOfCycles();
}
