using GenreOrleans.Analysis.Results;
using Orleans.Serialization;

namespace GenreOrleans.Grains.Serialization;

/// <summary>
/// Lets Orleans carry the analysis result types (TrackResult, AudioFacts and their parts), which
/// live in src/Analysis without Orleans attributes, as System.Text.Json. JSON rather than
/// surrogates: they are nested, read once per page view, and owned by another part of the code
/// base, so a field added there travels without touching the grains. Hosts and clients both
/// register it.
/// </summary>
public static class AnalysisResultSerialization
{
    private static readonly string ResultsNamespace = typeof(TrackResult).Namespace!;

    public static ISerializerBuilder AddAnalysisResultJson(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(IsAnalysisResultType);

    public static bool IsAnalysisResultType(Type type) => type.Namespace == ResultsNamespace;
}
