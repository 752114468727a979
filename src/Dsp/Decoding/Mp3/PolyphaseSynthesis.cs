using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The 32-band polyphase synthesis filter bank of ISO/IEC 11172-3 2.4.3.2.2 (Figure A.2) for one channel.
/// Matrixing V[i] = sum_k cos((16 + i)(2k + 1) pi / 64) S[k] is computed from a 32-point DCT-II c[m] by the
/// cosine symmetries c[64 - m] = c[64 + m] = -c[m]; the 1024-value V FIFO is a ring, so no values move.
/// Written with 256-bit vectors (8 floats), which .NET maps to AVX on x64 and emulates elsewhere.
/// </summary>
internal sealed class PolyphaseSynthesis
{
    /// <summary>DCT-II basis, [k * 32 + m] = cos(m (2k + 1) pi / 64), so each input adds one scaled row.</summary>
    private static readonly float[] DctRows = BuildDct();

    /// <summary>The synthesis window D as floats.</summary>
    private static readonly float[] Window = SynthesisWindowData.Coefficients.Select(c => c / 65536f).ToArray();

    private readonly float[] _v = new float[1024];
    private readonly float[] _dct = new float[32];
    private readonly float[] _out = new float[32];
    private int _offset;

    /// <summary>
    /// Turns one granule, 18 time samples of each of 32 subbands (<paramref name="subbands"/>[k * 18 + t]), into
    /// 576 PCM samples written to <paramref name="pcm"/>[n * stride].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SynthesizeGranule(ReadOnlySpan<float> subbands, Span<float> pcm, int stride)
    {
        ref var rows = ref DctRows[0];
        ref var window = ref Window[0];
        ref var v = ref _v[0];
        ref var dct = ref _dct[0];
        ref var output = ref _out[0];
        for (var t = 0; t < 18; t++)
        {
            // c[m] = sum_k S[k] cos(m (2k + 1) pi / 64), over the non-zero inputs only.
            var c0 = Vector256<float>.Zero;
            var c1 = Vector256<float>.Zero;
            var c2 = Vector256<float>.Zero;
            var c3 = Vector256<float>.Zero;
            for (var k = 0; k < 32; k++)
            {
                var s = subbands[k * 18 + t];
                if (s == 0)
                    continue;
                var scale = Vector256.Create(s);
                var row = (nuint)(k * 32);
                c0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rows, row), scale, c0);
                c1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rows, row + 8), scale, c1);
                c2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rows, row + 16), scale, c2);
                c3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rows, row + 24), scale, c3);
            }
            c0.StoreUnsafe(ref dct);
            c1.StoreUnsafe(ref dct, 8);
            c2.StoreUnsafe(ref dct, 16);
            c3.StoreUnsafe(ref dct, 24);

            _offset = (_offset - 64) & 1023;
            ref var newest = ref Unsafe.Add(ref v, _offset);
            for (var i = 0; i < 16; i++)
                Unsafe.Add(ref newest, i) = Unsafe.Add(ref dct, 16 + i);
            Unsafe.Add(ref newest, 16) = 0;
            for (var i = 17; i < 48; i++)
                Unsafe.Add(ref newest, i) = -Unsafe.Add(ref dct, 48 - i);
            for (var i = 48; i < 64; i++)
                Unsafe.Add(ref newest, i) = -Unsafe.Add(ref dct, i - 48);

            // out[j] = sum_i D[64i + j] V[128i + j] + D[64i + 32 + j] V[128i + 96 + j], V counted from the newest block.
            for (var block = 0; block < 32; block += 8)
            {
                var sum = Vector256<float>.Zero;
                for (var i = 0; i < 8; i++)
                {
                    var a = (nuint)(((_offset + 128 * i) & 1023) + block);
                    var b = (nuint)(((_offset + 128 * i + 96) & 1023) + block);
                    sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref window, (nuint)(64 * i + block)), Vector256.LoadUnsafe(ref v, a), sum);
                    sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref window, (nuint)(64 * i + 32 + block)), Vector256.LoadUnsafe(ref v, b), sum);
                }
                sum.StoreUnsafe(ref output, (nuint)block);
            }

            var target = pcm.Slice(t * 32 * stride, 31 * stride + 1);
            if (stride == 1)
            {
                _out.AsSpan().CopyTo(target);
            }
            else
            {
                for (var j = 0; j < 32; j++)
                    target[j * stride] = Unsafe.Add(ref output, j);
            }
        }
    }

    public void Reset()
    {
        Array.Clear(_v);
        _offset = 0;
    }

    private static float[] BuildDct()
    {
        var rows = new float[32 * 32];
        for (var k = 0; k < 32; k++)
        {
            for (var m = 0; m < 32; m++)
                rows[k * 32 + m] = (float)Math.Cos(m * (2 * k + 1) * Math.PI / 64);
        }
        return rows;
    }
}
