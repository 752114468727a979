using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Tempo (<see cref="TempoEstimator"/> on the <see cref="TempoEnvelopes"/> of the mel spectrogram),
/// key (<see cref="KeyDetector"/> on the clip's <see cref="AudioFeatures.PitchClassProfile"/>) and <see cref="FeatureSummary"/> from one
/// <see cref="FeatureExtractor"/> pass; the tempo is refined with <see cref="GenreTempoRanges"/>
/// once the genre is known. Thread-safe: the DSP objects are per thread.
/// </summary>
public sealed class TempoKeyReader : ITempoKeyReader
{
    // Keeping up to 16,384 power frames (about 6 min of audio, 67 MB while a track is read)
    // spares typical tracks the tuning pre-pass, a second STFT over the whole track.
    private const int MaxStoredFrames = 16384;

    private readonly ThreadLocal<FeatureExtractor> _extractor = new(() => new FeatureExtractor(MaxStoredFrames));
    private readonly ThreadLocal<TempoEstimator> _tempo = new(() => new TempoEstimator());
    private readonly ThreadLocal<KeyDetector> _key = new(() => new KeyDetector());
    private readonly ThreadLocal<RhythmProfile> _rhythm = new(() => new RhythmProfile());
    private readonly ThreadLocal<ModulationSpectrum> _fluctuation = new(() => new ModulationSpectrum(FeatureExtractor.SampleRate / (double)FeatureExtractor.HopSize));

    public TempoKeyReading Read(ReadOnlySpan<float> samples, int sampleRate)
    {
        if (sampleRate != FeatureExtractor.SampleRate)
            throw new ArgumentException($"tempo and key need {FeatureExtractor.SampleRate} Hz audio, got {sampleRate} Hz");
        var features = _extractor.Value!.Extract(samples);
        var envelopes = TempoEnvelopes.FromLogMel(features.MelDb, FeatureExtractor.SampleRate);
        // The tempo takes the longest of the readings below; it runs beside the others (the model
        // has usually finished by now, so a lone track's analysis ends with this pass).
        var tempoRead = Task.Run(() => _tempo.Value!.Estimate(envelopes));
        var key = _key.Value!.Detect(features);
        var summary = FeatureSummary.Compute(features);
        var rhythm = new float[RhythmProfile.Length];
        _rhythm.Value!.Compute(envelopes, rhythm);
        var fluctuation = new float[ModulationSpectrum.Length];
        _fluctuation.Value!.Compute(features.MelDb, fluctuation);
        var tempo = tempoRead.GetAwaiter().GetResult();
        var named = new Dictionary<string, double>(summary.Length);
        for (var i = 0; i < summary.Length; i++)
            named[FeatureSummary.Names[i]] = summary[i];
        return new TempoKeyReading(
            new TempoEstimate(tempo.Bpm, tempo.Confidence, tempo.Alternative),
            new KeyEstimate(key.Name, key.Camelot, key.Confidence),
            named)
        {
            DescriptorVector = Pipeline.DescriptorVector.Compute(summary, tempo, rhythm, fluctuation),
        };
    }

    /// <summary>
    /// The product's tempo and key of extracted features, from the same inputs the evaluation
    /// (bench tempokey) measures: the three onset envelopes of the mel spectrogram, and the
    /// key-oriented pitch-class profile. <c>genre features</c> prints these too.
    /// </summary>
    public (TempoReading Tempo, KeyReading Key) TempoAndKey(AudioFeatures features) =>
        TempoAndKey(features, TempoEnvelopes.FromLogMel(features.MelDb, FeatureExtractor.SampleRate));

    private (TempoReading Tempo, KeyReading Key) TempoAndKey(AudioFeatures features, TempoEnvelopes envelopes) => (
        _tempo.Value!.Estimate(envelopes),
        _key.Value!.Detect(features));

    public TempoEstimate RefineTempo(TempoEstimate tempo, GenreLabel genre)
    {
        if (tempo.Bpm <= 0 || GenreTempoRanges.For(genre.Slug, genre.Family) is not { } range)
            return tempo;
        // The genre's range narrows the reported range; it never leaves it (speedcore's 300 BPM
        // is reported as 150 when the range stops at 200, as the estimator itself would).
        var options = _tempo.Value!.Options;
        double min = Math.Max(range.MinBpm, options.MinBpm), max = Math.Min(range.MaxBpm, options.MaxBpm);
        if (min > max)
            return tempo;
        // The estimator's alternative reading is the one other hypothesis a stored result keeps.
        var reading = new TempoReading(tempo.Bpm, tempo.Confidence, tempo.Alternative)
        {
            Candidates = tempo.Alternative is { } alternative ? [new TempoCandidate(tempo.Bpm, 1), new TempoCandidate(alternative, 0.5)] : [],
        };
        var refined = TempoEstimator.RefineWithRange(reading, min, max);
        // An octave move towards the genre that lands outside the reported range is refused:
        // a 120 BPM song the model calls rap is not at 60.
        if (refined.Bpm < options.MinBpm || refined.Bpm > options.MaxBpm)
            return tempo;
        return new TempoEstimate(refined.Bpm, refined.Confidence, refined.Alternative);
    }
}
