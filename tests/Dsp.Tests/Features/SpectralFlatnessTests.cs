using System.Text.Json;
using GenreOrleans.Dsp.Tests.Features.Reference;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests.Features;

public sealed class SpectralFlatnessTests
{
    [SkippableTheory]
    [InlineData("drums120_22050_mono_s16")]
    [InlineData("sine440_22050_mono_s16")]
    public void Flatness_is_within_a_tenth_of_a_percent_of_librosa(string fixture)
    {
        // librosa 0.10.1 spectral_flatness of the fixture, generated beside the other references.
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "Dsp.Tests", "Fixtures", "Librosa", "spectral_flatness.librosa.json");
        var expected = JsonDocument.Parse(File.ReadAllText(path)).RootElement
            .GetProperty("flatness").GetProperty(fixture).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (_, ours) = ReferenceFeatures.For(fixture);

        Assert.Equal(expected.Length, ours.SpectralFlatness.Columns);
        for (var t = 0; t < expected.Length; t++)
            Assert.Equal(expected[t], ours.SpectralFlatness[0, t], Math.Max(1e-3 * expected[t], 1e-9));
    }
}
