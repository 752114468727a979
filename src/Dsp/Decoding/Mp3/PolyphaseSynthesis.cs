using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The 32-band polyphase synthesis filter bank of ISO/IEC 11172-3 2.4.3.2.2 (Figure A.2) for one channel.
/// Matrixing V[i] = sum_k cos((16 + i)(2k + 1) pi / 64) S[k] is computed from a 32-point DCT-II c[m] by the
/// cosine symmetries c[64 - m] = c[64 + m] = -c[m]; the 1024-value V FIFO is a ring, so no values move.
/// </summary>
internal sealed class PolyphaseSynthesis
{
    private const int VecSize = 32;

    /// <summary>DCT-II basis, [k * 32 + m] = cos(m (2k + 1) pi / 64), so each input adds one scaled row.</summary>
    private static readonly float[] DctRows = BuildDct();

    /// <summary>The synthesis window D as floats.</summary>
    private static readonly float[] Window = SynthesisWindowData.Coefficients.Select(c => c / 65536f).ToArray();

    private readonly float[] _v = new float[1024];
    private readonly float[] _dct = new float[32];
    private readonly float[] _out = new float[32];
    private int _offset;

    /// <summary>Turns 32 subband samples into 32 PCM samples written to <paramref name="pcm"/>[j * stride].</summary>
    public void Synthesize(ReadOnlySpan<float> subbands, Span<float> pcm, int stride)
    {
        // c[m] = sum_k S[k] cos(m (2k + 1) pi / 64), accumulated row by row over the non-zero inputs.
        var c = MemoryMarshal.Cast<float, Vector<float>>(_dct.AsSpan());
        c.Clear();
        var rows = MemoryMarshal.Cast<float, Vector<float>>(DctRows.AsSpan());
        var perRow = VecSize / Vector<float>.Count;
        for (var k = 0; k < 32; k++)
        {
            var s = subbands[k];
            if (s == 0)
                continue;
            var scale = new Vector<float>(s);
            var row = rows.Slice(k * perRow, perRow);
            for (var m = 0; m < perRow; m++)
                c[m] = Vector.FusedMultiplyAdd(row[m], scale, c[m]);
        }

        _offset = (_offset - 64) & 1023;
        var v = _v.AsSpan(_offset, 64);
        var d = _dct;
        for (var i = 0; i < 16; i++)
            v[i] = d[16 + i];
        v[16] = 0;
        for (var i = 17; i < 48; i++)
            v[i] = -d[48 - i];
        for (var i = 48; i < 64; i++)
            v[i] = -d[i - 48];

        // out[j] = sum_i D[64i + j] V[128i + j] + D[64i + 32 + j] V[128i + 96 + j], V counted from the newest block.
        var ring = MemoryMarshal.Cast<float, Vector<float>>(_v.AsSpan());
        var window = MemoryMarshal.Cast<float, Vector<float>>(Window.AsSpan());
        var output = MemoryMarshal.Cast<float, Vector<float>>(_out.AsSpan());
        var count = Vector<float>.Count;
        for (var block = 0; block < perRow; block++)
        {
            var sum = Vector<float>.Zero;
            for (var i = 0; i < 8; i++)
            {
                var a = ((_offset + 128 * i) & 1023) / count + block;
                var b = ((_offset + 128 * i + 96) & 1023) / count + block;
                sum = Vector.FusedMultiplyAdd(window[(64 * i) / count + block], ring[a], sum);
                sum = Vector.FusedMultiplyAdd(window[(64 * i + 32) / count + block], ring[b], sum);
            }
            output[block] = sum;
        }
        if (stride == 1)
        {
            _out.AsSpan().CopyTo(pcm);
            return;
        }
        for (var j = 0; j < 32; j++)
            pcm[j * stride] = _out[j];
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
