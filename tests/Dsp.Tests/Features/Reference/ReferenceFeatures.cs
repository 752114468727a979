using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tests.Features.Reference;

/// <summary>Our features of a reference fixture, computed once per test run.</summary>
internal static class ReferenceFeatures
{
    private static readonly Dictionary<string, AudioFeatures> Cache = new();

    public static (LibrosaReference Reference, AudioFeatures Ours) For(string fixture)
    {
        var reference = LibrosaReference.Load(fixture);
        lock (Cache)
        {
            if (!Cache.TryGetValue(fixture, out var ours))
            {
                ours = new FeatureExtractor().Extract(reference.Samples);
                Cache[fixture] = ours;
            }
            return (reference, ours);
        }
    }
}
