/** The engine settings that CivicFlow relies on, applied wherever the engine runs. */
package org.civicflow.engine.config;
