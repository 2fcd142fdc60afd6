/**
 * Pearl's OpenCL backend: the {@link dev.pearl.tensor.Backend} kernels written in Java and
 * compiled to OpenCL by Aparapi, with tensors resident on the device.
 *
 * <pre>
 * Backend gpu = OpenCl.best();                       // or OpenCl.device("nvidia"), OpenCl.device(1)
 * Params theta = net.init(Init.sparse(15), gpu, DType.FLOAT32, 1);
 * Tensor x = gpu.fromArray(images, Shape.of(1000, 784), DType.FLOAT32);
 * ValueAndGrad&lt;Params&gt; vg = AD.valueAndGrad(p -&gt; loss.value(net.outputs(p, x), x), theta);
 * </pre>
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 * <li>{@link dev.pearl.gpu.OpenCl} lists devices and creates backends; a request no device can
 *     meet throws {@link dev.pearl.gpu.OpenClUnavailableException} with a one-line reason.</li>
 * <li>{@link dev.pearl.gpu.OpenClBackend} implements the SPI. Each backend owns one device
 *     program ({@code DevicePrograms} over {@code DeviceKernel}; its data in {@code KernelState};
 *     element ops, gathers and scatter-adds, reductions and matmuls written once for both element types as templates in
 *     {@code src/main/templates}, from which the build writes the {@code Float32...} and
 *     {@code Float64...} classes)
 *     because Aparapi gives every kernel instance its own buffers: one instance holding all
 *     tensors is what lets ops read each other's results on the device.</li>
 * <li>Tensors are ranges of two large arrays, the float32 and float64 arenas ({@code Arena},
 *     {@code ArenaAllocator}), freed when the garbage collector finds their tensors unreachable.
 *     Data enters and leaves through staging arrays ({@code Staging}); {@link
 *     dev.pearl.gpu.TransferStats} counts every crossing. Index tables travel once per index
 *     object into an int array of the program ({@code IndexTables}).</li>
 * <li>{@code Launcher} compiles the program up front and launches it with device-bound ranges,
 *     so a failure is an error and never a silent switch to Aparapi's Java thread pool.</li>
 * </ul>
 * The module's README explains the choices and what was measured on the way.
 */
package dev.pearl.gpu;

