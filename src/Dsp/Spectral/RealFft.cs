using System.Numerics;

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// Forward FFT of a real sequence whose length is a power of two (at least 4), in double
/// precision. The N real samples are packed into an N/2-point complex sequence, transformed
/// with an iterative radix-2 FFT (split real and imaginary arrays, SIMD butterflies from the
/// third stage on), and then split into the N/2 + 1 non-redundant bins. Bit-reversal and
/// per-stage twiddle tables are built once; <see cref="Forward"/> allocates nothing.
/// </summary>
/// <remarks>
/// Double precision matters for parity: librosa transforms in float64 and only rounds the
/// spectrum to float32 at the end, and spectral contrast looks at the weakest bins of a band,
/// which a float32 FFT would bury under its own rounding noise on pure tones.
/// </remarks>
public sealed class RealFft
{
    private readonly int _size;
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly double[] _stageRe;     // stage with half-length h: e^{-2 pi i j / 2h}, j < h, at offset h
    private readonly double[] _stageIm;
    private readonly double[] _splitRe;     // e^{-2 pi i k / size}, k <= half
    private readonly double[] _splitIm;
    private readonly double[] _workRe;
    private readonly double[] _workIm;

    public RealFft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two >= 4.");
        _size = size;
        _half = size / 2;
        _workRe = new double[_half];
        _workIm = new double[_half];

        var bits = BitOperations.Log2((uint)_half);
        _bitReverse = new int[_half];
        for (var i = 0; i < _half; i++)
            _bitReverse[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));

        // Twiddles of every stage, stored contiguously so that butterflies can load them as vectors.
        _stageRe = new double[Math.Max(2, _half)];
        _stageIm = new double[Math.Max(2, _half)];
        for (var h = 1; h < _half; h <<= 1)
        {
            for (var j = 0; j < h; j++)
            {
                var angle = -Math.PI * j / h;
                _stageRe[h + j] = Math.Cos(angle);
                _stageIm[h + j] = Math.Sin(angle);
            }
        }

        _splitRe = new double[_half + 1];
        _splitIm = new double[_half + 1];
        for (var k = 0; k <= _half; k++)
        {
            var angle = -2.0 * Math.PI * k / size;
            _splitRe[k] = Math.Cos(angle);
            _splitIm[k] = Math.Sin(angle);
        }
    }

    /// <summary>Number of real input samples.</summary>
    public int Size => _size;

    /// <summary>Number of output bins, <c>Size / 2 + 1</c>.</summary>
    public int BinCount => _half + 1;

    /// <summary>
    /// Transforms <paramref name="input"/> (length <see cref="Size"/>) into the bins 0..N/2
    /// (unnormalised, <c>X[k] = sum x[n] e^{-2 pi i k n / N}</c>).
    /// </summary>
    public void Forward(ReadOnlySpan<double> input, Span<double> re, Span<double> im)
    {
        if (input.Length < _size) throw new ArgumentException("input shorter than the FFT size", nameof(input));
        if (re.Length < _half + 1 || im.Length < _half + 1) throw new ArgumentException("output shorter than Size/2+1");

        var zr = _workRe;
        var zi = _workIm;
        var rev = _bitReverse;
        // Pack even samples as real and odd samples as imaginary parts, in bit-reversed order.
        for (var i = 0; i < _half; i++)
        {
            var j = rev[i];
            zr[j] = input[2 * i];
            zi[j] = input[2 * i + 1];
        }

        ComplexInPlace(zr, zi);

        // Split: Z[k] = E[k] + i O[k] where E, O are the spectra of the even and odd samples;
        // X[k] = E[k] + w^k O[k] with w = e^{-2 pi i / N}, and X[N/2-k] = conj(E[k] - w^k O[k]).
        re[0] = zr[0] + zi[0];
        im[0] = 0;
        re[_half] = zr[0] - zi[0];
        im[_half] = 0;
        for (var k = 1; k <= _half / 2; k++)
        {
            var m = _half - k;
            var ar = zr[k]; var ai = zi[k];
            var br = zr[m]; var bi = -zi[m];                   // conj(Z[N/2-k])
            var er = 0.5 * (ar + br); var ei = 0.5 * (ai + bi);   // E[k]
            var or = 0.5 * (ai - bi); var oi = -0.5 * (ar - br);  // O[k] = (Z[k]-conj(Z[m]))/(2i)
            var wr = _splitRe[k]; var wi = _splitIm[k];
            var tr = wr * or - wi * oi;
            var ti = wr * oi + wi * or;
            re[k] = er + tr;
            im[k] = ei + ti;
            re[m] = er - tr;
            im[m] = -(ei - ti);
        }
    }

    private void ComplexInPlace(double[] zr, double[] zi)
    {
        var n = _half;
        // First stage (length-2 butterflies) has the trivial twiddle 1.
        for (var i = 0; i + 1 < n; i += 2)
        {
            var ar = zr[i]; var ai = zi[i];
            var br = zr[i + 1]; var bi = zi[i + 1];
            zr[i] = ar + br; zi[i] = ai + bi;
            zr[i + 1] = ar - br; zi[i + 1] = ai - bi;
        }
        // Second stage (length 4): twiddles 1 and -i.
        if (n >= 4)
        {
            for (var i = 0; i < n; i += 4)
            {
                var ar = zr[i]; var ai = zi[i];
                var br = zr[i + 2]; var bi = zi[i + 2];
                zr[i] = ar + br; zi[i] = ai + bi;
                zr[i + 2] = ar - br; zi[i + 2] = ai - bi;
                ar = zr[i + 1]; ai = zi[i + 1];
                br = zi[i + 3]; bi = -zr[i + 3];                 // -i * Z
                zr[i + 1] = ar + br; zi[i + 1] = ai + bi;
                zr[i + 3] = ar - br; zi[i + 3] = ai - bi;
            }
        }
        var width = Vector<double>.Count;
        for (var h = 4; h < n; h <<= 1)
        {
            var len = h << 1;
            if (Vector.IsHardwareAccelerated && h >= width)
            {
                for (var start = 0; start < n; start += len)
                {
                    for (var j = 0; j < h; j += width)
                    {
                        var wr = new Vector<double>(_stageRe, h + j);
                        var wi = new Vector<double>(_stageIm, h + j);
                        var p = start + j;
                        var q = p + h;
                        var xr = new Vector<double>(zr, q);
                        var xi = new Vector<double>(zi, q);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var ur = new Vector<double>(zr, p);
                        var ui = new Vector<double>(zi, p);
                        (ur + tr).CopyTo(zr, p);
                        (ui + ti).CopyTo(zi, p);
                        (ur - tr).CopyTo(zr, q);
                        (ui - ti).CopyTo(zi, q);
                    }
                }
                continue;
            }
            for (var start = 0; start < n; start += len)
            {
                for (var j = 0; j < h; j++)
                {
                    var wr = _stageRe[h + j]; var wi = _stageIm[h + j];
                    var p = start + j;
                    var q = p + h;
                    var xr = zr[q]; var xi = zi[q];
                    var tr = wr * xr - wi * xi;
                    var ti = wr * xi + wi * xr;
                    var ur = zr[p]; var ui = zi[p];
                    zr[p] = ur + tr; zi[p] = ui + ti;
                    zr[q] = ur - tr; zi[q] = ui - ti;
                }
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
