using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Tests.Model;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Tracks;

/// <summary>
/// The TrackGrain with the product pipeline (TrackAnalyzer, the InferenceGrain, a TorchSharp
/// InferenceSession): the path an upload takes through a silo. The model is an untrained tiny
/// one (three genres) so that the test does not depend on the shipped weights; only the shape
/// of the result is checked, not the genres.
/// </summary>
public sealed class TrackGrainPipelineTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");
    private GenreTestCluster _cluster = null!;
    private string _model = null!;

    public async Task InitializeAsync()
    {
        _model = TinyModel.Create(_data.File("tiny-model"));
        _cluster = await GenreTestCluster.StartAsync(_data.Path, pipeline: null,
            siloSettings: _ => [new("Inference:ModelDirectory", _model)]);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _data.Dispose();
    }

    private async Task<TrackSnapshot> AnalyseAsync(string path)
    {
        var id = Guid.NewGuid();
        await _cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(new TrackUpload(path, Path.GetFileName(path), new FileInfo(path).Length, null));
        return await _cluster.WaitForFinishAsync(id);
    }

    [Fact]
    public async Task A_wav_made_in_the_test_completes_with_every_model_genre()
    {
        var done = await AnalyseAsync(TestWav.Write(_data.File("tone.wav"), seconds: 8));

        Assert.Equal(TrackStatus.Completed, done.Status);
        Assert.Equal("wav", done.Facts!.Format);
        Assert.Equal(8.0, done.Facts.DurationSeconds, 1);
        Assert.Equal(TinyModel.Genres.Select(g => g.Slug).Order(), done.Result!.Genres.Select(g => g.Slug).Order());
        Assert.Equal(1.0, done.Result.Genres.Sum(genre => genre.Probability), 3);
        Assert.NotEmpty(done.Result.Timeline);
        var status = await _cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).GetStatusAsync();
        Assert.Equal(status.ModelVersion, done.Result.ModelVersion);
    }

    [Fact]
    public async Task The_inference_grain_reports_the_device_torch_runs_its_model_on()
    {
        var status = await _cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).GetStatusAsync();

        Assert.Equal(TorchSharp.torch.cuda.is_available() ? "CUDA" : "CPU", status.Device);
    }

    [SkippableFact]
    public async Task A_dataset_mp3_completes_with_its_file_facts()
    {
        var clip = Path.Combine(TestPaths.RequireDataset(), "clips", "2stepgarage", "59.mp3");

        var done = await AnalyseAsync(clip);

        Assert.Equal(TrackStatus.Completed, done.Status);
        Assert.Equal("mp3", done.Facts!.Format);
        Assert.InRange(done.Facts.DurationSeconds, 14.0, 14.8); // manifest.csv: 14.396 s
        Assert.Equal(TinyModel.Genres.Length, done.Result!.Genres.Count);
    }

    [Fact]
    public async Task Bytes_that_are_not_audio_fail_with_the_decoders_reason()
    {
        var path = _data.File("page.mp3");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body>not audio</body></html>");

        var done = await AnalyseAsync(path);

        Assert.Equal(TrackStatus.Failed, done.Status);
        Assert.StartsWith("The file could not be decoded as audio: ", done.Error);
    }

    [Fact]
    public async Task After_a_hot_swap_tracks_are_scored_by_the_new_model_version()
    {
        var next = TinyModel.Create(_data.File("tiny-model-2"));
        (ModelManifest.Read(next) with { Version = "0.0.2" }).Write(next);
        var inference = _cluster.Client.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey);
        var before = await inference.GetStatusAsync();

        var after = await inference.SwapModelAsync(next);
        var done = await AnalyseAsync(TestWav.Write(_data.File("after-swap.wav"), seconds: 4));

        Assert.Equal("tiny@0.0.1", before.ModelVersion);
        Assert.Equal("tiny@0.0.2", after.ModelVersion);
        Assert.Equal(TrackStatus.Completed, done.Status);
        Assert.Equal("tiny@0.0.2", done.Result!.ModelVersion);
    }
}
