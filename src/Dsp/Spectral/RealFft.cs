using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// Forward FFT of a real sequence whose length is a power of two (at least 4), in double
/// precision. The N real samples are packed into an N/2-point complex sequence, transformed
/// with an iterative radix-2 FFT (split real and imaginary arrays; the bit-reversed packing
/// fused with the first two stages, then SIMD butterflies two stages per pass), and then split
/// into the N/2 + 1 non-redundant bins, four bins per SIMD pass. Every path (AVX or scalar)
/// performs the same floating-point operations in the same order per value, so the output is
/// bit-identical whatever the hardware. Bit-reversal and per-stage twiddle tables are built
/// once; <see cref="Forward"/> allocates nothing.
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
        if (_half < 4)
        {
            // Size 4: two complex points, one length-2 butterfly (twiddle 1).
            var ar = input[0]; var ai = input[1];
            var br = input[2]; var bi = input[3];
            zr[0] = ar + br; zi[0] = ai + bi;
            zr[1] = ar - br; zi[1] = ai - bi;
        }
        else if (Avx.IsSupported && _half >= 16)
        {
            PackFirstStagesAvx(input);
        }
        else
        {
            PackFirstStages(input);
        }
        LaterStages(zr, zi);
        Split(re, im);
    }

    /// <summary>
    /// Packs even samples as real and odd samples as imaginary parts in bit-reversed order and
    /// applies the first two stages in the same pass: length-2 butterflies (twiddle 1), then
    /// length-4 butterflies (twiddles 1 and -i). The group of four stored at <c>rev[r]</c>
    /// (<c>r &lt; N/8</c>) holds the complex points r, r + 2Q, r + Q, r + 3Q with Q = N/8,
    /// because bit reversal maps the two low bits of the group's positions to the two high bits.
    /// </summary>
    private void PackFirstStages(ReadOnlySpan<double> input)
    {
        var q = (nuint)(_half / 4);
        // Unchecked: every complex index is below _half, input holds 2 * _half samples, rev[r] + 3 < _half.
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_workRe);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(_workIm);
        ref var rev = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        for (nuint r = 0; r < q; r++)
        {
            var z0r = Unsafe.Add(ref x, 2 * r); var z0i = Unsafe.Add(ref x, 2 * r + 1);
            var z1r = Unsafe.Add(ref x, 2 * (r + 2 * q)); var z1i = Unsafe.Add(ref x, 2 * (r + 2 * q) + 1);
            var z2r = Unsafe.Add(ref x, 2 * (r + q)); var z2i = Unsafe.Add(ref x, 2 * (r + q) + 1);
            var z3r = Unsafe.Add(ref x, 2 * (r + 3 * q)); var z3i = Unsafe.Add(ref x, 2 * (r + 3 * q) + 1);
            var a0r = z0r + z1r; var a0i = z0i + z1i;
            var a1r = z0r - z1r; var a1i = z0i - z1i;
            var a2r = z2r + z3r; var a2i = z2i + z3i;
            var a3r = z2r - z3r; var a3i = z2i - z3i;
            var i = (nuint)Unsafe.Add(ref rev, r);
            Unsafe.Add(ref r0, i) = a0r + a2r; Unsafe.Add(ref i0, i) = a0i + a2i;
            Unsafe.Add(ref r0, i + 2) = a0r - a2r; Unsafe.Add(ref i0, i + 2) = a0i - a2i;
            var br = a3i; var bi = -a3r;                                    // -i * Z
            Unsafe.Add(ref r0, i + 1) = a1r + br; Unsafe.Add(ref i0, i + 1) = a1i + bi;
            Unsafe.Add(ref r0, i + 3) = a1r - br; Unsafe.Add(ref i0, i + 3) = a1i - bi;
        }
    }

    /// <summary>
    /// <see cref="PackFirstStages"/> for four consecutive r at a time, one per lane: the same
    /// operations per lane. Each complex quarter is read as eight interleaved doubles and
    /// de-interleaved (lanes come out as r, r+2, r+1, r+3); the four outputs of each lane are
    /// then transposed into one row of four and stored at that lane's bit-reversed position.
    /// </summary>
    private void PackFirstStagesAvx(ReadOnlySpan<double> input)
    {
        var q = (nuint)(_half / 4);
        var sign = Vector256.Create(-0.0);
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_workRe);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(_workIm);
        ref var rev = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        for (nuint r = 0; r < q; r += 4)   // q is a multiple of 4 (_half >= 16)
        {
            var (z0r, z0i) = LoadComplex(ref x, 2 * r);
            var (z1r, z1i) = LoadComplex(ref x, 2 * (r + 2 * q));
            var (z2r, z2i) = LoadComplex(ref x, 2 * (r + q));
            var (z3r, z3i) = LoadComplex(ref x, 2 * (r + 3 * q));
            var a0r = z0r + z1r; var a0i = z0i + z1i;
            var a1r = z0r - z1r; var a1i = z0i - z1i;
            var a2r = z2r + z3r; var a2i = z2i + z3i;
            var a3r = z2r - z3r; var a3i = z2i - z3i;
            var br = a3i; var bi = Vector256.Xor(a3r, sign);              // -i * Z; xor is exact negation
            StoreRows(ref r0, ref rev, r, a0r + a2r, a1r + br, a0r - a2r, a1r - br);
            StoreRows(ref i0, ref rev, r, a0i + a2i, a1i + bi, a0i - a2i, a1i - bi);
        }
    }

    /// <summary>Four complex values from eight interleaved doubles at <paramref name="offset"/>; lanes in the order 0, 2, 1, 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Re, Vector256<double> Im) LoadComplex(ref double x, nuint offset)
    {
        var v0 = Vector256.LoadUnsafe(ref x, offset);       // re0 im0 re1 im1
        var v1 = Vector256.LoadUnsafe(ref x, offset + 4);   // re2 im2 re3 im3
        return (Avx.UnpackLow(v0, v1), Avx.UnpackHigh(v0, v1));
    }

    /// <summary>
    /// Transposes the four outputs t0..t3 of the lanes r, r+2, r+1, r+3 (see <see cref="LoadComplex"/>)
    /// and stores each lane's row at its bit-reversed position.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRows(ref double z, ref int rev, nuint r,
        Vector256<double> t0, Vector256<double> t1, Vector256<double> t2, Vector256<double> t3)
    {
        var u0 = Avx.UnpackLow(t0, t1);    // t0[0] t1[0] t0[2] t1[2]
        var u1 = Avx.UnpackHigh(t0, t1);   // t0[1] t1[1] t0[3] t1[3]
        var u2 = Avx.UnpackLow(t2, t3);
        var u3 = Avx.UnpackHigh(t2, t3);
        Avx.Permute2x128(u0, u2, 0x20).StoreUnsafe(ref z, (nuint)Unsafe.Add(ref rev, r));       // lane 0: r
        Avx.Permute2x128(u1, u3, 0x20).StoreUnsafe(ref z, (nuint)Unsafe.Add(ref rev, r + 2));   // lane 1: r + 2
        Avx.Permute2x128(u0, u2, 0x31).StoreUnsafe(ref z, (nuint)Unsafe.Add(ref rev, r + 1));   // lane 2: r + 1
        Avx.Permute2x128(u1, u3, 0x31).StoreUnsafe(ref z, (nuint)Unsafe.Add(ref rev, r + 3));   // lane 3: r + 3
    }

    /// <summary>
    /// Split: Z[k] = E[k] + i O[k] where E, O are the spectra of the even and odd samples;
    /// X[k] = E[k] + w^k O[k] with w = e^{-2 pi i / N}, and X[N/2-k] = conj(E[k] - w^k O[k]).
    /// </summary>
    private void Split(Span<double> re, Span<double> im)
    {
        var half = (nuint)_half;
        var quarter = half / 2;
        ref var zr0 = ref MemoryMarshal.GetArrayDataReference(_workRe);
        ref var zi0 = ref MemoryMarshal.GetArrayDataReference(_workIm);
        re[0] = zr0 + zi0;
        im[0] = 0;
        re[_half] = zr0 - zi0;
        im[_half] = 0;
        // Unchecked: k and m stay within 1.._half - 1, and re/im hold _half + 1 values (checked by Forward).
        ref var outRe = ref MemoryMarshal.GetReference(re);
        ref var outIm = ref MemoryMarshal.GetReference(im);
        ref var splitRe = ref MemoryMarshal.GetArrayDataReference(_splitRe);
        ref var splitIm = ref MemoryMarshal.GetArrayDataReference(_splitIm);
        nuint k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four bins k..k+3 per pass; their mirrors m..m-3 are read and written as one reversed
            // vector. Every lane keeps k < m, so the middle bin (k = m, written twice) is left to
            // the scalar loop and each lane writes distinct bins, as the scalar loop does.
            var halfV = Vector256.Create(0.5);
            var minusHalf = Vector256.Create(-0.5);
            var sign = Vector256.Create(-0.0);
            for (; k + 3 < quarter; k += 4)
            {
                var m = half - k - 3;   // lowest of the four mirrors
                var ar = Vector256.LoadUnsafe(ref zr0, k); var ai = Vector256.LoadUnsafe(ref zi0, k);
                var br = Reverse(Vector256.LoadUnsafe(ref zr0, m));
                var bi = Vector256.Xor(Reverse(Vector256.LoadUnsafe(ref zi0, m)), sign);   // conj(Z[N/2-k])
                var er = halfV * (ar + br); var ei = halfV * (ai + bi);       // E[k]
                var or = halfV * (ai - bi); var oi = minusHalf * (ar - br);   // O[k]
                var wr = Vector256.LoadUnsafe(ref splitRe, k); var wi = Vector256.LoadUnsafe(ref splitIm, k);
                var tr = wr * or - wi * oi;
                var ti = wr * oi + wi * or;
                (er + tr).StoreUnsafe(ref outRe, k);
                (ei + ti).StoreUnsafe(ref outIm, k);
                Reverse(er - tr).StoreUnsafe(ref outRe, m);
                Reverse(Vector256.Xor(ei - ti, sign)).StoreUnsafe(ref outIm, m);
            }
        }
        for (; k <= quarter; k++)
        {
            var m = half - k;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Reverse(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(3L, 2L, 1L, 0L));

    /// <summary>Radix-2 stages with half-lengths 4, 8, ..., N/4 (the first two are done while packing).</summary>
    private void LaterStages(double[] zr, double[] zi)
    {
        var n = _half;
        var width = Vector<double>.Count;
        var h = 4;
        if (Vector.IsHardwareAccelerated && h >= width)
        {
            // Two stages per pass over the data (h and 2h): each vector is loaded and stored once
            // for both, with the same butterflies in the same order per value.
            ref var wRe = ref MemoryMarshal.GetArrayDataReference(_stageRe);
            ref var wIm = ref MemoryMarshal.GetArrayDataReference(_stageIm);
            ref var re = ref MemoryMarshal.GetArrayDataReference(zr);
            ref var im = ref MemoryMarshal.GetArrayDataReference(zi);
            for (; 4 * h <= n; h <<= 2)
            {
                var hh = (nuint)h;
                for (nuint start = 0; start < (nuint)n; start += 4 * hh)
                {
                    for (nuint j = 0; j < hh; j += (nuint)width)
                    {
                        var p0 = start + j;
                        var p1 = p0 + hh;
                        var p2 = p1 + hh;
                        var p3 = p2 + hh;
                        var wr = Vector.LoadUnsafe(ref wRe, hh + j);
                        var wi = Vector.LoadUnsafe(ref wIm, hh + j);
                        // Stage h: (p0, p1) and (p2, p3), same twiddle.
                        var xr = Vector.LoadUnsafe(ref re, p1);
                        var xi = Vector.LoadUnsafe(ref im, p1);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var ur = Vector.LoadUnsafe(ref re, p0);
                        var ui = Vector.LoadUnsafe(ref im, p0);
                        var a0r = ur + tr; var a0i = ui + ti;
                        var a1r = ur - tr; var a1i = ui - ti;
                        xr = Vector.LoadUnsafe(ref re, p3);
                        xi = Vector.LoadUnsafe(ref im, p3);
                        tr = wr * xr - wi * xi;
                        ti = wr * xi + wi * xr;
                        ur = Vector.LoadUnsafe(ref re, p2);
                        ui = Vector.LoadUnsafe(ref im, p2);
                        var a2r = ur + tr; var a2i = ui + ti;
                        var a3r = ur - tr; var a3i = ui - ti;
                        // Stage 2h: (p0, p2) with twiddle j, (p1, p3) with twiddle j + h.
                        wr = Vector.LoadUnsafe(ref wRe, 2 * hh + j);
                        wi = Vector.LoadUnsafe(ref wIm, 2 * hh + j);
                        tr = wr * a2r - wi * a2i;
                        ti = wr * a2i + wi * a2r;
                        (a0r + tr).StoreUnsafe(ref re, p0);
                        (a0i + ti).StoreUnsafe(ref im, p0);
                        (a0r - tr).StoreUnsafe(ref re, p2);
                        (a0i - ti).StoreUnsafe(ref im, p2);
                        wr = Vector.LoadUnsafe(ref wRe, 3 * hh + j);
                        wi = Vector.LoadUnsafe(ref wIm, 3 * hh + j);
                        tr = wr * a3r - wi * a3i;
                        ti = wr * a3i + wi * a3r;
                        (a1r + tr).StoreUnsafe(ref re, p1);
                        (a1i + ti).StoreUnsafe(ref im, p1);
                        (a1r - tr).StoreUnsafe(ref re, p3);
                        (a1i - ti).StoreUnsafe(ref im, p3);
                    }
                }
            }
        }
        for (; h < n; h <<= 1)
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
