using GenreOrleans.Analysis.Model;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

[Collection(SeededTorchCollection.Name)]
public sealed class GenreTrainerTests
{
    private static readonly LabelMap Labels = LabelMap.FromRows(
    [
        new GenreLabel("acidhouse", "Acid House", "House"),
        new GenreLabel("goatrance", "Goa Trance", "Trance"),
        new GenreLabel("darkside", "Darkside", "Jungle"),
    ]);

    private static readonly TrainingOptions Tiny = new() { WindowsPerGenre = 2, BatchSize = 3 };

    [Fact]
    public void A_refit_replays_the_given_learning_rates_one_epoch_each_and_keeps_the_last_weights()
    {
        var trainer = new GenreTrainer(Tiny, Labels, WindowParameters.Default, _ => { });
        var rates = new[] { 2e-3, 1e-3, 4e-4 };

        var run = trainer.Refit(SyntheticClips(6), rates, "test@1");

        Assert.Equal(rates, run.History.Select(e => e.LearningRate));
        Assert.Equal(3, run.BestEpoch);
        Assert.All(run.History, e => Assert.Null(e.ValidationScore));
        Assert.All(run.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        run.Session.Dispose();
    }

    [Fact]
    public void The_trained_network_and_its_session_are_on_the_device_the_options_name()
    {
        var trainer = new GenreTrainer(Tiny with { Device = TrainingDevice.Cpu }, Labels, WindowParameters.Default, _ => { });

        using var session = trainer.Refit(SyntheticClips(6), [2e-3], "test@1").Session;

        Assert.Equal(TorchSharp.DeviceType.CPU, session.Device.type);
        Assert.All(session.Network.parameters(), p => Assert.Equal(TorchSharp.DeviceType.CPU, p.device_type));
    }

    [Fact]
    public void A_validated_run_records_each_epochs_learning_rate_for_a_later_refit()
    {
        var trainer = new GenreTrainer(Tiny with { Epochs = 3, MaxMinutes = 60 }, Labels, WindowParameters.Default, _ => { });

        var run = trainer.Train(SyntheticClips(6), SyntheticClips(3), "test@1");

        Assert.Equal(3, run.History.Count);
        Assert.Equal(Tiny.LearningRate, run.History[0].LearningRate, 12);
        Assert.True(run.History[2].LearningRate < run.History[1].LearningRate, "the cosine decay lowers the rate epoch by epoch");
        Assert.All(run.History, e => Assert.NotNull(e.ValidationScore));
        run.Session.Dispose();
    }

    [Fact]
    public void Tempo_and_pitch_augmentation_train_with_finite_losses_and_leave_the_window_shape_alone()
    {
        var trainer = new GenreTrainer(Tiny with { TempoStretch = 0.4, PitchShiftSemitones = 2 }, Labels, WindowParameters.Default, _ => { });

        // Clips 40 frames longer than a window: a 1.4x stretch reads past their end and wraps.
        var run = trainer.Refit(SyntheticClips(6), [2e-3, 1e-3], "test@1");

        Assert.All(run.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        Assert.Equal(WindowParameters.Default, run.Session.Window);
        run.Session.Dispose();
    }

    [Fact]
    public void A_strong_link_penalty_draws_the_linked_genres_layer_rows_together()
    {
        var clips = SyntheticClips(6);
        (int, int)[] links = [(0, 2)];
        var free = new GenreTrainer(Tiny, Labels, WindowParameters.Default, _ => { }, links).Refit(clips, [2e-3, 2e-3], "test@1");
        var linked = new GenreTrainer(Tiny with { NetworkLinkWeight = 10 }, Labels, WindowParameters.Default, _ => { }, links).Refit(clips, [2e-3, 2e-3], "test@1");

        Assert.True(RowDistance(linked, 0, 2) < 0.9 * RowDistance(free, 0, 2));
        Assert.All(linked.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        free.Session.Dispose();
        linked.Session.Dispose();
    }

    [Fact]
    public void Family_warmup_epochs_train_on_the_family_loss_alone_and_then_on_both()
    {
        var clips = SyntheticClips(6);
        var plain = new GenreTrainer(Tiny, Labels, WindowParameters.Default, _ => { }).Refit(clips, [2e-3, 2e-3], "test@1");
        var warmed = new GenreTrainer(Tiny with { FamilyWarmupEpochs = 1 }, Labels, WindowParameters.Default, _ => { }).Refit(clips, [2e-3, 2e-3], "test@1");

        // Each genre here is its own family, so the genre cross-entropy and the family NLL are about
        // equal: the full loss is about 1.5 times the family loss alone.
        Assert.True(warmed.History[0].Loss < 0.8 * plain.History[0].Loss, $"{warmed.History[0].Loss} against {plain.History[0].Loss}");
        Assert.True(warmed.History[1].Loss > 0.8 * plain.History[1].Loss, $"{warmed.History[1].Loss} against {plain.History[1].Loss}");
        plain.Session.Dispose();
        warmed.Session.Dispose();
    }

    [Fact]
    public void Mutual_learning_trains_a_peer_on_the_same_batches_and_keeps_one_network()
    {
        var clips = SyntheticClips(6);
        var plain = new GenreTrainer(Tiny, Labels, WindowParameters.Default, _ => { }).Refit(clips, [2e-3, 2e-3], "test@1");
        var mutual = new GenreTrainer(Tiny with { MutualWeight = 1 }, Labels, WindowParameters.Default, _ => { }).Refit(clips, [2e-3, 2e-3], "test@1");

        Assert.Single(mutual.Session.Networks);
        Assert.All(mutual.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        // The first network starts from the same initialisation; its loss now also counts the peer's answer.
        Assert.NotEqual(plain.History[0].Loss, mutual.History[0].Loss);
        plain.Session.Dispose();
        mutual.Session.Dispose();
    }

    [Fact]
    public void A_wider_network_scales_every_width_and_trains_with_finite_losses()
    {
        var run = new GenreTrainer(Tiny with { Width = 1.5 }, Labels, WindowParameters.Default, _ => { }).Refit(SyntheticClips(6), [2e-3], "test@1");

        var shape = run.Session.Network.Options;
        Assert.Equal((24, 48, 96, 192, 144), (shape.ConvChannels1, shape.ConvChannels2, shape.ConvChannels3, shape.FrameEmbedding, shape.GruHidden));
        Assert.All(run.History, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0));
        run.Session.Dispose();
    }

    [Fact]
    public void The_dropout_option_reaches_the_network()
    {
        var window = WindowParameters.Default;

        var shape = new TrainingOptions { Dropout = 0.5 }.NetworkShape(window, 40, 3);

        Assert.Equal(0.5, shape.Dropout);
    }

    [Fact]
    public void The_default_width_builds_the_default_network()
    {
        var window = WindowParameters.Default;

        var shape = new TrainingOptions().NetworkShape(window, 40, 3);

        Assert.Equal(new NetworkOptions(window.MelBands, window.FramesPerWindow, 40, 3, StandardiseWindows: true), shape);
    }

    private static double RowDistance(TrainingRun run, int a, int b)
    {
        using var weights = run.Session.Network.GenreLayerWeight.detach();
        using var difference = weights[a] - weights[b];
        return difference.norm().item<float>();
    }

    [Fact]
    public void A_split_recorded_before_refits_existed_reads_as_not_refit()
    {
        const string recorded = """{"method":"stratified k-fold by clip","folds":5,"validationFold":0,"seed":7,"trainClips":746,"validationClips":184}""";

        var split = System.Text.Json.JsonSerializer.Deserialize<SplitDescription>(recorded, ModelManifest.JsonOptions)!;

        Assert.False(split.RefitOnAllClips);
        Assert.Equal(746, split.TrainClips);
    }

    /// <summary>Clips of random log-mel (two windows long) with summaries that match their bands, a few per genre.</summary>
    private static List<TrainingClip> SyntheticClips(int count)
    {
        var random = new Random(count);
        var window = WindowParameters.Default;
        var frames = window.FramesPerWindow + 40;
        return Enumerable.Range(0, count).Select(i =>
        {
            var genre = i % Labels.GenreCount;
            var mel = Enumerable.Range(0, window.MelBands * frames).Select(_ => (float)(-60 + 10 * genre + 5 * random.NextDouble())).ToArray();
            var matrix = new FeatureMatrix(window.MelBands, frames, mel);
            var summary = Analysis.Pipeline.TrackSummary.Compute(matrix);
            return new TrainingClip(new ClipFeatures(matrix, summary, new float[8]), genre);
        }).ToList();
    }
}
