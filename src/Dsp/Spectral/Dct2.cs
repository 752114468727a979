using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// Orthonormal DCT-II keeping the first <c>OutputCount</c> coefficients, as
/// <c>scipy.fftpack.dct(x, type=2, norm='ortho')[:n]</c>:
/// <c>y[k] = f(k) sum_n x[n] cos(pi k (2n + 1) / (2N))</c> with <c>f(0) = sqrt(1/N)</c> and
/// <c>f(k) = sqrt(2/N)</c>. A cosine table replaces the FFT: with N = 128 and 20 outputs the
/// direct product is cheaper than a transform of all 128.
/// </summary>
public sealed class Dct2
{
    private readonly double[] _basis; // [k * N + n]
    private readonly double[] _input;

    public Dct2(int inputCount, int outputCount)
    {
        if (outputCount > inputCount) throw new ArgumentOutOfRangeException(nameof(outputCount));
        InputCount = inputCount;
        OutputCount = outputCount;
        _basis = new double[inputCount * outputCount];
        _input = new double[inputCount];
        for (var k = 0; k < outputCount; k++)
        {
            var scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / inputCount);
            for (var n = 0; n < inputCount; n++)
                _basis[k * inputCount + n] = scale * Math.Cos(Math.PI * k * (2 * n + 1) / (2.0 * inputCount));
        }
    }

    public int InputCount { get; }

    public int OutputCount { get; }

    public void Transform(ReadOnlySpan<float> input, Span<float> output)
    {
        var n = InputCount;
        for (var i = 0; i < n; i++) _input[i] = input[i];
        var width = Vector<double>.Count;
        var k = 0;
        if (Vector.IsHardwareAccelerated && n % width == 0)
        {
            // Four coefficients at a time: four independent add chains instead of one, so the
            // adds' latency overlaps. Each coefficient keeps its own accumulator and order, so
            // the sums are the same as one coefficient at a time. Unchecked: k + 3 < OutputCount.
            ref var basis = ref MemoryMarshal.GetArrayDataReference(_basis);
            ref var x = ref MemoryMarshal.GetArrayDataReference(_input);
            for (; k <= OutputCount - 4; k += 4)
            {
                var offset = (nuint)(k * n);
                Vector<double> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
                for (nuint i = 0; i < (nuint)n; i += (nuint)width)
                {
                    var v = Vector.LoadUnsafe(ref x, i);
                    acc0 += Vector.LoadUnsafe(ref basis, offset + i) * v;
                    acc1 += Vector.LoadUnsafe(ref basis, offset + (nuint)n + i) * v;
                    acc2 += Vector.LoadUnsafe(ref basis, offset + 2 * (nuint)n + i) * v;
                    acc3 += Vector.LoadUnsafe(ref basis, offset + 3 * (nuint)n + i) * v;
                }
                output[k] = (float)Vector.Sum(acc0);
                output[k + 1] = (float)Vector.Sum(acc1);
                output[k + 2] = (float)Vector.Sum(acc2);
                output[k + 3] = (float)Vector.Sum(acc3);
            }
        }
        for (; k < OutputCount; k++)
        {
            var offset = k * n;
            var acc = Vector<double>.Zero;
            var i = 0;
            for (; i <= n - width; i += width)
                acc += new Vector<double>(_basis, offset + i) * new Vector<double>(_input, i);
            var sum = Vector.Sum(acc);
            for (; i < n; i++) sum += _basis[offset + i] * _input[i];
            output[k] = (float)sum;
        }
    }
}
