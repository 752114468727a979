using System.Numerics;

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
        for (var k = 0; k < OutputCount; k++)
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
