using GenreOrleans.Analysis.Model;
using static TorchSharp.torch;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class GenreNetworkTests
{
    [Fact]
    public void Gives_one_logit_per_genre_for_each_window()
    {
        using var network = new GenreNetwork(new NetworkOptions(128, 128, 256, 179));
        network.eval();
        using var mel = randn(3, 128, 128);
        using var summary = randn(3, 256);
        using var logits = network.call(mel, summary);
        Assert.Equal(new long[] { 3, 179 }, logits.shape);
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
