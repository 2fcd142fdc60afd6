package dev.pearl.gpu;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.ValueAndGrad;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.nn.Init;
import dev.pearl.nn.Loss;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tensors stay on the device: one gradient of an MLP, forward and backward, moves no tensor data
 * between host and device; data crosses only when the inputs are created and when the results
 * are read. The backend keeps device-resident buffers (as on a discrete GPU), so a transfer the
 * counters missed would show up as stale values in the comparison with the CPU backend.
 */
class ResidencyTest {
    private static final Mlp NET = Mlp.autoencoder(20, 12, 4, 12, 20);
    private static final Loss LOSS = Losses.logisticCrossEntropy();

    @Test
    void oneGradientMovesNoTensorDataBetweenTheFirstUploadsAndTheFinalReads() {
        OpenClBackend gpu = OpenClTestSupport.discrete();
        double[] images = images(64);

        TransferStats start = gpu.transfers();
        Params theta = NET.init(Init.sparse(5), gpu, DType.FLOAT32, 7);
        Tensor x = gpu.fromArray(images, Shape.of(64, 20), DType.FLOAT32);
        TransferStats uploads = gpu.transfers().minus(start);
        // One upload per weight matrix and one for the data; biases are filled on the device.
        assertEquals(NET.layers() + 1, uploads.uploads(), uploads.toString());
        assertEquals(0, uploads.downloads(), uploads.toString());

        TransferStats before = gpu.transfers();
        ValueAndGrad<Params> vg = AD.valueAndGrad(p -> LOSS.value(NET.outputs(p, x), x), theta);
        TransferStats gradient = gpu.transfers().minus(before);
        assertEquals(0, gradient.copies(), "the gradient crossed between host and device: " + gradient);
        assertTrue(gradient.launches() > 4 * NET.layers(), "the gradient ran on the device: " + gradient);

        TransferStats beforeReads = gpu.transfers();
        double loss = vg.value().item();
        double[][] grads = new double[vg.grad().size()][];
        for (int i = 0; i < grads.length; i++) grads[i] = vg.grad().get(i).toDoubleArray();
        TransferStats reads = gpu.transfers().minus(beforeReads);
        assertEquals(1 + grads.length, reads.downloads(), "one download per read tensor: " + reads);
        assertEquals(0, reads.uploads(), reads.toString());

        Backend cpu = new CpuBackend(1);
        Params thetaCpu = NET.init(Init.sparse(5), cpu, DType.FLOAT32, 7);
        Tensor xCpu = cpu.fromArray(images, Shape.of(64, 20), DType.FLOAT32);
        ValueAndGrad<Params> expected = AD.valueAndGrad(p -> LOSS.value(NET.outputs(p, xCpu), xCpu), thetaCpu);
        assertEquals(expected.value().item(), loss, 1e-5 * Math.abs(loss));
        for (int i = 0; i < grads.length; i++) {
            double[] e = expected.grad().get(i).toDoubleArray();
            for (int j = 0; j < e.length; j++)
                assertEquals(e[j], grads[i][j], 1e-4 * (1 + Math.abs(e[j])), vg.grad().name(i) + "[" + j + "]");
        }
    }

    private static double[] images(int cases) {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[cases * 20];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble();
        return v;
    }
}
