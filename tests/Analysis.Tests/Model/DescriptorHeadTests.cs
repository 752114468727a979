using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Model;

public class DescriptorHeadTests
{
    [Fact]
    public void Log_probabilities_of_a_vector_sum_to_one()
    {
        var head = TinyModel.HeadFavouring(1);

        var logProbabilities = head.LogProbabilities(new float[DescriptorVector.Length]);

        Assert.Equal(1.0, logProbabilities.Sum(Math.Exp), 9);
        Assert.Equal(1, Array.IndexOf(logProbabilities, logProbabilities.Max()));
    }

    [Fact]
    public void Fusing_at_weight_zero_returns_the_network_distribution()
    {
        double[] network = [0.5, 0.3, 0.2];

        var fused = DescriptorHead.Fuse(network, [Math.Log(0.1), Math.Log(0.1), Math.Log(0.8)], 0);

        Assert.Equal(network, fused.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Fusing_at_weight_one_returns_the_head_distribution()
    {
        var fused = DescriptorHead.Fuse([0.6, 0.3, 0.1], [Math.Log(0.25), Math.Log(0.75), Math.Log(1e-9)], 1);

        Assert.Equal(0.25, fused[0], 6);
        Assert.Equal(0.75, fused[1], 6);
    }

    [Fact]
    public void Fusing_at_weight_one_half_is_the_renormalised_geometric_mean()
    {
        var fused = DescriptorHead.Fuse([0.5, 0.5, 0.0], [Math.Log(0.25), Math.Log(0.75), Math.Log(1e-9)], 0.5);

        var a = Math.Sqrt(0.5 * 0.25);
        var b = Math.Sqrt(0.5 * 0.75);
        Assert.Equal(a / (a + b), fused[0], 6);
        Assert.Equal(b / (a + b), fused[1], 6);
        Assert.True(fused[2] < 1e-6);
    }

    [Fact]
    public void A_vector_of_the_wrong_length_is_refused()
    {
        var head = TinyModel.HeadFavouring(0);

        Assert.Throws<ArgumentException>(() => head.LogProbabilities(new float[3]));
    }

    [Fact]
    public void The_head_survives_model_json_bit_for_bit()
    {
        var head = TinyModel.HeadFavouring(2) with { Bias = [0.1f, -1e-7f, 3.4028235e38f] };
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorHead: head);

        var read = ModelManifest.Read(directory).DescriptorHead!;

        Assert.Equal(head.Bias, read.Bias);
        Assert.Equal(head.Weights, read.Weights);
        Assert.Equal(head.Scaler.Deviation, read.Scaler.Deviation);
        Assert.Equal(head.FusionWeight, read.FusionWeight);
    }
}
