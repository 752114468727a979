using GenreOrleans.Training.Baseline;

namespace GenreOrleans.Training.Tests.Baseline;

[Collection(SeededTorchCollection.Name)]
public class LogisticRegressionTests
{
    [Fact]
    public void Three_separated_clusters_are_told_apart()
    {
        var random = new Random(5);
        var centres = new[] { (0f, 0f), (10f, 0f), (0f, 10f) };
        var rows = new List<float[]>();
        var classes = new List<int>();
        for (var c = 0; c < centres.Length; c++)
        {
            for (var i = 0; i < 20; i++)
            {
                rows.Add([centres[c].Item1 + (float)random.NextDouble(), centres[c].Item2 + (float)random.NextDouble()]);
                classes.Add(c);
            }
        }

        var model = LogisticRegression.Fit(rows, classes, 3, seed: 1);

        for (var c = 0; c < centres.Length; c++)
        {
            var p = model.Probabilities([centres[c].Item1 + 0.5f, centres[c].Item2 + 0.5f]);
            Assert.Equal(c, Array.IndexOf(p, p.Max()));
        }
    }

    [Fact]
    public void The_fitted_model_becomes_a_descriptor_head_with_the_same_probabilities()
    {
        var model = LogisticRegression.Fit([[0f, 1f], [1f, 0f], [2f, 2f]], [0, 1, 1], 2, seed: 1);

        var head = model.ToDescriptorHead("v", 1.0);

        Assert.Equal(model.Probabilities([0.5f, 0.5f]), head.LogProbabilities([0.5f, 0.5f]).Select(Math.Exp));
    }

    [Fact]
    public void Linked_classes_weights_are_drawn_towards_each_other()
    {
        // Three classes on a line; 0 and 2 are linked, so the penalty pulls their weight rows together.
        var rows = new List<float[]>();
        var classes = new List<int>();
        var random = new Random(3);
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 10; i++)
            {
                rows.Add([c * 4f + (float)random.NextDouble(), (float)random.NextDouble()]);
                classes.Add(c);
            }
        }

        var free = LogisticRegression.Fit(rows, classes, 3, seed: 1);
        var linked = LogisticRegression.Fit(rows, classes, 3, seed: 1, links: [(0, 2)], linkWeight: 1.0);

        Assert.True(RowDistance(linked.Weights, 0, 2) < 0.5 * RowDistance(free.Weights, 0, 2));
    }

    [Fact]
    public void No_links_or_a_zero_weight_fit_the_plain_regression()
    {
        float[][] rows = [[0f, 1f], [1f, 0f], [2f, 2f], [1f, 1f]];
        int[] classes = [0, 1, 2, 1];

        var plain = LogisticRegression.Fit(rows, classes, 3, seed: 1);
        var weightless = LogisticRegression.Fit(rows, classes, 3, seed: 1, links: [(0, 2)], linkWeight: 0);

        Assert.Equal(plain.Weights, weightless.Weights);
    }

    private static double RowDistance(float[] weights, int a, int b)
    {
        var columns = weights.Length / 3;
        return Math.Sqrt(Enumerable.Range(0, columns).Sum(j => Math.Pow(weights[a * columns + j] - weights[b * columns + j], 2)));
    }
}
