using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Tests.Model;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public sealed class TrackAnalyzerTests
{
    /// <summary>A 16-bit PCM stereo WAV of noise with a 2 Hz kick-like envelope.</summary>
    private static MemoryStream Wav(double seconds, int sampleRate = 44100)
    {
        var frames = (int)(seconds * sampleRate);
        var random = new Random(3);
        var interleaved = new short[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            var envelope = Math.Exp(-8 * (i % (sampleRate / 2)) / (double)sampleRate);
            interleaved[2 * i] = interleaved[2 * i + 1] = (short)(8000 * envelope * (random.NextDouble() * 2 - 1));
        }
        return new MemoryStream(Pcm16Wav.Encode(interleaved, sampleRate, channels: 2));
    }

    [Fact]
    public async Task Analyses_a_track_into_every_genre_sorted_with_families_and_a_timeline_to_the_end()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        using var session = InferenceSession.Load(directory);
        var analyzer = new TrackAnalyzer(session.Manifest!);
        var stages = new List<AnalysisStage>();

        var result = await analyzer.AnalyzeAsync(Wav(8), session, new SyncProgress(stages), CancellationToken.None);

        Assert.Equal(3, result.Genres.Count);
        Assert.True(result.Genres.Zip(result.Genres.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.Equal(1.0, result.Genres.Sum(g => g.Probability), 4);
        Assert.Equal(1.0, result.Families.Sum(f => f.Probability), 4);
        Assert.Equal(8.0, result.Timeline[^1].EndSeconds, 2);
        Assert.Equal("tiny@0.0.1", result.ModelVersion);
        Assert.Equal(new[] { AnalysisStage.Decoding, AnalysisStage.Extracting, AnalysisStage.Classifying, AnalysisStage.Completed }, stages);
    }

    [Fact]
    public void Decoding_reports_the_file_facts_and_resamples_to_the_model_rate()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        var analyzer = new TrackAnalyzer(ModelManifest.Read(directory));

        var track = analyzer.Decode(Wav(2), CancellationToken.None);

        Assert.Equal("wav", track.Facts.Format);
        Assert.Equal(44100, track.Facts.SampleRate);
        Assert.Equal(2, track.Facts.Channels);
        Assert.Equal(22050, track.SampleRate);
        Assert.InRange(track.Samples.Length, 44100 - 100, 44100 + 100);
    }

    [Fact]
    public async Task A_threshold_above_every_family_probability_flags_the_result_low_confidence()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, lowConfidenceThreshold: 1.01);
        using var session = InferenceSession.Load(directory);
        var analyzer = new TrackAnalyzer(session.Manifest!);

        var result = await analyzer.AnalyzeAsync(Wav(4), session, null, CancellationToken.None);

        Assert.True(result.LowConfidence);
    }

    [Fact]
    public async Task A_descriptor_head_moves_the_track_distribution_toward_the_genre_it_favours()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorHead: TinyModel.HeadFavouring(2));
        using var session = InferenceSession.Load(directory);
        var analyzer = new TrackAnalyzer(session.Manifest!, new TempoKeyReader());

        var result = await analyzer.AnalyzeAsync(Wav(4), session, null, CancellationToken.None);

        Assert.Equal("drumnbass", result.Genres[0].Slug);
        Assert.True(result.Genres[0].Probability > 0.99, $"drumnbass {result.Genres[0].Probability:F4}");
        Assert.Equal(1.0, result.Genres.Sum(g => g.Probability), 4);
    }

    [Fact]
    public async Task Scores_from_another_model_version_keep_their_windows_distribution_without_the_head()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorHead: TinyModel.HeadFavouring(2));
        using var session = InferenceSession.Load(directory);
        var analyzer = new TrackAnalyzer(session.Manifest!, new TempoKeyReader());
        var track = analyzer.Decode(Wav(4), CancellationToken.None);
        var features = analyzer.Extract(track, CancellationToken.None);
        var scores = await analyzer.ScoreAsync(features, session, CancellationToken.None) with { ModelVersion = "tiny@0.0.2" };

        var result = analyzer.BuildResult(track, features, scores);

        var windowsAlone = ScoreAggregator.Aggregate(scores.Genres, scores.GenreCount, ScoreAggregation.MeanProbability);
        foreach (var genre in result.Genres)
            Assert.Equal(windowsAlone[Array.FindIndex(TinyModel.Genres, g => g.Slug == genre.Slug)], genre.Probability, 6);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1e12, false)]
    public async Task A_track_is_flagged_unfamiliar_and_low_confidence_only_beyond_the_novelty_threshold(double threshold, bool flagged)
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorNovelty: TinyModel.EuclideanNovelty(4, threshold));
        using var session = InferenceSession.Load(directory);
        var analyzer = new TrackAnalyzer(session.Manifest!, new TempoKeyReader());

        var result = await analyzer.AnalyzeAsync(Wav(4), session, null, CancellationToken.None);

        Assert.Equal(flagged, result.UnfamiliarSound);
        Assert.Equal(flagged, result.LowConfidence);
    }

    [Fact]
    public void A_model_whose_novelty_measure_has_another_descriptor_version_is_refused()
    {
        var novelty = TinyModel.EuclideanNovelty(4, 1) with { Version = "descriptors-0" };
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorNovelty: novelty);

        Assert.Throws<InvalidDataException>(() => new TrackAnalyzer(ModelManifest.Read(directory)));
    }

    [Fact]
    public void A_model_whose_descriptor_head_has_another_version_is_refused()
    {
        var head = TinyModel.HeadFavouring(0) with { Version = "descriptors-0" };
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorHead: head);

        Assert.Throws<InvalidDataException>(() => new TrackAnalyzer(ModelManifest.Read(directory)));
    }

    [Fact]
    public void Bytes_that_are_not_audio_are_refused_with_the_decoding_error()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        var analyzer = new TrackAnalyzer(ModelManifest.Read(directory));
        var html = new MemoryStream("<html><body>not a song</body></html>"u8.ToArray());

        Assert.Throws<AudioDecodingException>(() => analyzer.Decode(html, CancellationToken.None));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, now.</summary>
    private sealed class SyncProgress(List<AnalysisStage> stages) : IProgress<AnalysisStage>
    {
        public void Report(AnalysisStage value) => stages.Add(value);
    }
}
