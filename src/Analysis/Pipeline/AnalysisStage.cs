namespace GenreOrleans.Analysis.Pipeline;

/// <summary>The stages a track goes through; the TrackGrain mirrors them in its status.</summary>
public enum AnalysisStage
{
    Decoding,
    Extracting,
    Classifying,
    Completed,
}
