using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Tests.Features.Reference;

namespace GenreOrleans.Dsp.Tests.Features;

public sealed class LogMelSpectrogramTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Matches_librosa_mel_db_within_a_hundredth_of_a_db(string fixture)
    {
        var reference = LibrosaReference.Load(fixture);

        var mel = new LogMelSpectrogram().Compute(reference.Samples);

        var expected = reference.Frames["melspectrogram_db"];
        Assert.Equal(expected.Length, mel.Rows);
        Assert.Equal(reference.FrameCount, mel.Columns);
        Assert.InRange(Compare.MaxAbsoluteError(expected, mel), 0, 0.01);
    }

    [Fact]
    public void Has_one_frame_per_hop_plus_one()
    {
        var mel = new LogMelSpectrogram().Compute(new float[22050]);

        Assert.Equal(128, mel.Rows);
        Assert.Equal(1 + 22050 / 512, mel.Columns);
    }
}
