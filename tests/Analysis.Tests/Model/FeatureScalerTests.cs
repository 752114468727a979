using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class FeatureScalerTests
{
    [Fact]
    public void Fitted_scaler_maps_training_rows_to_zero_mean_and_unit_deviation()
    {
        var rows = new List<float[]> { new[] { 1f, 10f }, new[] { 3f, 30f }, new[] { 5f, 50f } };
        var scaler = FeatureScaler.Fit(rows);
        var transformed = rows.Select(r => scaler.Transform(r)).ToList();

        for (var feature = 0; feature < 2; feature++)
        {
            var values = transformed.Select(r => (double)r[feature]).ToList();
            Assert.Equal(0, values.Average(), 5);
            Assert.Equal(1, Math.Sqrt(values.Select(v => v * v).Average()), 5);
        }
    }

    [Fact]
    public void Constant_feature_maps_to_zero_instead_of_dividing_by_zero()
    {
        var scaler = FeatureScaler.Fit(new List<float[]> { new[] { 2f }, new[] { 2f } });
        Assert.Equal(0f, scaler.Transform(new[] { 2f })[0]);
    }

    [Fact]
    public void Nearly_constant_feature_keeps_an_unseen_value_on_the_scale_of_its_difference()
    {
        // A summary band that sits at the floor in every training clip, up to rounding.
        var rows = new List<float[]> { new[] { -80f, 1f }, new[] { -80.00001f, 3f }, new[] { -79.99999f, 5f } };
        var scaler = FeatureScaler.Fit(rows);

        var unseen = scaler.Transform(new[] { -74f, 3f });

        Assert.InRange(unseen[0], 5.9f, 6.1f);
        Assert.Equal(0f, unseen[1], 5);
    }

    [Fact]
    public void Row_transform_uses_each_rows_own_statistics_in_every_window()
    {
        var scaler = new FeatureScaler(new[] { 0f, 10f }, new[] { 1f, 2f });
        // Two windows of 2 rows x 3 columns.
        var source = new float[] { 1, 2, 3, 10, 12, 14, 4, 5, 6, 8, 10, 12 };
        var result = new float[source.Length];
        scaler.TransformRows(source, result, 3);
        Assert.Equal(new float[] { 1, 2, 3, 0, 1, 2, 4, 5, 6, -1, 0, 1 }, result);
    }
}
