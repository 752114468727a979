using GenreOrleans.Dsp.Tests.Features.Reference;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public sealed class OnsetStrengthTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Onset_strength_is_within_two_hundredths_of_librosa(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["onset_strength"], ours.OnsetStrength), 0, 0.02);
    }

    [Fact]
    public void The_first_three_frames_are_zero()
    {
        var noise = new Random(3);
        var samples = Enumerable.Range(0, 22050).Select(_ => (float)(noise.NextDouble() - 0.5)).ToArray();
        var features = new GenreOrleans.Dsp.Features.FeatureExtractor().Extract(samples);

        Assert.Equal([0f, 0f, 0f], features.OnsetStrength.Row(0)[..3].ToArray());
        Assert.True(features.OnsetStrength[0, 3] > 0);
    }
}
