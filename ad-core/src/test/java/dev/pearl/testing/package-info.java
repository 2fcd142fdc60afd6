/**
 * Test support shared by the ad-core suite and, through ad-core's test-jar, by other modules.
 *
 * <h2>Running the suite on another backend</h2>
 * Backend-sensitive tests create their tensors on each backend of {@link dev.pearl.testing.TestBackends}
 * (CPU with 1 and 2 threads by default). A module with its own backend, e.g. ad-gpu, runs the
 * whole suite on it with no copied tests:
 * <pre>
 * &lt;dependency&gt;&lt;groupId&gt;dev.pearl&lt;/groupId&gt;&lt;artifactId&gt;ad-core&lt;/artifactId&gt;
 *             &lt;type&gt;test-jar&lt;/type&gt;&lt;scope&gt;test&lt;/scope&gt;&lt;/dependency&gt;
 * ...
 * &lt;plugin&gt;&lt;artifactId&gt;maven-surefire-plugin&lt;/artifactId&gt;&lt;configuration&gt;
 *   &lt;dependenciesToScan&gt;&lt;dependency&gt;dev.pearl:ad-core&lt;/dependency&gt;&lt;/dependenciesToScan&gt;
 *   &lt;systemPropertyVariables&gt;&lt;pearl.test.backend&gt;dev.pearl.gpu.OpenClTestBackends&lt;/pearl.test.backend&gt;&lt;/systemPropertyVariables&gt;
 * &lt;/configuration&gt;&lt;/plugin&gt;
 * </pre>
 * where {@code OpenClTestBackends} implements {@link dev.pearl.testing.BackendProvider}. The
 * same property selects a backend from the command line:
 * {@code mvn test -Dpearl.test.backend=...}.
 *
 * <p>{@link dev.pearl.testing.Reference} computes op results in plain Java for forward checks;
 * {@link dev.pearl.testing.HostTensor} holds backend-neutral test data.
 */
package dev.pearl.testing;
