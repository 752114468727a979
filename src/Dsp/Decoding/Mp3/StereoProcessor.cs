using System.Numerics;
using System.Runtime.CompilerServices;
namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Joint stereo reconstruction in coding order (11172-3 2.4.3.4.9, 13818-3 2.4.3.2): mid/side, and intensity
/// stereo above the last non-zero band of the right channel, with MPEG-1 tan() ratios or MPEG-2 power-of-two
/// steps. Bands whose intensity position is the illegal value fall back to mid/side (or stay as coded).
/// </summary>
internal static class StereoProcessor
{
    private const float InvSqrt2 = 0.70710678118654752f;

    /// <summary>MPEG-1 intensity ratios is_pos / (1 + is_pos) for is_pos = tan(k * pi / 12), k = 0..6: left and right factors.</summary>
    private static readonly float[] Mpeg1Left = new float[16];
    private static readonly float[] Mpeg1Right = new float[16];

    /// <summary>
    /// MPEG-2 LSF attenuation 2^(-((k + 1) / 2) / 4) for intensity_scale 0 at [k], 2^(-((k + 1) / 2) / 2) for
    /// intensity_scale 1 at [32 + k], k = 0..31 (a table instead of Math.Pow per band).
    /// </summary>
    private static readonly float[] LsfFactors = Enumerable.Range(0, 64)
        .Select(i => (float)Math.Pow(2, -((i % 32 + 1) / 2) * (i >= 32 ? 0.5 : 0.25))).ToArray();

    static StereoProcessor()
    {
        // Positions above 7 cannot be coded by conformant encoders; they get tan() like the rest, as mpg123 does.
        for (var k = 0; k < 16; k++)
        {
            if (k == 6)
            {
                Mpeg1Left[k] = 1;
                Mpeg1Right[k] = 0;
                continue;
            }
            var ratio = Math.Tan(k * Math.PI / 12);
            Mpeg1Left[k] = (float)(ratio / (1 + ratio));
            Mpeg1Right[k] = (float)(1 / (1 + ratio));
        }
    }

    /// <returns>The new number of possibly non-zero lines, the same for both channels.</returns>
    /// <param name="isoLsfIllegalPositions">
    /// MPEG-2 LSF: true treats the largest value of each band's scale factor field as "not intensity coded", as
    /// 13818-3 2.4.3.2 says; false uses 7 for every band, as mpg123 (and decoders derived from it) do.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Process(Span<float> left, Span<float> right, int leftCount, int rightCount, bool midSide, bool intensity,
        in GranuleChannelInfo rightInfo, ScaleFactors rightScalefactors, int sampleRateIndex, bool lsf, bool isoLsfIllegalPositions)
    {
        var isoIllegal = lsf && isoLsfIllegalPositions;
        var count = Math.Max(leftCount, rightCount);
        if (!intensity)
        {
            if (midSide)
                MidSide(left, right, 0, count);
            return count;
        }

        var longBands = ScaleFactorBands.Long[sampleRateIndex];
        var shortBands = ScaleFactorBands.Short[sampleRateIndex];
        if (!rightInfo.IsShort)
        {
            var last = LastNonZero(right, 0, rightCount);
            var firstIntensity = 0;
            if (last >= 0)
            {
                while (longBands[firstIntensity + 1] <= last)
                    firstIntensity++;
                firstIntensity++; // one band above the band holding the last non-zero line
            }
            if (midSide)
                MidSide(left, right, 0, Math.Min(longBands[firstIntensity], count));
            for (var band = firstIntensity; band < 22; band++)
            {
                var position = rightScalefactors.Long[Math.Min(band, 20)];
                var illegal = isoIllegal ? rightScalefactors.LongMax[Math.Min(band, 20)] : 7;
                ApplyBand(left, right, longBands[band], longBands[band + 1], position, illegal, midSide, lsf, rightScalefactors.IntensityScale);
            }
            return count;
        }

        var firstShort = 0;
        var mixedLongBands = 0;
        if (rightInfo.MixedBlock)
        {
            firstShort = 3;
            mixedLongBands = lsf ? 6 : 8;
        }
        Span<int> lastShortBand = stackalloc int[3];
        var anyShortNonZero = false;
        for (var w = 0; w < 3; w++)
        {
            lastShortBand[w] = -1;
            for (var sfb = 12; sfb >= firstShort; sfb--)
            {
                var width = shortBands[sfb + 1] - shortBands[sfb];
                var from = 3 * shortBands[sfb] + w * width;
                if (LastNonZero(right, from, Math.Min(from + width, rightCount)) >= 0)
                {
                    lastShortBand[w] = sfb;
                    anyShortNonZero = true;
                    break;
                }
            }
        }

        if (rightInfo.MixedBlock)
        {
            // Long part of a mixed block: intensity only when the whole short part of the right channel is zero.
            var firstIntensityLong = mixedLongBands;
            if (!anyShortNonZero)
            {
                var last = LastNonZero(right, 0, Math.Min(longBands[mixedLongBands], rightCount));
                firstIntensityLong = 0;
                if (last >= 0)
                {
                    while (longBands[firstIntensityLong + 1] <= last)
                        firstIntensityLong++;
                    firstIntensityLong++;
                }
            }
            if (midSide)
                MidSide(left, right, 0, longBands[firstIntensityLong]);
            for (var band = firstIntensityLong; band < mixedLongBands; band++)
            {
                ApplyBand(left, right, longBands[band], longBands[band + 1], rightScalefactors.Long[band],
                    isoIllegal ? rightScalefactors.LongMax[band] : 7, midSide, lsf, rightScalefactors.IntensityScale);
            }
        }

        for (var w = 0; w < 3; w++)
        {
            var firstIntensity = Math.Max(lastShortBand[w] + 1, firstShort);
            for (var sfb = firstShort; sfb < 13; sfb++)
            {
                var width = shortBands[sfb + 1] - shortBands[sfb];
                var from = 3 * shortBands[sfb] + w * width;
                if (sfb < firstIntensity)
                {
                    if (midSide)
                        MidSide(left, right, from, from + width);
                    continue;
                }
                var index = Math.Min(sfb, 11) * 3 + w;
                ApplyBand(left, right, from, from + width, rightScalefactors.Short[index],
                    isoIllegal ? rightScalefactors.ShortMax[index] : 7, midSide, lsf, rightScalefactors.IntensityScale);
            }
        }
        return count;
    }

    private static void ApplyBand(Span<float> left, Span<float> right, int from, int to, int position, int illegal,
        bool midSide, bool lsf, int intensityScale)
    {
        if (position == illegal)
        {
            if (midSide)
                MidSide(left, right, from, to);
            return;
        }
        float kl, kr;
        if (!lsf)
        {
            kl = Mpeg1Left[position];
            kr = Mpeg1Right[position];
        }
        else if (position == 0)
        {
            kl = kr = 1;
        }
        else
        {
            // Odd positions attenuate the left channel, even ones the right, by io^((k + 1) / 2) or io^(k / 2).
            var factor = LsfFactors[(intensityScale == 1 ? 32 : 0) + (position & 31)];
            if ((position & 1) == 1)
            {
                kl = factor;
                kr = 1;
            }
            else
            {
                kl = 1;
                kr = factor;
            }
        }
        var i = from;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<float>.Count <= to; i += Vector<float>.Count)
            {
                var value = new Vector<float>(left[i..]);
                (value * kl).CopyTo(left[i..]);
                (value * kr).CopyTo(right[i..]);
            }
        }
        for (; i < to; i++)
        {
            var value = left[i];
            left[i] = value * kl;
            right[i] = value * kr;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MidSide(Span<float> left, Span<float> right, int from, int to)
    {
        var i = from;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<float>.Count <= to; i += Vector<float>.Count)
            {
                var mid = new Vector<float>(left[i..]);
                var side = new Vector<float>(right[i..]);
                ((mid + side) * InvSqrt2).CopyTo(left[i..]);
                ((mid - side) * InvSqrt2).CopyTo(right[i..]);
            }
        }
        for (; i < to; i++)
        {
            var mid = left[i];
            var side = right[i];
            left[i] = (mid + side) * InvSqrt2;
            right[i] = (mid - side) * InvSqrt2;
        }
    }

    private static int LastNonZero(ReadOnlySpan<float> values, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (values[i] != 0)
                return i;
        }
        return -1;
    }
}
