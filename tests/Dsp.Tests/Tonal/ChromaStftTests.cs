using GenreOrleans.Dsp.Tests.Features.Reference;

namespace GenreOrleans.Dsp.Tests.Tonal;

public sealed class ChromaStftTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Chroma_is_within_two_thousandths_of_librosa(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(12, ours.Chroma.Rows);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["chroma_stft"], ours.Chroma, reference.IsAudible), 0, 0.002);
    }

    [Fact]
    public void Silent_frames_have_zero_chroma()
    {
        var features = new GenreOrleans.Dsp.Features.FeatureExtractor().Extract(new float[4096]);

        Assert.All(features.Chroma.Data, v => Assert.Equal(0f, v));
    }
}
