using GenreOrleans.Analysis.Model;
using static TorchSharp.torch;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class GenreNetworkTests
{
    [Theory]
    [InlineData(ConvFrontEnd.Strided, true)]
    [InlineData(ConvFrontEnd.FullResolution, false)]
    public void Gives_one_logit_per_genre_for_each_window(ConvFrontEnd frontEnd, bool recurrent)
    {
        using var network = new GenreNetwork(new NetworkOptions(128, 128, 8, 179, Recurrent: recurrent, FrontEnd: frontEnd));
        network.eval();
        using var mel = randn(3, 128, 128);
        using var summary = randn(3, 8);
        using var logits = network.call(mel, summary);
        Assert.Equal(new long[] { 3, 179 }, logits.shape);
    }

    [Fact]
    public void The_full_resolution_front_end_keeps_the_reference_channels_by_default_and_scales_them_with_the_first()
    {
        static long[] ConvOutputs(NetworkOptions options)
        {
            using var network = new GenreNetwork(options);
            return network.named_parameters().Where(p => p.name.EndsWith("conv.weight")).Select(p => p.parameter.shape[0]).ToArray();
        }
        var reference = new NetworkOptions(128, 128, 8, 3, Recurrent: false, FrontEnd: ConvFrontEnd.FullResolution);

        Assert.Equal(new long[] { 16, 32, 64, 128, 128 }, ConvOutputs(reference));
        Assert.Equal(new long[] { 8, 16, 32, 64, 64 }, ConvOutputs(reference with { ConvChannels1 = 8 }));
    }

    [Fact]
    public void A_manifest_without_a_front_end_reads_as_the_strided_one()
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<NetworkOptions>(
            """{ "melBands": 128, "framesPerWindow": 128, "summaryLength": 8, "genreCount": 3 }""", ModelManifest.JsonOptions)!;
        Assert.Equal(ConvFrontEnd.Strided, options.FrontEnd);
    }

    [Fact]
    public void The_front_end_is_written_by_name()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new NetworkOptions(128, 128, 8, 3, FrontEnd: ConvFrontEnd.FullResolution), ModelManifest.JsonOptions);
        Assert.Contains("\"frontEnd\": \"FullResolution\"", json);
    }

    [Fact]
    public void A_standardising_network_ignores_a_fixed_eq_and_a_uniform_compression_of_the_window()
    {
        using var network = new GenreNetwork(new NetworkOptions(128, 128, 8, 179, StandardiseWindows: true));
        network.eval();
        using var mel = randn(2, 128, 128);
        using var summary = randn(2, 8);
        using var eq = linspace(-3, 3, 128).reshape(1, 128, 1);
        using var original = network.call(mel, summary);
        using var recorded = network.call(0.6 * mel + eq, summary);
        Assert.True(allclose(original, recorded, rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void A_network_reading_the_lowest_bands_ignores_the_bands_above_them_in_windows_and_summary()
    {
        using var network = new GenreNetwork(new NetworkOptions(128, 128, 256, 179, StandardiseWindows: true, BandsRead: 112));
        network.eval();
        using var mel = randn(2, 128, 128);
        using var summary = randn(2, 256);
        // What a 16 kHz source does to the top 16 bands: nothing left but the floor.
        using var above = cat(new[] { zeros(1, 112, 1), ones(1, 16, 1) }, 1);
        using var cutMel = mel * (1 - above) - 80 * above;
        using var summaryAbove = cat(new[] { zeros(112), ones(16), zeros(112), ones(16) }).reshape(1, 256);
        using var cutSummary = summary * (1 - summaryAbove);
        using var original = network.call(mel, summary);
        using var cut = network.call(cutMel, cutSummary);
        Assert.True(allclose(original, cut, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void A_manifest_without_bands_read_reads_every_band()
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<NetworkOptions>(
            """{ "melBands": 128, "framesPerWindow": 128, "summaryLength": 256, "genreCount": 3 }""", ModelManifest.JsonOptions)!;
        Assert.Equal((128, 256), (options.InputBands, options.InputSummaryLength));
        Assert.DoesNotContain("inputBands", System.Text.Json.JsonSerializer.Serialize(options, ModelManifest.JsonOptions));
    }

    [Fact]
    public void A_manifest_without_window_standardisation_reads_as_without()
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<NetworkOptions>(
            """{ "melBands": 128, "framesPerWindow": 128, "summaryLength": 8, "genreCount": 3 }""", ModelManifest.JsonOptions)!;
        Assert.False(options.StandardiseWindows);
    }

    [Fact]
    public void Family_probabilities_are_the_sums_of_their_genres()
    {
        var labels = LabelMap.FromRows(TinyModel.Genres);
        using var membership = GenreNetwork.FamilyMembership(labels, CPU);
        using var genres = tensor(new float[] { 0.2f, 0.3f, 0.5f }, new long[] { 1, 3 });
        using var families = GenreNetwork.FamilyProbabilities(genres, membership);
        Assert.Equal(new[] { 0.5f, 0.5f }, families.data<float>().ToArray());
    }
}
