using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class MelPitchShifterTests
{
    private const int Bands = 128, Frames = 8, SampleRate = 22050;

    [Fact]
    public void No_shift_leaves_the_window_and_the_summary_as_they_were()
    {
        var random = new Random(4);
        var window = Enumerable.Range(0, Bands * Frames).Select(_ => (float)(-80 + 60 * random.NextDouble())).ToArray();
        var summary = Enumerable.Range(0, 2 * Bands).Select(_ => (float)random.NextDouble()).ToArray();
        var (windowBefore, summaryBefore) = ((float[])window.Clone(), (float[])summary.Clone());

        new MelPitchShifter(Bands, Frames, SampleRate).Apply(window, summary, Frames, semitones: 0);

        Assert.All(window.Zip(windowBefore), p => Assert.Equal(p.Second, p.First, 3));
        Assert.All(summary.Zip(summaryBefore), p => Assert.Equal(p.Second, p.First, 4));
    }

    [Theory]
    [InlineData(300.0)]  // linear part of the mel scale
    [InlineData(2000.0)] // logarithmic part
    public void An_octave_up_moves_a_tone_to_the_band_at_twice_its_frequency(double toneHz)
    {
        var centres = BandCentres();
        var toneBand = NearestBand(centres, toneHz);
        var window = new float[Bands * Frames];
        Array.Fill(window, -80f);
        window.AsSpan(toneBand * Frames, Frames).Fill(0f);
        var summary = new float[2 * Bands];
        Array.Fill(summary, -80f, 0, Bands);
        summary[toneBand] = 0f;

        new MelPitchShifter(Bands, Frames, SampleRate).Apply(window, summary, Frames, semitones: 12);

        var loudest = Enumerable.Range(0, Bands).MaxBy(b => window[b * Frames]);
        var expected = NearestBand(centres, 2 * centres[toneBand]);
        Assert.InRange(loudest, expected - 1, expected + 1);
        Assert.Equal(loudest, Enumerable.Range(0, Bands).MaxBy(b => summary[b]));
    }

    private static double[] BandCentres()
    {
        static double ToMel(double hz) => hz < 1000 ? 3 * hz / 200 : 15 + 27 * Math.Log(hz / 1000) / Math.Log(6.4);
        static double ToHz(double mel) => mel < 15 ? 200 * mel / 3 : 1000 * Math.Exp((mel - 15) * Math.Log(6.4) / 27);
        var top = ToMel(SampleRate / 2.0);
        return Enumerable.Range(1, Bands).Select(i => ToHz(top * i / (Bands + 1))).ToArray();
    }

    private static int NearestBand(double[] centres, double hz) =>
        Enumerable.Range(0, centres.Length).MinBy(b => Math.Abs(Math.Log(centres[b] / hz)));
}
