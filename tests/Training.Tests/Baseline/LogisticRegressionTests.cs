using GenreOrleans.Training.Baseline;

namespace GenreOrleans.Training.Tests.Baseline;

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
}
