/** Small helpers shared by the engine's delegates and services. */
package org.civicflow.engine.support;
