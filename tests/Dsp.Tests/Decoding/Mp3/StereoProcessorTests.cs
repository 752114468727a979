using GenreOrleans.Dsp.Decoding.Mp3;

namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

public class StereoProcessorTests
{
    private const int Lsf22kHz = 3;

    /// <summary>A long-block LSF granule whose right channel is all zero, so every band is intensity coded at position 3 of a 2-bit field.</summary>
    private static (float[] Left, float[] Right) IntensityAtPosition3(bool iso)
    {
        var left = Enumerable.Repeat(0.5f, 576).ToArray();
        var right = new float[576];
        var scalefactors = new ScaleFactors();
        Array.Fill(scalefactors.Long, 3);
        Array.Fill(scalefactors.LongMax, 3);
        StereoProcessor.Process(left, right, 576, 0, midSide: false, intensity: true, new GranuleChannelInfo(), scalefactors,
            Lsf22kHz, lsf: true, isoLsfIllegalPositions: iso);
        return (left, right);
    }

    [Fact]
    public void Lsf_intensity_follows_the_standard_by_default()
    {
        // ISO/IEC 13818-3: the largest value of the field (3 for 2 bits) means "not intensity coded".
        var (left, right) = IntensityAtPosition3(iso: true);
        Assert.All(left, x => Assert.Equal(0.5f, x));
        Assert.All(right, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Lsf_intensity_in_mpg123_mode_treats_only_position_7_as_illegal()
    {
        // Odd position k: left scaled by io^((k + 1) / 2) with io = 2^-1/4, right unchanged.
        var (left, right) = IntensityAtPosition3(iso: false);
        Assert.All(left, x => Assert.Equal(0.5f * MathF.Pow(2, -0.5f), x, 1e-7f));
        Assert.All(right, x => Assert.Equal(0.5f, x));
    }

    [Fact]
    public void Mid_side_restores_left_and_right()
    {
        float[] left = [1f, 0.5f], right = [0.2f, -0.5f];
        var padded = (new float[576], new float[576]);
        left.CopyTo(padded.Item1, 0);
        right.CopyTo(padded.Item2, 0);
        StereoProcessor.Process(padded.Item1, padded.Item2, 2, 2, midSide: true, intensity: false, new GranuleChannelInfo(),
            new ScaleFactors(), 0, lsf: false, isoLsfIllegalPositions: true);
        Assert.Equal(1.2f / MathF.Sqrt(2), padded.Item1[0], 1e-6f);
        Assert.Equal(0.8f / MathF.Sqrt(2), padded.Item2[0], 1e-6f);
        Assert.Equal(0f, padded.Item1[1], 1e-6f);
        Assert.Equal(1f / MathF.Sqrt(2), padded.Item2[1], 1e-6f);
    }
}
