using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The seam where tempo and key enter the pipeline (the tempokey helper's TempoEstimator and
/// KeyDetector). <see cref="RefineTempo"/> is called once the genre is known, to settle the
/// tempo's octave with the genre's usual range.
/// </summary>
public interface ITempoKeyReader
{
    (TempoEstimate Tempo, KeyEstimate Key) Read(ReadOnlySpan<float> samples, int sampleRate, FeatureMatrix mel);

    TempoEstimate RefineTempo(TempoEstimate tempo, GenreLabel genre);
}
