using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        // Unchecked: input holds at least 2 * _half samples (checked above), rev[i] < _half.
        ref var source = ref MemoryMarshal.GetReference(input);
        ref var zr0 = ref MemoryMarshal.GetArrayDataReference(zr);
        ref var zi0 = ref MemoryMarshal.GetArrayDataReference(zi);
        for (var i = 0; i < _half; i++)
        {
            var j = (nuint)rev[i];
            Unsafe.Add(ref zr0, j) = Unsafe.Add(ref source, 2 * i);
            Unsafe.Add(ref zi0, j) = Unsafe.Add(ref source, 2 * i + 1);
        }

        ComplexInPlace(zr, zi);

        // Split: Z[k] = E[k] + i O[k] where E, O are the spectra of the even and odd samples;
        // X[k] = E[k] + w^k O[k] with w = e^{-2 pi i / N}, and X[N/2-k] = conj(E[k] - w^k O[k]).
        re[0] = zr[0] + zi[0];
        im[0] = 0;
        re[_half] = zr[0] - zi[0];
        im[_half] = 0;
        // Unchecked: k and m stay within 1.._half - 1, and re/im hold _half + 1 values (checked above).
        ref var outRe = ref MemoryMarshal.GetReference(re);
        ref var outIm = ref MemoryMarshal.GetReference(im);
        ref var splitRe = ref MemoryMarshal.GetArrayDataReference(_splitRe);
        ref var splitIm = ref MemoryMarshal.GetArrayDataReference(_splitIm);
        for (nuint k = 1; k <= (nuint)(_half / 2); k++)
        {
            var m = (nuint)_half - k;
            var ar = Unsafe.Add(ref zr0, k); var ai = Unsafe.Add(ref zi0, k);
            var br = Unsafe.Add(ref zr0, m); var bi = -Unsafe.Add(ref zi0, m);   // conj(Z[N/2-k])
            var er = 0.5 * (ar + br); var ei = 0.5 * (ai + bi);   // E[k]
            var or = 0.5 * (ai - bi); var oi = -0.5 * (ar - br);  // O[k] = (Z[k]-conj(Z[m]))/(2i)
            var wr = Unsafe.Add(ref splitRe, k); var wi = Unsafe.Add(ref splitIm, k);
            var tr = wr * or - wi * oi;
            var ti = wr * oi + wi * or;
            Unsafe.Add(ref outRe, k) = er + tr;
            Unsafe.Add(ref outIm, k) = ei + ti;
            Unsafe.Add(ref outRe, m) = er - tr;
            Unsafe.Add(ref outIm, m) = -(ei - ti);
        }
    }

    private void ComplexInPlace(double[] zr, double[] zi)
    {
        var n = _half;
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(zr);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(zi);
        if (n < 4)
        {
            // Only the first stage (length-2 butterflies, twiddle 1).
            var ar = zr[0]; var ai = zi[0];
            var br = zr[1]; var bi = zi[1];
            zr[0] = ar + br; zi[0] = ai + bi;
            zr[1] = ar - br; zi[1] = ai - bi;
            return;
        }
        // First two stages fused, one group of four at a time in registers: length-2 butterflies
        // (twiddle 1), then length-4 butterflies (twiddles 1 and -i); same operations as two passes.
        for (nuint i = 0; i < (nuint)n; i += 4)
        {
            var z0r = Unsafe.Add(ref r0, i); var z0i = Unsafe.Add(ref i0, i);
            var z1r = Unsafe.Add(ref r0, i + 1); var z1i = Unsafe.Add(ref i0, i + 1);
            var z2r = Unsafe.Add(ref r0, i + 2); var z2i = Unsafe.Add(ref i0, i + 2);
            var z3r = Unsafe.Add(ref r0, i + 3); var z3i = Unsafe.Add(ref i0, i + 3);
            var a0r = z0r + z1r; var a0i = z0i + z1i;
            var a1r = z0r - z1r; var a1i = z0i - z1i;
            var a2r = z2r + z3r; var a2i = z2i + z3i;
            var a3r = z2r - z3r; var a3i = z2i - z3i;
            Unsafe.Add(ref r0, i) = a0r + a2r; Unsafe.Add(ref i0, i) = a0i + a2i;
            Unsafe.Add(ref r0, i + 2) = a0r - a2r; Unsafe.Add(ref i0, i + 2) = a0i - a2i;
            var br = a3i; var bi = -a3r;                                    // -i * Z
            Unsafe.Add(ref r0, i + 1) = a1r + br; Unsafe.Add(ref i0, i + 1) = a1i + bi;
            Unsafe.Add(ref r0, i + 3) = a1r - br; Unsafe.Add(ref i0, i + 3) = a1i - bi;
        }
        var width = Vector<double>.Count;
        for (var h = 4; h < n; h <<= 1)
        {
            var len = h << 1;
            if (Vector.IsHardwareAccelerated && h >= width)
            {
                // Unchecked vector loads and stores (every index is below n by construction):
                // the bounds checks of new Vector(array, i) / CopyTo cost more than the arithmetic here.
                ref var wRe = ref MemoryMarshal.GetArrayDataReference(_stageRe);
                ref var wIm = ref MemoryMarshal.GetArrayDataReference(_stageIm);
                ref var re = ref MemoryMarshal.GetArrayDataReference(zr);
                ref var im = ref MemoryMarshal.GetArrayDataReference(zi);
                for (var start = 0; start < n; start += len)
                {
                    for (var j = 0; j < h; j += width)
                    {
                        var wr = Vector.LoadUnsafe(ref wRe, (nuint)(h + j));
                        var wi = Vector.LoadUnsafe(ref wIm, (nuint)(h + j));
                        var p = (nuint)(start + j);
                        var q = p + (nuint)h;
                        var xr = Vector.LoadUnsafe(ref re, q);
                        var xi = Vector.LoadUnsafe(ref im, q);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var ur = Vector.LoadUnsafe(ref re, p);
                        var ui = Vector.LoadUnsafe(ref im, p);
                        (ur + tr).StoreUnsafe(ref re, p);
                        (ui + ti).StoreUnsafe(ref im, p);
                        (ur - tr).StoreUnsafe(ref re, q);
                        (ui - ti).StoreUnsafe(ref im, q);
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
