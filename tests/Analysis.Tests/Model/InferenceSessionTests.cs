using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class InferenceSessionTests
{
    private static WindowBatch RandomBatch(int windows, int seed)
    {
        var random = new Random(seed);
        var window = WindowParameters.Default;
        var mel = Enumerable.Range(0, windows * window.MelBands * window.FramesPerWindow).Select(_ => (float)(-80 * random.NextDouble())).ToArray();
        var summary = Enumerable.Range(0, windows * 2 * window.MelBands).Select(_ => (float)random.NextDouble()).ToArray();
        return new WindowBatch(mel, summary, windows, window.MelBands, window.FramesPerWindow, 2 * window.MelBands);
    }

    [Fact]
    public async Task Loaded_model_gives_probability_distributions_per_window()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        using var session = InferenceSession.Load(directory);

        var scores = await session.ScoreAsync(RandomBatch(5, 1));

        Assert.Equal(5, scores.WindowCount);
        for (var w = 0; w < 5; w++)
        {
            Assert.Equal(1.0, scores.Genres.Skip(w * 3).Take(3).Sum(), 4);
            Assert.Equal(1.0, scores.Families.Skip(w * 2).Take(2).Sum(), 4);
        }
        Assert.Equal("tiny@0.0.1", scores.ModelVersion);
    }

    [Fact]
    public async Task Scores_do_not_depend_on_how_windows_are_chunked()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        using var whole = InferenceSession.Load(directory);
        using var chunked = InferenceSession.Load(directory);
        var batch = RandomBatch(7, 2);

        var a = await whole.ScoreAsync(batch);
        var b = await new InferenceSession([chunked.Network], chunked.Labels, chunked.Window, chunked.MelScaler, chunked.SummaryScaler, "x") { MaxBatch = 3 }
            .ScoreAsync(batch);

        for (var i = 0; i < a.Genres.Length; i++)
            Assert.Equal(a.Genres[i], b.Genres[i], 4);
    }

    [Fact]
    public async Task An_ensemble_scores_the_mean_of_its_networks_probabilities()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, networks: 2);
        var manifest = ModelManifest.Read(directory);
        using var ensemble = InferenceSession.Load(directory);
        var batch = RandomBatch(4, 3);
        var members = new List<WindowScores>();
        foreach (var file in manifest.AllWeightsFiles)
        {
            var network = new GenreNetwork(manifest.Network);
            network.load(Path.Combine(directory, file));
            using var single = new InferenceSession([network], ensemble.Labels, ensemble.Window, ensemble.MelScaler, ensemble.SummaryScaler, "x");
            members.Add(await single.ScoreAsync(batch));
        }

        var scores = await ensemble.ScoreAsync(batch);

        Assert.Equal(2, ensemble.Networks.Count);
        Assert.NotEqual(members[0].Genres, members[1].Genres);
        for (var i = 0; i < scores.Genres.Length; i++)
            Assert.Equal((members[0].Genres[i] + members[1].Genres[i]) / 2, scores.Genres[i], 5);
        for (var i = 0; i < scores.Families.Length; i++)
            Assert.Equal((members[0].Families[i] + members[1].Families[i]) / 2, scores.Families[i], 5);
    }

    [Fact]
    public async Task An_ensemble_of_two_shapes_rebuilds_each_network_from_its_own_shape()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, networks: 2,
            ensembleShape: shape => shape with { FrontEnd = ConvFrontEnd.FullResolution, ConvChannels1 = 4, Recurrent = false });
        var manifest = ModelManifest.Read(directory);
        using var ensemble = InferenceSession.Load(directory);

        var scores = await ensemble.ScoreAsync(RandomBatch(2, 5));

        Assert.Equal(manifest.AllNetworks, ensemble.Networks.Select(n => n.Options));
        Assert.Equal(ConvFrontEnd.FullResolution, ensemble.Networks[1].Options.FrontEnd);
        Assert.Equal(ConvFrontEnd.Strided, ensemble.Networks[0].Options.FrontEnd);
        Assert.All(scores.Genres, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void A_model_whose_ensemble_shapes_do_not_match_its_weights_is_refused()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, networks: 2);
        var manifest = ModelManifest.Read(directory);
        (manifest with { EnsembleNetworks = [manifest.Network, manifest.Network] }).Write(directory);

        var error = Assert.Throws<InvalidDataException>(() => InferenceSession.Load(directory));

        Assert.Contains("2 ensemble network shapes for 1 ensemble weights files", error.Message);
    }

    [Fact]
    public void A_model_whose_listed_weights_are_missing_is_refused_with_the_files_name()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, networks: 2);
        File.Delete(Path.Combine(directory, "weights-2.dat"));

        var error = Assert.Throws<FileNotFoundException>(() => InferenceSession.Load(directory));

        Assert.Contains("tiny@0.0.1 lists the weights weights-2.dat", error.Message);
    }

    [Fact]
    public async Task Refuses_windows_of_another_shape()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path);
        using var session = InferenceSession.Load(directory);
        var wrong = new WindowBatch(new float[64 * 64], new float[256], 1, 64, 64, 256);
        await Assert.ThrowsAsync<ArgumentException>(() => session.ScoreAsync(wrong));
    }
}
