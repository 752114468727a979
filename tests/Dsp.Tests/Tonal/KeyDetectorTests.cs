using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Tests.Tonal;

public class KeyDetectorTests
{
    /// <summary>
    /// A chromagram of a chord progression: each frame sounds the three notes of one chord
    /// (weights 1, 0.8, 0.8 for root, third, fifth) over a little noise; row 0 is C.
    /// </summary>
    private static float[] Chromagram(int[][] chords, int framesPerChord, out int frames)
    {
        frames = chords.Length * framesPerChord;
        var chroma = new float[12 * frames];
        var random = new Random(7);
        for (var t = 0; t < frames; t++)
        {
            var chord = chords[t / framesPerChord];
            for (var pc = 0; pc < 12; pc++) chroma[pc * frames + t] = (float)(0.1 * random.NextDouble());
            for (var n = 0; n < chord.Length; n++) chroma[chord[n] % 12 * frames + t] = n == 0 ? 1f : 0.8f;
        }
        return chroma;
    }

    [Fact]
    public void Finds_c_major_in_a_one_four_five_one_progression()
    {
        // C, F, G, C
        var chroma = Chromagram([[0, 4, 7], [5, 9, 0], [7, 11, 2], [0, 4, 7]], 50, out var frames);

        var key = new KeyDetector().Detect(chroma, frames);

        Assert.Equal("C major", key.Name);
        Assert.Equal("8B", key.Camelot);
        Assert.InRange(key.Confidence, 0.01, 1);
    }

    [Fact]
    public void Finds_f_sharp_minor_in_a_minor_progression()
    {
        // F#m, Bm, C#(major: the harmonic-minor dominant), F#m
        var chroma = Chromagram([[6, 9, 13], [11, 14, 18], [1, 5, 8], [6, 9, 13]], 50, out var frames);

        var key = new KeyDetector().Detect(chroma, frames);

        Assert.Equal(6, key.Tonic);
        Assert.True(key.IsMinor);
        Assert.Equal("F# minor", key.Name);
        Assert.Equal("11A", key.Camelot);
    }

    [Theory]
    [InlineData(KeyProfile.Krumhansl)]
    [InlineData(KeyProfile.Temperley)]
    [InlineData(KeyProfile.Shaath)]
    [InlineData(KeyProfile.ElectronicDanceMusic)]
    [InlineData(KeyProfile.Blend)]
    [InlineData(KeyProfile.Fitted)]
    public void Every_profile_finds_a_plain_a_minor_progression(KeyProfile profile)
    {
        // Am, Dm, E, Am
        var chroma = Chromagram([[9, 12, 16], [2, 5, 9], [4, 8, 11], [9, 12, 16]], 40, out var frames);

        var key = new KeyDetector(new KeyDetectorOptions { Profile = profile }).Detect(chroma, frames);

        Assert.Equal("A minor", key.Name);
    }

    [Fact]
    public void Reads_a_feature_matrix_chromagram()
    {
        var chroma = Chromagram([[0, 4, 7], [5, 9, 0], [7, 11, 2], [0, 4, 7]], 50, out var frames);

        var key = new KeyDetector().Detect(new GenreOrleans.Dsp.Features.FeatureMatrix(12, frames, chroma));

        Assert.Equal("C major", key.Name);
    }

    [Fact]
    public void Reports_no_key_for_silence()
    {
        Assert.Equal(KeyReading.None, new KeyDetector().Detect(new float[12 * 100], 100));
    }

    [Fact]
    public void Reports_no_key_for_a_flat_chromagram()
    {
        var chroma = Enumerable.Repeat(1f, 12 * 100).ToArray();

        Assert.Equal(KeyReading.None, new KeyDetector().Detect(chroma, 100));
    }

    [Fact]
    public void Skips_nan_frames()
    {
        var chroma = Chromagram([[0, 4, 7], [5, 9, 0], [7, 11, 2], [0, 4, 7]], 50, out var frames);
        chroma[3] = float.NaN;
        chroma[frames + 5] = float.PositiveInfinity;

        Assert.Equal("C major", new KeyDetector().Detect(chroma, frames).Name);
    }

    [Fact]
    public void Frame_weights_let_loud_frames_decide()
    {
        // Half the frames are C major (C, F, G, C), half A-flat major (Ab, Db, Eb, Ab); the weights silence the second half.
        var chroma = Chromagram([[0, 4, 7], [5, 9, 0], [7, 11, 2], [0, 4, 7], [8, 0, 3], [1, 5, 8], [3, 7, 10], [8, 0, 3]], 25, out var frames);
        var weights = Enumerable.Range(0, frames).Select(t => t < frames / 2 ? 1f : 0f).ToArray();

        Assert.Equal("C major", new KeyDetector().Detect(chroma, frames, weights).Name);
    }

    [Fact]
    public void Reads_the_key_of_audio_from_the_features_pitch_class_profile()
    {
        // Four seconds of Am, Dm, E, Am as three-partial tones with a bass note, over a noise
        // burst (a drum hit) every quarter second.
        const int rate = 22050;
        int[][] chords = [[57, 60, 64], [50, 57, 62, 65], [52, 56, 59, 64], [45, 57, 60, 64]];
        var samples = new float[4 * rate];
        var random = new Random(11);
        for (var i = 0; i < samples.Length; i++)
        {
            double v = 0;
            foreach (var midi in chords[i / rate])
            {
                var hz = 440 * Math.Pow(2, (midi - 69) / 12.0);
                for (var h = 1; h <= 3; h++) v += 0.05 / h * Math.Sin(2 * Math.PI * hz * h * i / rate);
            }
            var sinceHit = i % (rate / 4);
            v += sinceHit < 1500 ? 0.3 * (random.NextDouble() - 0.5) * Math.Exp(-sinceHit / 300.0) : 0;
            samples[i] = (float)v;
        }

        var features = new GenreOrleans.Dsp.Features.FeatureExtractor().Extract(samples);
        var key = new KeyDetector().Detect(features);

        Assert.Equal(12, features.PitchClassProfile.Length);
        Assert.Equal("A minor", key.Name);
    }

    [Fact]
    public void The_fitted_profile_is_the_default()
    {
        Assert.Equal(KeyProfile.Fitted, new KeyDetectorOptions().Profile);
    }

    [Fact]
    public void The_fitted_profile_reports_its_winners_probability_as_the_confidence()
    {
        var chroma = Chromagram([[0, 4, 7], [5, 9, 0], [7, 11, 2], [0, 4, 7]], 50, out var frames);

        var clear = new KeyDetector().Detect(chroma, frames);
        // Every note of the C major scale equally loud: C major and A minor fit alike.
        var profile = Enumerable.Range(0, 12).Select(pc => new[] { 0, 2, 4, 5, 7, 9, 11 }.Contains(pc) ? 1.0 : 0.2).ToArray();
        var ambiguous = new KeyDetector().DetectFromProfile(profile);

        // Over 24 keys a probability lies in (1/24, 1]; a clean I-IV-V-I is surer than a bare scale.
        Assert.InRange(clear.Confidence, 1.0 / 24, 1);
        Assert.InRange(ambiguous.Confidence, 1.0 / 24, 1);
        Assert.True(clear.Confidence > ambiguous.Confidence, $"{clear.Confidence} vs {ambiguous.Confidence}");
    }

    [Theory]
    [InlineData(KeyProfile.Fitted)]
    [InlineData(KeyProfile.ElectronicDanceMusic)]
    public void Transposing_the_profile_transposes_the_key(KeyProfile kind)
    {
        var detector = new KeyDetector(new KeyDetectorOptions { Profile = kind });
        var random = new Random(3);
        var profile = Enumerable.Range(0, 12).Select(_ => 1 + random.NextDouble()).ToArray();
        var key = detector.DetectFromProfile(profile);

        for (var shift = 1; shift < 12; shift++)
        {
            var shifted = Enumerable.Range(0, 12).Select(pc => profile[(pc - shift + 12) % 12]).ToArray();
            var moved = detector.DetectFromProfile(shifted);

            Assert.Equal((key.Tonic + shift) % 12, moved.Tonic);
            Assert.Equal(key.IsMinor, moved.IsMinor);
            Assert.Equal(key.Confidence, moved.Confidence, 12);
        }
    }
}
