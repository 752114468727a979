using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public class TempoKeyReaderTests
{
    private const int Rate = 22050;

    /// <summary>
    /// Twelve seconds of two-step drum and bass at 174 BPM: a decaying 55 Hz kick on beat 1 and
    /// the "and" of 3, a noise snare on 2 and 4, and a soft closed hi-hat on every eighth.
    /// </summary>
    private static float[] TwoStep(double bpm)
    {
        var samples = new float[12 * Rate];
        var beat = 60.0 / bpm * Rate;
        var random = new Random(17);
        void Add(double at, Func<int, double> voice, int length)
        {
            var start = (int)Math.Round(at);
            for (var i = 0; i < length && start + i < samples.Length; i++) samples[start + i] += (float)voice(i);
        }
        double Kick(int i) => 0.8 * Math.Sin(2 * Math.PI * 55 * i / Rate) * Math.Exp(-i / 3000.0);
        double Snare(int i) => 0.5 * (random.NextDouble() - 0.5) * Math.Exp(-i / 1500.0);
        double Hat(int i) => 0.08 * (random.NextDouble() - 0.5) * Math.Exp(-i / 200.0) * (i % 2 == 0 ? 1 : -1);
        for (var bar = 0.0; bar * 4 * beat < samples.Length; bar++)
        {
            var start = bar * 4 * beat;
            Add(start, Kick, 6000);
            Add(start + 2.5 * beat, Kick, 6000);
            Add(start + beat, Snare, 5000);
            Add(start + 3 * beat, Snare, 5000);
            for (var eighth = 0; eighth < 8; eighth++) Add(start + eighth * beat / 2, Hat, 800);
        }
        return samples;
    }

    [Fact]
    public void Reads_two_step_drum_and_bass_at_its_tempo_or_its_half_with_the_other_as_alternative()
    {
        // The octave of this clean synthetic bar is a coin toss for the beat-level model (174 and
        // 87 at probabilities 0.49 and 0.51): the octave decision is measured on real music
        // (MetricalLevelDatasetTests, docs/tempo-key.md); here the reader's plumbing is.
        var reading = new TempoKeyReader().Read(TwoStep(174), Rate);

        var readings = new[] { reading.Tempo.Bpm, reading.Tempo.Alternative ?? 0 };
        Assert.Contains(readings, bpm => Math.Abs(bpm / 174 - 1) < 0.02);
        Assert.Contains(readings, bpm => Math.Abs(bpm / 87 - 1) < 0.02);
    }

    [Fact]
    public void Reads_the_key_of_a_minor_chord_progression()
    {
        // Am, Dm, E, Am as three-partial tones, one second each.
        int[][] chords = [[57, 60, 64], [50, 57, 62, 65], [52, 56, 59, 64], [45, 57, 60, 64]];
        var samples = new float[4 * Rate];
        for (var i = 0; i < samples.Length; i++)
        {
            double v = 0;
            foreach (var midi in chords[i / Rate])
            {
                var hz = 440 * Math.Pow(2, (midi - 69) / 12.0);
                for (var h = 1; h <= 3; h++) v += 0.05 / h * Math.Sin(2 * Math.PI * hz * h * i / Rate);
            }
            samples[i] = (float)v;
        }

        var reading = new TempoKeyReader().Read(samples, Rate);

        Assert.Equal("A minor", reading.Key.Name);
        Assert.Equal("8A", reading.Key.Camelot);
    }

    [Fact]
    public void Reading_gives_a_finite_descriptor_vector_of_the_versioned_length()
    {
        var reading = new TempoKeyReader().Read(TwoStep(174), Rate);

        Assert.NotNull(reading.DescriptorVector);
        Assert.Equal(DescriptorVector.Length, reading.DescriptorVector.Length);
        Assert.All(reading.DescriptorVector, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Refining_with_the_genre_takes_the_alternative_inside_its_range()
    {
        var refined = new TempoKeyReader().RefineTempo(new TempoEstimate(87, 0.6, 174), new GenreLabel("drumnbass", "Drum n Bass", "Jungle"));

        Assert.Equal(174, refined.Bpm);
        Assert.Equal(87, refined.Alternative);
    }

    [Fact]
    public void Refining_refuses_an_octave_move_below_the_reported_range()
    {
        var tempo = new TempoEstimate(120, 0.6, 180);

        Assert.Equal(120, new TempoKeyReader().RefineTempo(tempo, new GenreLabel("dirtysouthrap", "Dirty South Rap", "Breakbeat")).Bpm);
    }

    [Fact]
    public void Refining_never_leaves_the_reported_tempo_range()
    {
        var refined = new TempoKeyReader().RefineTempo(new TempoEstimate(150, 0.6, 100), new GenreLabel("speedcore", "Speedcore", "Hardcore"));

        Assert.InRange(refined.Bpm, 70, 200);
    }
}
