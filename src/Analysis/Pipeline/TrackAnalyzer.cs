using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The track pipeline, stage by stage, without Orleans: <see cref="Decode"/> (any supported
/// format to mono 22,050 Hz), <see cref="Extract"/> (log-mel, summary, windows, tempo and key),
/// <see cref="ScoreAsync"/> (the model, in-process or through the InferenceGrain) and
/// <see cref="BuildResult"/> (aggregation, families, timeline, low-confidence flag). The
/// TrackGrain calls the stages one by one to report progress; the CLI calls
/// <see cref="AnalyzeAsync"/>. Thread-safe: buffers are per thread.
/// </summary>
public sealed class TrackAnalyzer
{
    private readonly ModelManifest _model;
    private readonly LabelMap _labels;
    private readonly ScoreAggregation _aggregation;
    private readonly ITempoKeyReader? _tempoKey;
    private readonly TrackAnalyzerOptions _options;
    private readonly ThreadLocal<LogMelSpectrogram> _melSpectrogram;

    /// <param name="tempoKey">Tempo, key and feature summary; null leaves them unmeasured (confidence 0), e.g. in training.</param>
    public TrackAnalyzer(ModelManifest model, ITempoKeyReader? tempoKey = null, TrackAnalyzerOptions? options = null)
    {
        if (model.SummaryVersion != TrackSummary.Version)
            throw new InvalidDataException($"model {model.Name} needs summary {model.SummaryVersion}, this build computes {TrackSummary.Version}");
        if (model.DescriptorHead is { } head && (head.Version != DescriptorVector.Version || head.Length != DescriptorVector.Length))
            throw new InvalidDataException($"model {model.Name} needs descriptors {head.Version} ({head.Length} values), this build computes {DescriptorVector.Version} ({DescriptorVector.Length})");
        if (model.DescriptorNovelty is { } novelty && (novelty.Version != DescriptorVector.Version || novelty.Indices.Any(i => i < 0 || i >= DescriptorVector.Length)))
            throw new InvalidDataException($"model {model.Name} measures novelty on descriptors {novelty.Version}, this build computes {DescriptorVector.Version}");
        _model = model;
        _labels = model.CreateLabelMap();
        _aggregation = Enum.Parse<ScoreAggregation>(model.Aggregation);
        _tempoKey = tempoKey;
        _options = options ?? new TrackAnalyzerOptions();
        var window = model.Window;
        _melSpectrogram = new ThreadLocal<LogMelSpectrogram>(() => new LogMelSpectrogram(window.SampleRate, 2048, window.HopLength, window.MelBands));
    }

    public WindowParameters Window => _model.Window;

    public LabelMap Labels => _labels;

    public DecodedTrack Decode(Stream audio, CancellationToken ct) => Decode(audio, Window.SampleRate, _options.MaxDuration, ct);

    /// <summary>The Decoding stage on its own, before a model is at hand (the CLI decodes while model.json loads).</summary>
    public static DecodedTrack Decode(Stream audio, int sampleRate, TimeSpan maxDuration, CancellationToken ct)
    {
        var mono = AudioLoader.LoadMono(audio, sampleRate, maxDuration, ct);
        if (mono.Samples.Length < sampleRate / 2)
            throw new AudioDecodingException($"the audio is {mono.Duration.TotalSeconds:F2} s long; at least 0.5 s is needed");
        var info = mono.Info;
        var facts = new AudioFacts(info.Format, mono.Duration.TotalSeconds, info.SampleRate, info.Channels, info.BitrateKbps,
            info.Title, info.Artist, info.Genre);
        return new DecodedTrack(facts, mono.Samples) { SampleRate = mono.SampleRate };
    }

    /// <summary>The Extracting stage: model windows and the tempo/key readings, the two passes run side by side.</summary>
    public TrackFeatures Extract(DecodedTrack track, CancellationToken ct)
    {
        // Tempo, key and descriptors need their own STFT pass; running it beside the log-mel
        // pass halves this stage's wall time for a single track on a multi-core machine.
        var reading = StartTempoKey(track, ct);
        var windows = ExtractWindows(track, ct);
        return WithTempoKey(windows, reading?.GetAwaiter().GetResult());
    }

    /// <summary>Log-mel, track summary and model windows: all the model needs (tempo and key left unmeasured).</summary>
    public TrackFeatures ExtractWindows(DecodedTrack track, CancellationToken ct)
    {
        if (track.SampleRate != Window.SampleRate)
            throw new ArgumentException($"track is at {track.SampleRate} Hz, the model needs {Window.SampleRate} Hz");
        var mel = _melSpectrogram.Value!.Compute(track.Samples);
        ct.ThrowIfCancellationRequested();
        var summary = TrackSummary.Compute(mel);
        var starts = WindowSlicer.Starts(mel.Columns, Window);
        var windows = WindowBatchBuilder.Build(mel, summary, Window, starts);
        ct.ThrowIfCancellationRequested();
        return new TrackFeatures(mel, summary, windows, starts, Unknown.Tempo, Unknown.Key);
    }

    public Task<WindowScores> ScoreAsync(TrackFeatures features, IWindowScorer scorer, CancellationToken ct) =>
        scorer.ScoreAsync(features.Windows, ct);

    /// <summary>
    /// The whole pipeline for one track. The tempo/key pass runs beside the log-mel, windows and
    /// scoring, since the model does not need it: on two cores a 5-minute track's result comes
    /// about as soon as the slower of the two paths ends.
    /// </summary>
    public async Task<TrackResult> AnalyzeAsync(Stream audio, IWindowScorer scorer, IProgress<AnalysisStage>? progress, CancellationToken ct)
    {
        progress?.Report(AnalysisStage.Decoding);
        var track = Decode(audio, ct);
        var result = await AnalyzeDecodedAsync(track, scorer, progress, ct).ConfigureAwait(false);
        progress?.Report(AnalysisStage.Completed);
        return result;
    }

    /// <summary>Everything after decoding, with the tempo/key pass beside the model path (see <see cref="AnalyzeAsync"/>).</summary>
    public async Task<TrackResult> AnalyzeDecodedAsync(DecodedTrack track, IWindowScorer scorer, IProgress<AnalysisStage>? progress, CancellationToken ct)
    {
        progress?.Report(AnalysisStage.Extracting);
        var reading = StartTempoKey(track, ct);
        var windows = ExtractWindows(track, ct);
        progress?.Report(AnalysisStage.Classifying);
        var scores = await ScoreAsync(windows, scorer, ct).ConfigureAwait(false);
        var features = WithTempoKey(windows, reading is null ? null : await reading.ConfigureAwait(false));
        return BuildResult(track, features, scores);
    }

    /// <summary>
    /// Starts the tempo/key pass on the thread pool (null when this analyzer reads no tempo and
    /// key); <see cref="WithTempoKey"/> adds its reading to the features once it is done.
    /// </summary>
    public Task<TempoKeyReading>? StartTempoKey(DecodedTrack track, CancellationToken ct)
    {
        var tempoKey = _tempoKey;
        return tempoKey is null ? null : Task.Run(() => tempoKey.Read(track.Samples, track.SampleRate), ct);
    }

    public static TrackFeatures WithTempoKey(TrackFeatures features, TempoKeyReading? reading) => reading is null
        ? features
        : features with
        {
            Tempo = reading.Tempo,
            Key = reading.Key,
            Descriptors = reading.FeatureSummary,
            DescriptorVector = reading.DescriptorVector,
        };

    public TrackResult BuildResult(DecodedTrack track, TrackFeatures features, WindowScores scores)
    {
        if (scores.GenreCount != _labels.GenreCount || scores.WindowCount != features.Windows.WindowCount)
            throw new ArgumentException($"scores ({scores.WindowCount}x{scores.GenreCount}) do not fit this track and model");
        var genres = ScoreAggregator.Aggregate(scores.Genres, scores.GenreCount, _aggregation);
        // The head belongs to the model version this analyzer was built with; scores from
        // another version (during a hot swap) keep their windows' distribution alone.
        if (_model.DescriptorHead is { } head && features.DescriptorVector is { } descriptors && scores.ModelVersion == _model.Identity)
            genres = head.Fuse(genres, descriptors);
        // The unrefined reading: the refinement below starts from the genre this decides.
        if (_model.TempoFamilyPrior is { } prior && scores.ModelVersion == _model.Identity)
            genres = prior.Apply(genres, _labels, features.Tempo.Bpm);
        var families = ScoreAggregator.Families(genres, _labels.FamilyOfGenre, _labels.FamilyCount);
        var ranked = Enumerable.Range(0, genres.Length).OrderByDescending(g => genres[g]).ToList();
        if (_options.TopGenres is { } top)
            ranked = ranked.Take(top).ToList();
        var genreList = ranked.Select(g => new GenreProbability(_labels.Genres[g].Slug, _labels.Genres[g].Title, _labels.Genres[g].Family, genres[g])).ToList();
        var familyList = Enumerable.Range(0, families.Length).OrderByDescending(f => families[f])
            .Select(f => new FamilyProbability(_labels.Families[f], families[f])).ToList();
        // Unfamiliar-sounding audio is flagged even when its genres look decided: a confident
        // distribution over electronic genres says nothing about audio that is not electronic.
        var unfamiliar = _model.DescriptorNovelty is { } novelty && features.DescriptorVector is { } vector && novelty.IsUnfamiliar(vector);
        var lowConfidence = families.Max() < _model.LowConfidenceThreshold || unfamiliar;
        var tempo = _tempoKey is not null && !lowConfidence
            ? _tempoKey.RefineTempo(features.Tempo, _labels.Genres[ranked[0]])
            : features.Tempo;
        return new TrackResult(
            genreList,
            familyList,
            TimelineBuilder.Build(scores, features.WindowStarts, Window, track.Facts.DurationSeconds, _labels),
            tempo,
            features.Key,
            lowConfidence,
            Merge(SummaryFigures(features.Mel, features.Summary, features.WindowStarts.Count), features.Descriptors),
            scores.ModelVersion,
            unfamiliar);
    }

    private static IReadOnlyDictionary<string, double> Merge(Dictionary<string, double> figures, IReadOnlyDictionary<string, double>? descriptors)
    {
        if (descriptors is not null)
        {
            foreach (var (name, value) in descriptors)
                figures[name] = value;
        }
        return figures;
    }

    /// <summary>A few readable figures of the log-mel the model saw (dB, Slaney mel, ref 1.0).</summary>
    private Dictionary<string, double> SummaryFigures(FeatureMatrix mel, float[] summary, int windowCount)
    {
        double BandMean(double fromHz, double toHz)
        {
            var bands = MelBandRange(fromHz, toHz, mel.Rows);
            double sum = 0;
            var count = 0;
            for (var b = bands.Start; b < bands.End; b++)
            {
                foreach (var v in mel.Row(b))
                    sum += v;
                count += mel.Columns;
            }
            return count == 0 ? 0 : Math.Round(sum / count, 2);
        }
        // TrackSummary holds each band's mean, then each band's deviation over time.
        var deviation = 0.0;
        for (var b = 0; b < mel.Rows; b++)
            deviation += summary[mel.Rows + b];
        return new Dictionary<string, double>
        {
            ["melMeanDb"] = BandMean(0, Window.SampleRate / 2.0),
            ["bassDb"] = BandMean(0, 250),
            ["midDb"] = BandMean(250, 4000),
            ["trebleDb"] = BandMean(4000, Window.SampleRate / 2.0),
            ["bandDynamicsDb"] = Math.Round(deviation / mel.Rows, 2),
            ["windows"] = windowCount,
        };
    }

    /// <summary>The Slaney mel bands whose centres fall in [fromHz, toHz).</summary>
    private (int Start, int End) MelBandRange(double fromHz, double toHz, int bands)
    {
        static double ToMel(double hz) => hz < 1000 ? 3 * hz / 200 : 15 + 27 * Math.Log(hz / 1000) / Math.Log(6.4);
        var top = ToMel(Window.SampleRate / 2.0);
        int start = -1, end = 0;
        for (var b = 0; b < bands; b++)
        {
            var centre = top * (b + 1) / (bands + 1);
            if (centre >= ToMel(fromHz) && centre < ToMel(toHz))
            {
                if (start < 0)
                    start = b;
                end = b + 1;
            }
        }
        return start < 0 ? (0, 0) : (start, end);
    }

    private static class Unknown
    {
        // Confidence 0 marks "not measured" (the same convention as TempoReading.None / KeyReading.None).
        public static readonly TempoEstimate Tempo = new(0, 0, null);
        public static readonly KeyEstimate Key = new("", "", 0);
    }
}
